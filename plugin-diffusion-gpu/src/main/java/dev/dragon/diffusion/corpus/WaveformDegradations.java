package dev.dragon.diffusion.corpus;

import java.util.SplittableRandom;

/**
 * The waveform degradations of the proxy rating set, as pure functions on mono samples (inputs are never modified).
 * See {@link Degradation} for the severities.
 */
public final class WaveformDegradations {

    /** Rate of the pitch wobble used for {@link Degradation#DETUNING}, in Hz. */
    public static final double WOW_HZ = 0.7;

    private WaveformDegradations() {
    }

    /**
     * Adds white Gaussian noise whose power is the clip's mean power divided by 10^(snr/10). A silent clip stays
     * silent (its power is zero).
     *
     * @param x      the samples
     * @param snrDb  the signal-to-noise ratio in dB
     * @param random the noise source
     * @return the noisy samples
     */
    public static float[] addNoise(float[] x, double snrDb, SplittableRandom random) {
        double power = 0;
        for (float v : x) power += (double) v * v;
        power = x.length == 0 ? 0 : power / x.length;
        double sd = Math.sqrt(power / Math.pow(10, snrDb / 10));
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) (x[i] + sd * random.nextGaussian());
        return y;
    }

    /**
     * Overdrive into a hard clip: multiplies by the drive gain, then caps every sample at ± the clean clip's peak,
     * so the level rises and the loud parts are flattened, as when a mix is pushed too hot.
     *
     * @param x       the samples
     * @param driveDb the gain before the clip, in dB (positive)
     * @return the clipped samples; |y| ≤ max|x|
     */
    public static float[] hardClip(float[] x, double driveDb) {
        float peak = 0;
        for (float v : x) peak = Math.max(peak, Math.abs(v));
        double gain = Math.pow(10, driveDb / 20);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) Math.max(-peak, Math.min(peak, x[i] * gain));
        return y;
    }

    /**
     * Pitch wobble: the clip is read at a time-varying position t + A·sin(2π·f·t), with A chosen so that the playback
     * rate 1 + 2πfA·cos(2πft) peaks at 2^(cents/1200): every pitch swings ±{@code cents} around its true value at
     * {@link #WOW_HZ}, and the timing never drifts by more than A (≤ 11 ms at 70 cents). Samples between the
     * originals come from a Lanczos (windowed-sinc) interpolator of {@value #LANCZOS_LOBES} lobes: linear interpolation
     * would also dull the highs (−3.6 dB at 6 kHz, 16 kHz rate), a second, unintended degradation that a spectral
     * encoder notices more readily than the pitch. With 32 lobes the level stays within 0.05 dB up to 0.94 of the
     * Nyquist frequency (7.5 kHz at 16 kHz; 8 lobes lost 2 dB there), −0.9 dB at 0.975.
     *
     * @param x          the samples
     * @param sampleRate their rate
     * @param cents      the peak pitch deviation
     * @return the wobbling samples, same length
     */
    public static float[] wow(float[] x, int sampleRate, double cents) {
        double amplitudeSeconds = (Math.pow(2, cents / 1200) - 1) / (2 * Math.PI * WOW_HZ);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) sampleRate;
            y[i] = (float) lanczos(x, (t + amplitudeSeconds * Math.sin(2 * Math.PI * WOW_HZ * t)) * sampleRate);
        }
        return y;
    }

    /** Lobes of the Lanczos window: 2·{@value} taps per output sample. */
    static final int LANCZOS_LOBES = 32;

    /**
     * The signal at a fractional sample position, by Lanczos interpolation (samples outside the clip count as 0);
     * the weights are normalised to sum to 1, and an integer position returns that sample exactly.
     */
    static double lanczos(float[] x, double position) {
        int k = (int) Math.floor(position);
        double frac = position - k;
        if (frac == 0) return k >= 0 && k < x.length ? x[k] : 0;
        double sum = 0, weights = 0;
        for (int j = k - LANCZOS_LOBES + 1; j <= k + LANCZOS_LOBES; j++) {
            double u = position - j;
            double w = sinc(u) * sinc(u / LANCZOS_LOBES);
            weights += w;
            if (j >= 0 && j < x.length) sum += w * x[j];
        }
        return sum / weights;
    }

    private static double sinc(double u) {
        return u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
    }

    /**
     * Muffling: a 4th-order Butterworth low-pass (two cascaded bilinear-transform biquads, Q = 0.5412 and 1.3066),
     * −3 dB at the cut-off and about −24 dB per octave above it.
     *
     * @param x          the samples
     * @param sampleRate their rate
     * @param cutoffHz   the cut-off, below the Nyquist frequency
     * @return the filtered samples
     */
    public static float[] lowPass(float[] x, int sampleRate, double cutoffHz) {
        if (!(cutoffHz > 0 && cutoffHz < sampleRate / 2.0)) throw new IllegalArgumentException("cut-off " + cutoffHz + " Hz is not below Nyquist");
        double[] signal = new double[x.length];
        for (int i = 0; i < x.length; i++) signal[i] = x[i];
        // the pole pairs of a 4th-order Butterworth: Q = 1 / (2 cos(π/8)) and 1 / (2 cos(3π/8))
        signal = biquadLowPass(signal, sampleRate, cutoffHz, 1 / (2 * Math.cos(Math.PI / 8)));
        signal = biquadLowPass(signal, sampleRate, cutoffHz, 1 / (2 * Math.cos(3 * Math.PI / 8)));
        float[] y = new float[x.length];
        for (int i = 0; i < y.length; i++) y[i] = (float) signal[i];
        return y;
    }

    /** One second-order low-pass section (bilinear transform with pre-warped cut-off), direct form I. */
    private static double[] biquadLowPass(double[] x, int sampleRate, double cutoffHz, double q) {
        double w0 = 2 * Math.PI * cutoffHz / sampleRate;
        double alpha = Math.sin(w0) / (2 * q), cos = Math.cos(w0);
        double a0 = 1 + alpha;
        double b0 = (1 - cos) / 2 / a0, b1 = (1 - cos) / a0, b2 = b0;
        double a1 = -2 * cos / a0, a2 = (1 - alpha) / a0;
        double[] y = new double[x.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double out = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = out;
            y[i] = out;
        }
        return y;
    }
}
