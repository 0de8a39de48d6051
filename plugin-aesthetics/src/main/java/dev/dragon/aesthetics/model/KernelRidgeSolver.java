package dev.dragon.aesthetics.model;

import dev.dragon.linalg.SymmetricEigen;

/**
 * Kernel ridge regression on one training set: the dual coefficients α = (K + λI)⁻¹y for any λ from one
 * eigendecomposition K = VSVᵀ, as α = V·diag(1/(s + λ))·Vᵀy. Choosing λ on a validation split then costs one
 * decomposition per kernel, not one solve per (kernel, λ).
 *
 * <p>K is positive semi-definite; eigenvalues that rounding pushes below zero are taken as zero, so s + λ ≥ λ &gt; 0.
 */
public final class KernelRidgeSolver {

    private final SymmetricEigen.Decomposition eigen;
    private final int n;

    /**
     * @param gram the n×n kernel matrix of the training rows, symmetric, row-major
     * @param n    the number of training rows, at least 1
     */
    public KernelRidgeSolver(double[] gram, int n) {
        if (n < 1) throw new IllegalArgumentException("kernel ridge regression needs at least one training row");
        this.eigen = SymmetricEigen.decompose(gram, n);
        this.n = n;
    }

    /**
     * @param lambda the ridge λ &gt; 0
     * @param y      the n training targets
     * @return α = (K + λI)⁻¹y
     */
    public double[] coefficients(double lambda, double[] y) {
        if (!(lambda > 0 && Double.isFinite(lambda))) throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        if (y.length != n) throw new IllegalArgumentException("expected " + n + " targets, got " + y.length);
        double[] v = eigen.vectors(); // row k is the eigenvector of values[k]
        double[] projected = new double[n];
        for (int k = 0; k < n; k++) {
            double dot = 0;
            for (int i = 0; i < n; i++) dot += v[k * n + i] * y[i];
            projected[k] = dot / (Math.max(0, eigen.values()[k]) + lambda);
        }
        double[] alpha = new double[n];
        for (int k = 0; k < n; k++) {
            double c = projected[k];
            for (int i = 0; i < n; i++) alpha[i] += c * v[k * n + i];
        }
        return alpha;
    }

    /**
     * @param crossKernel m×n kernel values k(query_i, train_j), row-major
     * @param m           the number of queries
     * @param alpha       the n dual coefficients
     * @return the m predictions K_q·α
     */
    public static double[] predict(double[] crossKernel, int m, double[] alpha) {
        int n = alpha.length;
        if (crossKernel.length != (long) m * n) throw new IllegalArgumentException("expected " + m + "x" + n + " kernel values, got " + crossKernel.length);
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += crossKernel[i * n + j] * alpha[j];
            out[i] = s;
        }
        return out;
    }
}
