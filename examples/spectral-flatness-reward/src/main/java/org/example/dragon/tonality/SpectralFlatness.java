package org.example.dragon.tonality;

/**
 * Spectral flatness (Wiener entropy) of audio frames: the geometric mean of a frame's power spectrum divided by its
 * arithmetic mean. It is 1 for white noise, whose power is spread evenly over all frequencies, and near 0 for a pure
 * tone, whose power sits in a few bins.
 *
 * <p>Frames are {@code frameSize} samples long (a power of two), {@code hop} samples apart, from the first sample on,
 * weighted with a periodic Hann window; a clip shorter than one frame is zero-padded to one. The power of bins
 * 0..frameSize/2 is floored at {@value #POWER_FLOOR} so that the logarithm stays finite. Frames whose RMS level
 * (before windowing) is below the silence threshold are skipped: silence has no spectral shape to judge.
 * Thread-safe: it keeps no state beyond its settings.
 */
final class SpectralFlatness {

    /** Smallest power a bin counts with (the same floor librosa's spectral_flatness uses). */
    static final double POWER_FLOOR = 1e-10;

    private final int frameSize;
    private final int hop;
    private final double silenceRms;
    private final double[] window;

    /**
     * @param frameSize  samples per frame, a power of two from 16 to 65536
     * @param hop        samples between frame starts, at least 1
     * @param silenceDb  frames quieter than this RMS level (dBFS) are skipped
     */
    SpectralFlatness(int frameSize, int hop, double silenceDb) {
        if (frameSize < 16 || frameSize > 65536 || Integer.bitCount(frameSize) != 1) {
            throw new IllegalArgumentException("frameSize must be a power of two from 16 to 65536, got " + frameSize);
        }
        if (hop < 1) throw new IllegalArgumentException("hop must be at least 1, got " + hop);
        if (!Double.isFinite(silenceDb)) throw new IllegalArgumentException("silenceDb must be finite, got " + silenceDb);
        this.frameSize = frameSize;
        this.hop = hop;
        this.silenceRms = Math.pow(10, silenceDb / 20);
        this.window = new double[frameSize];
        for (int n = 0; n < frameSize; n++) window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / frameSize);
    }

    /**
     * @param samples a mono signal
     * @return the mean flatness of its frames that are not silent, or NaN when every frame is silent
     */
    double meanFlatness(float[] samples) {
        double sum = 0;
        int counted = 0;
        int frames = samples.length <= frameSize ? 1 : 1 + (samples.length - frameSize) / hop;
        double[] re = new double[frameSize];
        double[] im = new double[frameSize];
        for (int f = 0; f < frames; f++) {
            int start = f * hop;
            double energy = 0;
            for (int n = 0; n < frameSize; n++) {
                double v = start + n < samples.length ? samples[start + n] : 0;
                energy += v * v;
                re[n] = v * window[n];
                im[n] = 0;
            }
            if (!Double.isFinite(energy)) throw new IllegalArgumentException("the clip holds NaN or infinite samples");
            if (Math.sqrt(energy / frameSize) < silenceRms) continue;
            Fft.transform(re, im);
            sum += flatness(re, im, frameSize / 2 + 1);
            counted++;
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** @return the flatness of the first {@code bins} bins of a spectrum given as real and imaginary parts */
    static double flatness(double[] re, double[] im, int bins) {
        double logSum = 0;
        double sum = 0;
        for (int k = 0; k < bins; k++) {
            double power = Math.max(POWER_FLOOR, re[k] * re[k] + im[k] * im[k]);
            logSum += Math.log(power);
            sum += power;
        }
        return Math.exp(logSum / bins) / (sum / bins);
    }
}
