package dev.dragon.diffusion.corpus;

import java.util.ArrayList;
import java.util.List;

/** Simple audio measurements for tests: level, brightness and note onsets of a mono clip. */
final class AudioFeatures {

    private static final int FRAME = 512;
    private static final int HOP = 128;

    private AudioFeatures() {
    }

    static double rms(float[] x) {
        double s = 0;
        for (float v : x) s += (double) v * v;
        return Math.sqrt(s / x.length);
    }

    static double peak(float[] x) {
        double p = 0;
        for (float v : x) p = Math.max(p, Math.abs(v));
        return p;
    }

    /** Magnitude-weighted mean frequency over the whole clip, in Hz. */
    static double spectralCentroid(float[] x, int rate) {
        double weighted = 0;
        double total = 0;
        for (double[] magnitudes : spectrogram(x)) {
            for (int k = 1; k < magnitudes.length; k++) {
                weighted += magnitudes[k] * k * rate / (double) FRAME;
                total += magnitudes[k];
            }
        }
        return weighted / total;
    }

    /**
     * Onsets per second: peaks of the half-wave rectified log-spectral flux that stand out from its median by a
     * margin, at least 60 ms apart.
     */
    static double onsetsPerSecond(float[] x, int rate) {
        List<double[]> frames = spectrogram(x);
        double[] flux = new double[frames.size()];
        for (int t = 1; t < frames.size(); t++) {
            double f = 0;
            for (int k = 1; k < FRAME / 2; k++) {
                double d = Math.log1p(1000 * frames.get(t)[k]) - Math.log1p(1000 * frames.get(t - 1)[k]);
                if (d > 0) f += d;
            }
            flux[t] = f;
        }
        double[] sorted = flux.clone();
        java.util.Arrays.sort(sorted);
        double max = sorted[sorted.length - 1];
        double threshold = sorted[sorted.length / 2] + 0.25 * (max - sorted[sorted.length / 2]);
        int minGap = (int) Math.ceil(0.06 * rate / HOP);
        int count = 0;
        int last = -minGap;
        for (int t = 1; t + 1 < flux.length; t++) {
            if (flux[t] > threshold && flux[t] >= flux[t - 1] && flux[t] >= flux[t + 1] && t - last >= minGap) {
                count++;
                last = t;
            }
        }
        return count / (x.length / (double) rate);
    }

    /** Magnitude spectra of Hann-windowed frames (bins 0 … FRAME/2). */
    private static List<double[]> spectrogram(float[] x) {
        List<double[]> out = new ArrayList<>();
        double[] re = new double[FRAME];
        double[] im = new double[FRAME];
        for (int start = 0; start + FRAME <= x.length; start += HOP) {
            for (int j = 0; j < FRAME; j++) {
                re[j] = x[start + j] * (0.5 - 0.5 * Math.cos(2 * Math.PI * j / FRAME));
                im[j] = 0;
            }
            fft(re, im);
            double[] m = new double[FRAME / 2 + 1];
            for (int k = 0; k <= FRAME / 2; k++) m[k] = Math.hypot(re[k], im[k]);
            out.add(m);
        }
        return out;
    }

    /** In-place iterative radix-2 FFT. */
    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
