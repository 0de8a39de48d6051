package dev.dragon.fad;

import dev.dragon.linalg.SymmetricEigen;

/**
 * Σ √λᵢ over the eigenvalues of a symmetric positive semi-definite matrix, i.e. tr M^½.
 *
 * <p>Eigenvalues below {@code order · ε · λ_max} are rounding noise around true zeros (a centred song always
 * has one; a rank-deficient covariance has many). Their square roots would not be noise-sized (√1e-16 = 1e-8),
 * so they count as exactly zero — the same rank cut-off numpy's {@code matrix_rank} uses.
 */
final class SpectralSquareRootTrace {

    private SpectralSquareRootTrace() {
    }

    /**
     * @param symmetric an n×n symmetric matrix, row-major (only the lower triangle is read)
     * @param n         its order
     * @return Σ √λᵢ over the eigenvalues above the rank cut-off
     */
    static double of(double[] symmetric, int n) {
        return ofEigenvalues(SymmetricEigen.eigenvalues(symmetric, n));
    }

    /**
     * @param values the eigenvalues of a symmetric positive semi-definite matrix, ascending
     * @return Σ √λᵢ over those above the rank cut-off
     */
    static double ofEigenvalues(double[] values) {
        double cutoff = rankCutoff(values, values.length);
        double sum = 0;
        for (double v : values) {
            if (v > cutoff) sum += Math.sqrt(v);
        }
        return sum;
    }

    /** @return the threshold below which eigenvalues of an order-n matrix are treated as zero */
    static double rankCutoff(double[] ascendingValues, int n) {
        double largest = Math.max(Math.abs(ascendingValues[0]), Math.abs(ascendingValues[ascendingValues.length - 1]));
        return n * Math.ulp(1.0) * largest;
    }
}
