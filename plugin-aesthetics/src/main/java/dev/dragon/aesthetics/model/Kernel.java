package dev.dragon.aesthetics.model;

import dev.dragon.linalg.MatrixProducts;
import java.util.Locale;

/**
 * The similarity the regression head uses between two L2-normalised embeddings x and y.
 * <ul>
 *   <li>{@code cosine}: k = x·y (the linear kernel; on unit vectors it is the cosine similarity);</li>
 *   <li>{@code rbf}: k = exp(−γ‖x − y‖²), with ‖x − y‖² = ‖x‖² + ‖y‖² − 2x·y (in [0, 4] for unit vectors).</li>
 * </ul>
 *
 * @param type  which kernel
 * @param gamma γ of the RBF kernel (positive); 0 for the cosine kernel
 */
public record Kernel(Type type, double gamma) {

    /** The kernel families. */
    public enum Type {
        /** k = x·y. */
        COSINE,
        /** k = exp(−γ‖x − y‖²). */
        RBF
    }

    /** Checks γ against the type. */
    public Kernel {
        if (type == Type.RBF && !(gamma > 0 && Double.isFinite(gamma))) throw new IllegalArgumentException("RBF gamma must be positive, got " + gamma);
        if (type == Type.COSINE && gamma != 0) throw new IllegalArgumentException("the cosine kernel has no gamma");
    }

    /** @return the cosine kernel */
    public static Kernel cosine() {
        return new Kernel(Type.COSINE, 0);
    }

    /** @param gamma γ &gt; 0 @return the RBF kernel with that width */
    public static Kernel rbf(double gamma) {
        return new Kernel(Type.RBF, gamma);
    }

    /**
     * The kernel matrix K[i][j] = k(a_i, b_j).
     *
     * @param a     m×d rows, row-major
     * @param m     rows of a
     * @param b     n×d rows, row-major
     * @param n     rows of b
     * @param d     the dimension
     * @return K, m×n, row-major
     */
    public double[] matrix(double[] a, int m, double[] b, int n, int d) {
        double[] k = MatrixProducts.multiply(a, m, d, false, b, n, d, true);
        if (type == Type.COSINE) return k;
        double[] na = squaredNorms(a, m, d), nb = squaredNorms(b, n, d);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double squaredDistance = Math.max(0, na[i] + nb[j] - 2 * k[i * n + j]);
                k[i * n + j] = Math.exp(-gamma * squaredDistance);
            }
        }
        return k;
    }

    /** @return the Gram matrix k(x_i, x_j) of n rows, exactly symmetric */
    public double[] gram(double[] x, int n, int d) {
        double[] k = matrix(x, n, x, n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) k[i * n + j] = k[j * n + i]; // BLAS rounding may differ across the diagonal
        }
        return k;
    }

    private static double[] squaredNorms(double[] x, int rows, int d) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += x[i * d + j] * x[i * d + j];
            out[i] = s;
        }
        return out;
    }

    /** @return {@code cosine} or {@code rbf(γ=…)}, as written into provenance */
    @Override
    public String toString() {
        return type == Type.COSINE ? "cosine" : String.format(Locale.ROOT, "rbf(gamma=%s)", gamma);
    }
}
