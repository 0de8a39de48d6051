package dev.dragon.fad;

import dev.dragon.api.ReferenceStatistics;
import dev.dragon.linalg.CholeskyCongruence;
import dev.dragon.linalg.MatrixProducts;
import dev.dragon.linalg.SymmetricEigen;
import java.util.Optional;

/**
 * The Fréchet distance between two Gaussians,
 * FD = ‖μ₁−μ₂‖² + tr Σ₁ + tr Σ₂ − 2·tr (Σ₁Σ₂)^½.
 *
 * <p>tr (Σ₁Σ₂)^½ is the sum of the square roots of the eigenvalues of the symmetric Σ₁^½Σ₂Σ₁^½. Any factor
 * Σ₁ = FFᵀ gives F = Σ₁^½Q with Q orthogonal, so FᵀΣ₂F = Qᵀ(Σ₁^½Σ₂Σ₁^½)Q has exactly the same eigenvalues and
 * is symmetric too; no symmetric solver ever sees the non-symmetric Σ₁Σ₂. Two factors are used:
 * <ul>
 * <li>clearly full-rank Σ₁: the Cholesky factor L (one {@code dpotrf}, two triangular products, one
 * eigenvalue-only decomposition, all in native memory: {@link CholeskyCongruence}) — the fast route;</li>
 * <li>otherwise F = VΛ^½ from Σ₁ = VΛVᵀ, keeping only the r eigenvalues above the rank cut-off, so that FᵀΣ₂F is
 * r×r and the spurious square roots of a rank-deficient Σ₁'s noise eigenvalues never enter.</li>
 * </ul>
 */
public final class FrechetDistance {

    /** Below this ratio of smallest to largest squared Cholesky pivot, Σ₁ is treated as possibly rank-deficient. */
    private static final double FULL_RANK_PIVOT_RATIO = 1e-10;

    private FrechetDistance() {
    }

    /**
     * @param first  (μ₁, Σ₁)
     * @param second (μ₂, Σ₂), same dimension
     * @return the Fréchet distance, finite
     * @throws IllegalArgumentException when the dimensions differ or a statistic holds NaN/infinity
     */
    public static double between(ReferenceStatistics first, ReferenceStatistics second) {
        return between(first.mean(), first.covariance(), "first statistics", second.mean(), second.covariance(), "second statistics");
    }

    /**
     * @param mean1       μ₁, length d
     * @param covariance1 Σ₁, d×d row-major, symmetric positive semi-definite
     * @param name1       how to name the first input in errors
     * @param mean2       μ₂, length d
     * @param covariance2 Σ₂, d×d row-major, symmetric positive semi-definite
     * @param name2       how to name the second input in errors
     * @return the Fréchet distance, finite
     */
    public static double between(double[] mean1, double[] covariance1, String name1, double[] mean2, double[] covariance2, String name2) {
        int d = mean1.length;
        EmbeddingChecks.requireDimension(mean2.length, d, name2);
        if (covariance1.length != (long) d * d) throw new IllegalArgumentException(name1 + ": covariance is not " + d + "x" + d);
        if (covariance2.length != (long) d * d) throw new IllegalArgumentException(name2 + ": covariance is not " + d + "x" + d);
        requireFinite(mean1, covariance1, name1);
        requireFinite(mean2, covariance2, name2);
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double diff = mean1[i] - mean2[i];
            meanTerm += diff * diff;
        }
        double fd = meanTerm + trace(covariance1, d) + trace(covariance2, d) - 2 * traceOfSquareRootOfProduct(covariance1, covariance2, d);
        return EmbeddingChecks.requireFiniteResult(fd, "Fréchet distance between " + name1 + " and " + name2);
    }

    /**
     * tr (Σ₁Σ₂)^½ through the Cholesky route when Σ₁ is clearly full rank, else through the eigen route.
     *
     * @param covariance1 Σ₁, d×d
     * @param covariance2 Σ₂, d×d
     * @param d           the dimension
     * @return Σ √λᵢ(Σ₁^½Σ₂Σ₁^½)
     */
    static double traceOfSquareRootOfProduct(double[] covariance1, double[] covariance2, int d) {
        Optional<CholeskyCongruence.Spectrum> spectrum = CholeskyCongruence.of(covariance1, covariance2, d);
        if (spectrum.isPresent() && clearlyFullRank(spectrum.get().pivots())) {
            return SpectralSquareRootTrace.ofEigenvalues(spectrum.get().eigenvalues());
        }
        return traceByEigenFactor(covariance1, covariance2, d);
    }

    /**
     * The Cholesky pivots bound λ_min(Σ₁) from above: a pivot² far below the largest means Σ₁ is (numerically)
     * rank-deficient, and the eigen route with its explicit rank cut-off is the safe one.
     */
    private static boolean clearlyFullRank(double[] pivots) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double p : pivots) {
            double pivot = p * p;
            smallest = Math.min(smallest, pivot);
            largest = Math.max(largest, pivot);
        }
        return smallest > FULL_RANK_PIVOT_RATIO * largest;
    }

    /**
     * tr (Σ₁Σ₂)^½ through F = VΛ^½ restricted to the eigenvalues of Σ₁ above the rank cut-off.
     *
     * @param covariance1 Σ₁, d×d
     * @param covariance2 Σ₂, d×d
     * @param d           the dimension
     * @return Σ √λᵢ(Σ₁^½Σ₂Σ₁^½)
     */
    static double traceByEigenFactor(double[] covariance1, double[] covariance2, int d) {
        SymmetricEigen.Decomposition e = SymmetricEigen.decompose(covariance1, d);
        double[] values = e.values();
        double cutoff = SpectralSquareRootTrace.rankCutoff(values, d);
        int rank = 0;
        for (double v : values) {
            if (v > cutoff) rank++;
        }
        if (rank == 0) return 0;
        // Fᵀ, r×d: row k is √λ_k times eigenvector k (row k of the decomposition's vectors)
        double[] factorT = new double[rank * d];
        int row = 0;
        for (int k = 0; k < d; k++) {
            if (values[k] <= cutoff) continue;
            double scale = Math.sqrt(values[k]);
            for (int j = 0; j < d; j++) factorT[row * d + j] = scale * e.vectors()[k * d + j];
            row++;
        }
        double[] left = MatrixProducts.multiply(factorT, rank, d, false, covariance2, d, d, false);
        double[] reduced = MatrixProducts.multiply(left, rank, d, false, factorT, rank, d, true);
        symmetrise(reduced, rank);
        return SpectralSquareRootTrace.of(reduced, rank);
    }

    /** Averages a nearly symmetric product with its transpose (the two triangles differ by rounding only). */
    static void symmetrise(double[] m, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (m[i * n + j] + m[j * n + i]);
                m[i * n + j] = mean;
                m[j * n + i] = mean;
            }
        }
    }

    static double trace(double[] square, int d) {
        double sum = 0;
        for (int i = 0; i < d; i++) sum += square[i * d + i];
        return sum;
    }

    private static void requireFinite(double[] mean, double[] covariance, String name) {
        for (double v : mean) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException(name + ": mean holds " + v);
        }
        for (double v : covariance) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException(name + ": covariance holds " + v);
        }
    }
}
