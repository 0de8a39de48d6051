package org.example.dragon.tonality;

/** The test signals of src/test/python/reference_flatness.py, by the same formulas (float samples at 16 kHz). */
final class TestSignals {

    static final int RATE = 16000;

    private TestSignals() {
    }

    static float[] named(String name) {
        return switch (name) {
            case "sine440" -> sine(RATE, 440, 0.5);
            case "chord" -> {
                double[] x = new double[RATE];
                for (double f : new double[] {261.63, 329.63, 392.0}) {
                    for (int i = 0; i < RATE; i++) x[i] += 0.2 * Math.sin(2 * Math.PI * f * (i / (double) RATE));
                }
                yield toFloat(x);
            }
            case "noise" -> toFloat(lcgNoise(RATE, 12345));
            case "sine-plus-noise" -> {
                double[] noise = lcgNoise(RATE, 777);
                double[] x = new double[RATE];
                for (int i = 0; i < RATE; i++) x[i] = 0.5 * Math.sin(2 * Math.PI * 440 * (i / (double) RATE)) + 0.1 * noise[i];
                yield toFloat(x);
            }
            case "short-sine" -> sine(500, 440, 0.5);
            case "silence-then-noise" -> {
                double[] x = new double[RATE];
                double[] noise = lcgNoise(RATE - RATE / 2, 99);
                System.arraycopy(noise, 0, x, RATE / 2, noise.length);
                yield toFloat(x);
            }
            default -> throw new IllegalArgumentException("unknown test signal " + name);
        };
    }

    static float[] sine(int n, double hz, double amplitude) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = amplitude * Math.sin(2 * Math.PI * hz * (i / (double) RATE));
        return toFloat(x);
    }

    /** Uniform noise in [-0.5, 0.5) from the 32-bit LCG x' = (1664525 x + 1013904223) mod 2^32. */
    static double[] lcgNoise(int n, long seed) {
        double[] out = new double[n];
        long state = seed;
        for (int i = 0; i < n; i++) {
            state = (1664525L * state + 1013904223L) & 0xFFFFFFFFL;
            out[i] = state / 4294967296.0 - 0.5;
        }
        return out;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }
}
