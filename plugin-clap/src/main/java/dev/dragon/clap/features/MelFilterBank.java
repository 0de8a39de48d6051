package dev.dragon.clap.features;

/**
 * Triangular mel filters over the bins of a one-sided spectrum: edges equally spaced on the mel scale between
 * f_min and f_max, triangles built in Hz, optionally area-normalised (Slaney: 2 / (upper edge − lower edge)).
 * Immutable; safe to share between threads.
 */
public final class MelFilterBank {

    private final int bins;
    private final int mels;
    /** weights[bin * mels + mel] */
    private final double[] weights;

    private MelFilterBank(int bins, int mels, double[] weights) {
        this.bins = bins;
        this.mels = mels;
        this.weights = weights;
    }

    /**
     * @param config the preprocessing parameters
     * @return the bank that config's truncation mode uses: Slaney with area norm for rand_trunc, HTK without for fusion
     */
    public static MelFilterBank forConfig(ClapFeatureConfig config) {
        boolean fusion = config.truncation() == ClapFeatureConfig.Truncation.FUSION;
        return build(config.fftSize() / 2 + 1, config.melBins(), config.sampleRate(), config.frequencyMin(),
            config.frequencyMax(), fusion ? MelScale.HTK : MelScale.SLANEY, !fusion);
    }

    /**
     * @param bins        one-sided spectrum bins (n_fft/2 + 1), spanning 0..sampleRate/2
     * @param mels        number of filters
     * @param sampleRate  sample rate in Hz
     * @param fMin        lowest edge in Hz
     * @param fMax        highest edge in Hz
     * @param scale       the mel scale of the edges
     * @param areaNormalise multiply each triangle by 2 / (its upper edge − its lower edge)
     * @return the bank
     */
    public static MelFilterBank build(int bins, int mels, int sampleRate, double fMin, double fMax, MelScale scale,
                                      boolean areaNormalise) {
        double melMin = scale.fromHz(fMin);
        double melMax = scale.fromHz(fMax);
        double[] edges = new double[mels + 2];
        for (int i = 0; i < edges.length; i++) {
            double mel = i == edges.length - 1 ? melMax : melMin + i * (melMax - melMin) / (mels + 1);
            edges[i] = scale.toHz(mel);
        }
        double nyquist = sampleRate / 2; // integer division, as the bin frequencies are defined
        double[] weights = new double[bins * mels];
        for (int b = 0; b < bins; b++) {
            double f = b == bins - 1 ? nyquist : b * nyquist / (bins - 1);
            for (int m = 0; m < mels; m++) {
                double rising = (f - edges[m]) / (edges[m + 1] - edges[m]);
                double falling = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
                double w = Math.max(0.0, Math.min(rising, falling));
                if (areaNormalise) w *= 2.0 / (edges[m + 2] - edges[m]);
                weights[b * mels + m] = w;
            }
        }
        return new MelFilterBank(bins, mels, weights);
    }

    /** @return the number of spectrum bins it expects */
    public int bins() {
        return bins;
    }

    /** @return the number of filters */
    public int mels() {
        return mels;
    }

    /**
     * @param power one frame's power spectrum, {@link #bins()} values
     * @param out   receives {@link #mels()} filter energies
     */
    public void apply(double[] power, double[] out) {
        java.util.Arrays.fill(out, 0, mels, 0.0);
        for (int b = 0; b < bins; b++) {
            double p = power[b];
            int row = b * mels;
            for (int m = 0; m < mels; m++) out[m] += weights[row + m] * p;
        }
    }

    /**
     * @param bin  a spectrum bin
     * @param mel  a filter
     * @return that filter's weight at that bin
     */
    public double weight(int bin, int mel) {
        return weights[bin * mels + mel];
    }
}
