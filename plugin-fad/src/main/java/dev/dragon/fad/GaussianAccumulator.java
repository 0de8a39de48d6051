package dev.dragon.fad;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.linalg.MatrixProducts;

/**
 * Streams embedding rows into the float64 sufficient statistics of a Gaussian — count, mean and the co-moment
 * matrix Σ(x−μ)(x−μ)ᵀ — without keeping any row: memory is O(d²) whatever the number of rows.
 *
 * <p>Each added block is centred on its own mean (one {@code dsyrk}) and merged with Chan et al.'s pairwise
 * update, which avoids the cancellation of the naive Σxxᵀ − nμμᵀ. Two accumulators merge the same way, so
 * statistics can be computed by many workers and combined. Not thread-safe: give each worker its own.
 */
public final class GaussianAccumulator {

    private final int dimension;
    private final String input;
    private long count;
    private final double[] mean;
    private final double[] comoment;

    /**
     * @param dimension d, at least 1
     * @param input     how to name the whole set in error messages, e.g. {@code reference set /data/ref}
     */
    public GaussianAccumulator(int dimension, String input) {
        if (dimension < 1) throw new IllegalArgumentException(input + ": dimension must be at least 1, got " + dimension);
        this.dimension = dimension;
        this.input = input;
        this.mean = new double[dimension];
        this.comoment = new double[dimension * dimension];
    }

    /**
     * Adds every row of a block.
     *
     * @param frames the rows, d columns, all finite
     * @param source how to name this block in error messages (a file, a clip)
     * @return this accumulator
     * @throws IllegalArgumentException on a dimension mismatch or a NaN/infinite value
     */
    public GaussianAccumulator add(FrameEmbeddings frames, String source) {
        EmbeddingChecks.requireDimension(frames.dimension(), dimension, source);
        EmbeddingChecks.requireFinite(frames, source);
        int rows = frames.frames();
        double[] blockMean = frames.meanPooled();
        double[] blockComoment = null;
        if (rows > 1) {
            double[] centred = frames.values().clone();
            for (int t = 0; t < rows; t++) {
                for (int j = 0; j < dimension; j++) centred[t * dimension + j] -= blockMean[j];
            }
            blockComoment = MatrixProducts.columnGram(centred, rows, dimension, 1.0);
        }
        merge(rows, blockMean, blockComoment);
        return this;
    }

    /**
     * Folds another accumulator's rows into this one (the other is left unchanged).
     *
     * @param other statistics of further rows, same dimension
     * @return this accumulator
     */
    public GaussianAccumulator merge(GaussianAccumulator other) {
        EmbeddingChecks.requireDimension(other.dimension, dimension, other.input);
        if (other.count > 0) merge(other.count, other.mean, other.comoment);
        return this;
    }

    private void merge(long otherCount, double[] otherMean, double[] otherComoment) {
        long total = count + otherCount;
        double[] delta = new double[dimension];
        for (int j = 0; j < dimension; j++) delta[j] = otherMean[j] - mean[j];
        double weight = (double) count * otherCount / total;
        double share = (double) otherCount / total;
        for (int i = 0; i < dimension; i++) {
            double scaled = weight * delta[i];
            int base = i * dimension;
            for (int j = 0; j < dimension; j++) {
                double extra = scaled * delta[j];
                if (otherComoment != null) extra += otherComoment[base + j];
                comoment[base + j] += extra;
            }
        }
        for (int j = 0; j < dimension; j++) mean[j] += share * delta[j];
        count = total;
    }

    /** @return the number of rows accumulated so far */
    public long count() {
        return count;
    }

    /** @return d */
    public int dimension() {
        return dimension;
    }

    /**
     * @param encoderFingerprint the fingerprint of the encoder that made the rows
     * @param referenceHash      the content hash of the set the rows came from
     * @return count, mean and sample covariance (divisor n−1)
     * @throws IllegalArgumentException with fewer than two rows
     */
    public ReferenceStatistics toStatistics(String encoderFingerprint, String referenceHash) {
        EmbeddingChecks.requireAtLeastTwoRows(count, input);
        double[] covariance = new double[comoment.length];
        double divisor = count - 1;
        for (int i = 0; i < covariance.length; i++) covariance[i] = comoment[i] / divisor;
        return new ReferenceStatistics(encoderFingerprint, referenceHash, count, mean.clone(), covariance);
    }

    /** @return the number of doubles this accumulator holds (d + d²), however many rows it has seen */
    int retainedDoubles() {
        return mean.length + comoment.length;
    }
}
