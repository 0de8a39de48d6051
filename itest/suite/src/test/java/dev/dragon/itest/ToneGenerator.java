package dev.dragon.itest;

import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Generator;
import dev.dragon.api.Latent;
import dev.dragon.api.LossSettings;
import dev.dragon.api.PreferenceBatch;
import dev.dragon.api.SamplingRequest;
import dev.dragon.api.TrainingStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A test generator for the in-framework DRAGON runs: its "model" is one frequency; a sample is a {@link TestAudio}
 * clip at that frequency plus a seeded offset (the latent holds the frequency drawn); an update moves the frequency
 * toward D+'s mean and away from D−'s. Enough to drive the loop through real rewards, not a diffusion model.
 */
final class ToneGenerator implements Generator {

    static final String ID = "itest-tone";

    private final String id;
    private volatile double frequency;
    volatile int updates;

    ToneGenerator(double frequency) {
        this(ID, frequency);
    }

    /** @param id the generator id to answer to (e.g. standing in for the built-in generator) */
    ToneGenerator(String id, double frequency) {
        this.id = id;
        this.frequency = frequency;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String fingerprint() {
        return "itest-tone-1";
    }

    @Override
    public List<Generation> sample(SamplingRequest request) {
        List<Generation> out = new ArrayList<>();
        for (int i = 0; i < request.prompts().size(); i++) {
            long seed = request.seeds().get(i);
            double hz = frequency + 400 * new Random(seed).nextGaussian();
            hz = Math.max(100, Math.min(7_800, hz));
            out.add(new Generation(request.prompts().get(i), seed, TestAudio.clip(hz, seed),
                new Latent(new int[] {1}, new float[] {(float) hz}), id));
        }
        return out;
    }

    @Override
    public TrainingStatistics train(PreferenceBatch batch, LossSettings loss) {
        double plus = batch.positives().stream().mapToDouble(g -> g.latent().values()[0]).average().orElse(frequency);
        double minus = batch.negatives().stream().mapToDouble(g -> g.latent().values()[0]).average().orElse(frequency);
        double step = loss.learningRate() * (plus - minus);
        frequency += step;
        updates++;
        return new TrainingStatistics(-Math.abs(step), plus - minus, Math.abs(plus - minus), batch.size());
    }

    @Override
    public void checkpoint(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("frequency.txt"), Double.toString(frequency));
    }

    @Override
    public void restore(Path directory) throws IOException {
        frequency = Double.parseDouble(Files.readString(directory.resolve("frequency.txt")).trim());
    }

    @Override
    public Encoder latentEncoder() {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
