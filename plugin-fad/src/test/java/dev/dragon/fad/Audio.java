package dev.dragon.fad;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;

/** Small deterministic clips for reward tests. */
public final class Audio {

    private Audio() {
    }

    /** @return a mono clip of {@code samples} noise-like samples in [-0.5, 0.5) with a DC offset */
    public static AudioClip clip(long seed, int samples, double offset) {
        double[] u = GeneratedEmbeddings.uniform(seed, samples);
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) x[i] = (float) (0.5 * u[i] + offset);
        return AudioClip.mono(16_000, x);
    }

    /** @return a generation holding that clip */
    public static Generation generation(long seed, int samples, double offset) {
        return new Generation(new Prompt("p" + seed, "prompt " + seed), seed, clip(seed, samples, offset), null, "test-generator");
    }
}
