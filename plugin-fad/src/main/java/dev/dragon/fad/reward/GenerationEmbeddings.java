package dev.dragon.fad.reward;

import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Generation;
import java.util.ArrayList;
import java.util.List;

/** Embeds generations for a FAD reward and names each one for error messages. */
final class GenerationEmbeddings {

    final List<FrameEmbeddings> frames;
    final List<String> names;

    private GenerationEmbeddings(List<FrameEmbeddings> frames, List<String> names) {
        this.frames = frames;
        this.names = names;
    }

    static GenerationEmbeddings of(List<Generation> generations, Encoder encoder, String rewardId) {
        if (generations.isEmpty()) throw new IllegalArgumentException("reward '" + rewardId + "' (plugin-fad): empty set of generations");
        List<FrameEmbeddings> frames = new ArrayList<>(generations.size());
        List<String> names = new ArrayList<>(generations.size());
        for (int i = 0; i < generations.size(); i++) {
            Generation g = generations.get(i);
            names.add("generation " + i + " (prompt " + g.prompt().id() + ", seed " + g.seed() + ")");
            frames.add(encoder.embedAudio(g.audio()));
        }
        return new GenerationEmbeddings(frames, names);
    }

    /** Rewrites a computation's failure so that it names the plugin and reward as well as the input. */
    static IllegalArgumentException failure(String rewardId, RuntimeException e) {
        return new IllegalArgumentException("reward '" + rewardId + "' (plugin-fad): " + e.getMessage(), e);
    }
}
