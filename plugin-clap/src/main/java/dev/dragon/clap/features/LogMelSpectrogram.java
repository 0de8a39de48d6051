package dev.dragon.clap.features;

/**
 * The log-mel spectrogram CLAP feeds its audio tower: periodic Hann window, centred frames (reflect padding of
 * n_fft/2 on each side, no edge repeat), power of the one-sided transform, mel filters, floor 1e-10, 10·log10,
 * rounded to float32. Computed in double; the transform is rounded to float32 (complex64) before squaring, as the
 * reference implementation stores it. Immutable; safe to share between threads.
 */
public final class LogMelSpectrogram {

    private static final double MEL_FLOOR = 1e-10;

    private final int hop;
    private final RealFft fft;
    private final double[] window;
    private final MelFilterBank bank;

    /**
     * @param fftSize window and FFT length (a power of two)
     * @param hop     samples between frame starts
     * @param bank    the mel filters, over fftSize/2 + 1 bins
     */
    public LogMelSpectrogram(int fftSize, int hop, MelFilterBank bank) {
        if (bank.bins() != fftSize / 2 + 1) throw new IllegalArgumentException("mel bank has " + bank.bins() + " bins, FFT gives " + (fftSize / 2 + 1));
        this.hop = hop;
        this.fft = new RealFft(fftSize);
        this.bank = bank;
        this.window = new double[fftSize];
        for (int n = 0; n < fftSize; n++) window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / fftSize);
    }

    /**
     * @param samples number of input samples
     * @return the number of frames: 1 + samples / hop
     */
    public int frames(int samples) {
        return 1 + samples / hop;
    }

    /** @return mel bins per frame */
    public int mels() {
        return bank.mels();
    }

    /**
     * @param x the waveform (at least one sample)
     * @return [frames × mels] row-major, values in dB rounded to float32
     */
    public float[] compute(double[] x) {
        int n = fft.size();
        int pad = n / 2;
        int frames = frames(x.length);
        int bins = n / 2 + 1;
        int mels = bank.mels();
        float[] out = new float[frames * mels];
        double[] frame = new double[n];
        double[] re = new double[bins];
        double[] im = new double[bins];
        double[] power = new double[bins];
        double[] mel = new double[mels];
        for (int t = 0; t < frames; t++) {
            int start = t * hop - pad;
            for (int i = 0; i < n; i++) frame[i] = x[reflect(start + i, x.length)] * window[i];
            fft.transform(frame, re, im);
            for (int k = 0; k < bins; k++) {
                double r = (float) re[k];
                double j = (float) im[k];
                power[k] = r * r + j * j;
            }
            bank.apply(power, mel);
            for (int m = 0; m < mels; m++) out[t * mels + m] = (float) (10.0 * Math.log10(Math.max(MEL_FLOOR, mel[m])));
        }
        return out;
    }

    /** numpy "reflect" indexing (mirror about the end samples, which are not repeated), folded for any overshoot. */
    static int reflect(int i, int length) {
        if (length == 1) return 0;
        int period = 2 * (length - 1);
        int j = Math.floorMod(i, period);
        return j < length ? j : period - j;
    }
}
