package dev.dragon.vendi;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.linalg.MatrixProducts;
import dev.dragon.linalg.SymmetricEigen;

/**
 * The Vendi score of order q: the exponential of the Rényi entropy of the eigenvalues of a normalised
 * similarity matrix — the "effective number" of distinct examples, from 1 (all alike) to n (all orthogonal).
 *
 * <p>Kernel: cosine similarity, K = X̂X̂ᵀ with L2-normalised rows X̂. Without weights the spectrum is that of
 * K/n. With sample weights w (normalised here to sum 1) it is that of diag(√w)·K·diag(√w), which is K/n for
 * uniform weights. The n×n (primal) matrix is used when n ≤ d, else the d×d (dual) X̂ᵀdiag(w)X̂ with the same
 * non-zero eigenvalues.
 *
 * <p>VS_q = exp(log(Σλᵢ^q)/(1−q)); q = 1: exp(−Σλᵢ log λᵢ) with 0·log 0 = 0; q = ∞: 1/max λ. Eigenvalues below
 * {@code order·ε·λ_max} are rounding noise around true zeros and count as 0 (their q-th power would not be
 * noise-sized for q &lt; 1).
 */
public final class VendiScore {

    private VendiScore() {
    }

    /**
     * @param embeddings n×d rows, finite, none all-zero
     * @param q          the order: q &gt; 0, {@code Double.POSITIVE_INFINITY} for q = ∞
     * @param input      how to name the embeddings in errors
     * @return the Vendi score, in [1, n]
     */
    public static double of(FrameEmbeddings embeddings, double q, String input) {
        return of(embeddings, null, q, input);
    }

    /**
     * @param embeddings n×d rows, finite, none all-zero
     * @param weights    one non-negative weight per row (normalised to sum 1), or {@code null} for uniform
     * @param q          the order: q &gt; 0, {@code Double.POSITIVE_INFINITY} for q = ∞
     * @param input      how to name the embeddings in errors
     * @return the Vendi score
     */
    public static double of(FrameEmbeddings embeddings, double[] weights, double q, String input) {
        if (!(q > 0) || Double.isNaN(q)) throw new IllegalArgumentException("Vendi order q must be > 0, got " + q);
        int n = embeddings.frames();
        int d = embeddings.dimension();
        double[] w = normalisedWeights(weights, n, input);
        double[] scaled = scaledUnitRows(embeddings, w, input);
        double[] spectrum = n <= d
            ? SymmetricEigen.eigenvalues(MatrixProducts.rowGram(scaled, n, d, 1.0), n)
            : SymmetricEigen.eigenvalues(MatrixProducts.columnGram(scaled, n, d, 1.0), d);
        double score = fromSpectrum(spectrum, q);
        if (!Double.isFinite(score)) throw new ArithmeticException(input + ": Vendi score is not finite (" + score + ")");
        return score;
    }

    /**
     * @param ascending the eigenvalues of the normalised kernel (sum 1), ascending
     * @param q         the order
     * @return exp of the order-q Rényi entropy of the spectrum
     */
    static double fromSpectrum(double[] ascending, double q) {
        double largest = ascending[ascending.length - 1];
        double cutoff = ascending.length * Math.ulp(1.0) * Math.max(largest, Math.abs(ascending[0]));
        if (q == Double.POSITIVE_INFINITY) return 1.0 / largest;
        double sum = 0;
        for (double lambda : ascending) {
            if (lambda <= cutoff) continue;
            sum += q == 1 ? -lambda * Math.log(lambda) : Math.pow(lambda, q);
        }
        return q == 1 ? Math.exp(sum) : Math.exp(Math.log(sum) / (1 - q));
    }

    private static double[] normalisedWeights(double[] weights, int n, String input) {
        if (weights == null) return null;
        if (weights.length != n) throw new IllegalArgumentException(input + ": " + weights.length + " weights for " + n + " rows");
        double total = 0;
        for (double v : weights) {
            if (!(v >= 0) || !Double.isFinite(v)) throw new IllegalArgumentException(input + ": weights must be finite and non-negative, got " + v);
            total += v;
        }
        if (!(total > 0)) throw new IllegalArgumentException(input + ": weights sum to zero");
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = weights[i] / total;
        return w;
    }

    /** Rows L2-normalised, then scaled by √wᵢ (√(1/n) without weights), so that the Gram matrix is the kernel. */
    private static double[] scaledUnitRows(FrameEmbeddings e, double[] w, String input) {
        int n = e.frames();
        int d = e.dimension();
        double[] x = e.values();
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j];
                if (!Double.isFinite(v)) throw new IllegalArgumentException(input + ": row " + i + " holds " + v + " (NaN or infinite values are not embeddings)");
                norm += v * v;
            }
            if (norm == 0) throw new IllegalArgumentException(input + ": row " + i + " is all zeros, so its cosine similarity is undefined");
            double scale = Math.sqrt(w == null ? 1.0 / n : w[i]) / Math.sqrt(norm);
            for (int j = 0; j < d; j++) out[i * d + j] = x[i * d + j] * scale;
        }
        return out;
    }
}
