package dev.dragon.io;

import dev.dragon.api.AudioClip;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc (polyphase for rational ratios).
 *
 * <p>The low-pass cut-off sits at {@value #CUTOFF} of the lower Nyquist frequency and the window spans
 * {@value #ZERO_CROSSINGS} zero crossings on each side with a Kaiser β giving about 90 dB of stop-band
 * rejection: flat (within 1e-3) to about 85 % of the lower Nyquist, alias-free above it. Each phase's taps are
 * normalised to unit DC gain. Output length is {@code round(frames · to / from)}; sample k of the output sits at
 * input time {@code k · from / to}, so signals stay aligned.
 */
public final class Resampler {

    static final double CUTOFF = 0.92;
    static final int ZERO_CROSSINGS = 48;
    private static final double KAISER_BETA = 8.96; // 0.1102 · (90 dB − 8.7)
    private static final int MAX_PHASES = 4096;

    private final int from;
    private final int to;
    private final int up;
    private final int down;
    private final double cutoff;  // in cycles per input sample
    private final int halfWidth;  // taps each side, in input samples
    private final double[][] phases; // null when the ratio has too many phases to tabulate

    /**
     * @param fromRate the input rate, positive
     * @param toRate   the output rate, positive
     */
    public Resampler(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        this.from = fromRate;
        this.to = toRate;
        int g = gcd(fromRate, toRate);
        this.up = toRate / g;
        this.down = fromRate / g;
        this.cutoff = CUTOFF * 0.5 * Math.min(1.0, toRate / (double) fromRate);
        this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
        this.phases = up <= MAX_PHASES ? tabulate() : null;
    }

    /**
     * Converts every channel of a clip to {@code toRate}.
     *
     * @param clip   the input
     * @param toRate the output rate
     * @return the clip itself when the rates are equal, else a new clip
     */
    public static AudioClip resample(AudioClip clip, int toRate) {
        if (clip.sampleRate() == toRate) return clip;
        Resampler r = new Resampler(clip.sampleRate(), toRate);
        float[][] out = new float[clip.channelCount()][];
        for (int c = 0; c < out.length; c++) out[c] = r.process(clip.channel(c));
        return new AudioClip(toRate, out);
    }

    /**
     * Resamples one channel.
     *
     * @param x samples at the input rate
     * @return samples at the output rate
     */
    public float[] process(float[] x) {
        int n = (int) Math.round(x.length * (double) to / from);
        float[] y = new float[n];
        for (int k = 0; k < n; k++) {
            // output k at input time k·down/up = base + phase/up
            long num = (long) k * down;
            int base = (int) (num / up);
            int phase = (int) (num % up);
            double[] taps = phases != null ? phases[phase] : taps(phase / (double) up);
            double acc = 0;
            int first = base - halfWidth + 1;
            for (int j = 0; j < taps.length; j++) {
                int i = first + j;
                if (i >= 0 && i < x.length) acc += taps[j] * x[i];
            }
            y[k] = (float) acc;
        }
        return y;
    }

    private double[][] tabulate() {
        double[][] table = new double[up][];
        for (int p = 0; p < up; p++) table[p] = taps(p / (double) up);
        return table;
    }

    /** Taps for inputs base−halfWidth+1 … base+halfWidth when the output sits {@code frac} after {@code base}. */
    private double[] taps(double frac) {
        double[] h = new double[2 * halfWidth];
        double sum = 0;
        for (int j = 0; j < h.length; j++) {
            double distance = frac + halfWidth - 1 - j; // output time minus input time, in input samples
            h[j] = 2 * cutoff * sinc(2 * cutoff * distance) * kaiser(distance / halfWidth);
            sum += h[j];
        }
        for (int j = 0; j < h.length; j++) h[j] /= sum;
        return h;
    }

    private static double sinc(double u) {
        if (u == 0) return 1;
        double a = Math.PI * u;
        return Math.sin(a) / a;
    }

    private static double kaiser(double r) {
        if (Math.abs(r) >= 1) return 0;
        return besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / besselI0(KAISER_BETA);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200 && term > 1e-17 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
