package dev.dragon.clap.bench;

import dev.dragon.clap.encoders.MiniLmTextEncoder;
import dev.dragon.clap.onnx.SessionSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark, not a test: how long the MiniLM text encoder takes to embed 100 prompts (goal: under 2 s).
 * Run: {@code mvn -o -q -pl plugin-clap -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java}. Prints load time, then the best and
 * median of 5 timed rounds after 2 warm-up rounds, batched (32 per run) and one prompt at a time.
 */
public final class MiniLmBenchmark {

    private MiniLmBenchmark() {
    }

    /**
     * @param args unused
     * @throws IOException when the model package is missing
     */
    public static void main(String[] args) throws IOException {
        String[] moods = {"calm", "energetic", "melancholic", "joyful", "dark", "dreamy", "aggressive", "playful", "epic", "minimal"};
        String[] styles = {"piano ballad", "techno track with a driving kick", "string quartet piece", "lo-fi hip hop beat",
            "ambient drone with slow pads", "funk groove with slap bass", "orchestral film score", "acoustic folk song with guitar",
            "drum and bass with fast breakbeats", "jazz trio with brushed drums"};
        List<String> prompts = new ArrayList<>();
        for (String mood : moods) for (String style : styles) prompts.add("A " + mood + " " + style + ".");

        long t0 = System.nanoTime();
        MiniLmTextEncoder encoder = new MiniLmTextEncoder();
        encoder.load("minilm-l6-v2", null, null, SessionSettings.defaults(), 32);
        System.out.printf("load (read model package, create session): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        try {
            report("100 prompts, batches of 32", () -> encoder.embedTexts(prompts));
            report("100 prompts, one at a time", () -> prompts.forEach(encoder::embedText));
        } finally {
            encoder.close();
        }
    }

    private static void report(String what, Runnable work) {
        for (int i = 0; i < 2; i++) work.run();
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("%s: best %.0f ms, median %.0f ms (%d cores)%n", what, ms[0], ms[2], Runtime.getRuntime().availableProcessors());
    }
}
