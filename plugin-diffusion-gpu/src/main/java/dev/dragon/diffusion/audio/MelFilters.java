package dev.dragon.diffusion.audio;

/**
 * Triangular mel filters on the HTK mel scale (m = 2595·log10(1 + f/700)), edges equally spaced in mel from 0 Hz to
 * Nyquist, each peaking at 1, and their pseudo-inverse used by the vocoder to spread band power back over bins.
 */
final class MelFilters {

    private MelFilters() {
    }

    /** The filter bank as a [bins × bands] matrix in row-major order (a power spectrum row times it gives bands). */
    static float[] bank(MelSettings settings) {
        int bins = settings.bins();
        int bands = settings.melBands();
        double nyquist = settings.sampleRate() / 2.0;
        double[] edges = new double[bands + 2];
        double top = hzToMel(nyquist);
        for (int i = 0; i < edges.length; i++) edges[i] = melToHz(top * i / (bands + 1));
        float[] bank = new float[bins * bands];
        for (int k = 0; k < bins; k++) {
            double f = k * nyquist / (bins - 1);
            for (int m = 0; m < bands; m++) {
                double rising = (f - edges[m]) / (edges[m + 1] - edges[m]);
                double falling = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
                bank[k * bands + m] = (float) Math.max(0, Math.min(rising, falling));
            }
        }
        return bank;
    }

    /**
     * A [bands × bins] matrix that maps band power back to bin power: a band's power is first divided by its filter's
     * total weight (the per-bin level it implies), then each bin averages the levels of the bands it belongs to,
     * weighted by the filters. A flat spectrum comes back exactly; a mel spectrogram cannot describe finer detail.
     */
    static float[] spread(MelSettings settings, float[] bank) {
        int bins = settings.bins();
        int bands = settings.melBands();
        double[] filterWeight = new double[bands];
        for (int k = 0; k < bins; k++) {
            for (int m = 0; m < bands; m++) filterWeight[m] += bank[k * bands + m];
        }
        float[] spread = new float[bands * bins];
        for (int k = 0; k < bins; k++) {
            double binWeight = 0;
            for (int m = 0; m < bands; m++) binWeight += bank[k * bands + m];
            if (binWeight == 0) continue;
            for (int m = 0; m < bands; m++) {
                if (filterWeight[m] > 0) spread[m * bins + k] = (float) (bank[k * bands + m] / (binWeight * filterWeight[m]));
            }
        }
        return spread;
    }

    static double hzToMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double melToHz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
