package dev.dragon.clap.features;

/**
 * Discrete Fourier transform of a real frame of power-of-two length, in double precision (iterative radix-2).
 * CLAP's n_fft is a power of two in every published config, so a small exact transform is enough and spares the
 * plugin an FFT dependency. Immutable after construction; safe to share between threads.
 */
public final class RealFft {

    private final int size;
    private final int[] bitReversed;
    private final double[] cos;
    private final double[] sin;

    /**
     * @param size the frame length, a power of two ≥ 2
     * @throws IllegalArgumentException for any other length
     */
    public RealFft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two, got " + size);
        }
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        bitReversed = new int[size];
        for (int i = 0; i < size; i++) bitReversed[i] = Integer.reverse(i) >>> (32 - bits);
        cos = new double[size / 2];
        sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++) {
            double angle = -2 * Math.PI * k / size;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
    }

    /** @return the frame length */
    public int size() {
        return size;
    }

    /**
     * Computes bins 0..size/2 of the transform (no normalisation).
     *
     * @param frame the real input, {@link #size()} values
     * @param re    receives the real parts, at least size/2 + 1 values
     * @param im    receives the imaginary parts, at least size/2 + 1 values
     */
    public void transform(double[] frame, double[] re, double[] im) {
        double[] xr = new double[size];
        double[] xi = new double[size];
        for (int i = 0; i < size; i++) xr[bitReversed[i]] = frame[i];
        for (int half = 1; half < size; half <<= 1) {
            int step = size / (2 * half);
            for (int start = 0; start < size; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    double tr = wr * xr[b] - wi * xi[b];
                    double ti = wr * xi[b] + wi * xr[b];
                    xr[b] = xr[a] - tr;
                    xi[b] = xi[a] - ti;
                    xr[a] += tr;
                    xi[a] += ti;
                }
            }
        }
        System.arraycopy(xr, 0, re, 0, size / 2 + 1);
        System.arraycopy(xi, 0, im, 0, size / 2 + 1);
    }
}
