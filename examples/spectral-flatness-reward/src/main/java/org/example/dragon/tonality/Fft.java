package org.example.dragon.tonality;

/** An in-place iterative radix-2 fast Fourier transform (forward, unscaled: X_k = Σ x_n e^{-2πikn/N}). */
final class Fft {

    private Fft() {
    }

    /**
     * Transforms {@code re + i·im} in place.
     *
     * @param re real parts, length a power of two
     * @param im imaginary parts, same length
     */
    static void transform(double[] re, double[] im) {
        int n = re.length;
        if (n != im.length || Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        // bit-reversal permutation, then butterflies of doubling span
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j |= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            int half = len >> 1;
            for (int k = 0; k < half; k++) {
                // twiddle factors computed directly (not by recurrence) to keep rounding error at one ulp-ish level
                double wr = Math.cos(angle * k);
                double wi = Math.sin(angle * k);
                for (int start = 0; start < n; start += len) {
                    int a = start + k;
                    int b = a + half;
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
