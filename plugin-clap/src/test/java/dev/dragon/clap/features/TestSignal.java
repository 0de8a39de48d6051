package dev.dragon.clap.features;

/** The synthetic test signal of make_clap_fixtures.py, evaluated the same way (float64, then float32). */
public final class TestSignal {

    private TestSignal() {
    }

    /**
     * @param samples    length
     * @param sampleRate Hz
     * @return two tones, a chirp with tremolo and a little LCG noise
     */
    public static float[] of(int samples, int sampleRate) {
        float[] x = new float[samples];
        for (int n = 0; n < samples; n++) {
            double t = n / (double) sampleRate;
            double noise = ((n * 1103515245L + 12345L) % (1L << 31)) / 2147483648.0 * 2.0 - 1.0;
            double v = 0.4 * Math.sin(2 * Math.PI * 440.0 * t)
                + 0.25 * Math.sin(2 * Math.PI * (150.0 + 400.0 * t) * t) * (0.5 + 0.5 * Math.sin(2 * Math.PI * 0.7 * t))
                + 0.05 * noise;
            x[n] = (float) v;
        }
        return x;
    }
}
