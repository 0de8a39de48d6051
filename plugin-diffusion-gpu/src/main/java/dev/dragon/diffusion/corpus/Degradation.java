package dev.dragon.diffusion.corpus;

import java.util.Locale;

/**
 * The ways the built-in proxy rating set spoils a clean clip, each at three graded severities (1 mild … 3 severe).
 * Wrong notes and timing jitter change the composition before it is rendered; the others act on the rendered
 * waveform. The parameter values are this product's choice, made so that severity 1 is audible but mild and
 * severity 3 is obvious; they are not calibrated against listeners.
 */
public enum Degradation {
    /** White Gaussian noise at a signal-to-noise ratio of 30, 20, 10 dB (relative to the clip's own mean power). */
    NOISE("noise", "dB SNR", 30, 20, 10, false),
    /** Driven into a hard clip: gain of 6, 12, 20 dB, then every sample capped at the clean clip's peak level. */
    CLIPPING("clipping", "dB drive", 6, 12, 20, false),
    /** Pitch wobble (tape-wow style, 0.7 Hz) swinging ±15, ±35, ±70 cents around the true pitch; no lasting time drift. */
    DETUNING("detuning", "cents", 15, 35, 70, false),
    /** Muffling: a 4th-order Butterworth low-pass at 3000, 1500, 700 Hz. */
    MUFFLING("muffling", "Hz cut-off", 3000, 1500, 700, false),
    /** Wrong notes: each pitched note moved a semitone up or down with probability 10, 25, 50 % (mostly out of key). */
    WRONG_NOTES("wrong-notes", "% of notes", 10, 25, 50, true),
    /** Timing jitter: every note's onset shifted by Gaussian noise of standard deviation 15, 40, 90 ms. */
    TIMING_JITTER("timing-jitter", "ms sd", 15, 40, 90, true);

    /** Severities are 1 (mild) to {@value #MAX_SEVERITY} (severe). */
    public static final int MAX_SEVERITY = 3;

    private final String label;
    private final String unit;
    private final double[] parameters;
    private final boolean onComposition;

    Degradation(String label, String unit, double mild, double medium, double severe, boolean onComposition) {
        this.label = label;
        this.unit = unit;
        this.parameters = new double[] {mild, medium, severe};
        this.onComposition = onComposition;
    }

    /** @return the name used in file names and tables, e.g. {@code wrong-notes} */
    public String label() {
        return label;
    }

    /** @return the unit of {@link #parameter}, e.g. {@code dB SNR} */
    public String unit() {
        return unit;
    }

    /**
     * @param severity 1 … {@value #MAX_SEVERITY}
     * @return the degradation's strength at that severity, in {@link #unit()}
     */
    public double parameter(int severity) {
        if (severity < 1 || severity > MAX_SEVERITY) throw new IllegalArgumentException("severity must be 1 to " + MAX_SEVERITY + ", got " + severity);
        return parameters[severity - 1];
    }

    /** @return true when it changes the notes before rendering, false when it changes the rendered audio */
    public boolean actsOnComposition() {
        return onComposition;
    }

    /** @return e.g. {@code noise at 20 dB SNR} */
    public String describe(int severity) {
        return String.format(Locale.ROOT, "%s at %s %s", label, trim(parameter(severity)), unit);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
