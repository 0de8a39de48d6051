package dev.dragon.clap.encoders;

/** Small vector helpers the encoders and the reward share. */
public final class Vectors {

    private Vectors() {
    }

    /**
     * @param v a vector
     * @return v scaled to unit length (a zero vector stays zero, so silence cannot produce NaN)
     */
    public static double[] normalised(double[] v) {
        double sum = 0;
        for (double x : v) sum += x * x;
        double norm = Math.sqrt(sum);
        double[] out = new double[v.length];
        if (norm == 0) return out;
        for (int i = 0; i < v.length; i++) out[i] = v[i] / norm;
        return out;
    }

    /**
     * @param a a vector
     * @param b a vector of the same length
     * @return their cosine similarity (0 when either is zero)
     */
    public static double cosine(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("vectors differ in length: " + a.length + " and " + b.length);
        double[] x = normalised(a);
        double[] y = normalised(b);
        double dot = 0;
        for (int i = 0; i < x.length; i++) dot += x[i] * y[i];
        return dot;
    }
}
