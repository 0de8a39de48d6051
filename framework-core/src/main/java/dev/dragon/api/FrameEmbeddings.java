package dev.dragon.api;

import java.util.Arrays;

/**
 * A T×d matrix of embeddings, one row per frame (or per example), stored row-major in float64.
 * A clip embedding is the pooled (mean) row; FAD treats the rows as samples of a Gaussian.
 *
 * @param frames    T, the number of rows, at least 1
 * @param dimension d, the number of columns, at least 1
 * @param values    the T·d values, row-major; owned by this object
 */
public record FrameEmbeddings(int frames, int dimension, double[] values) {

    /** Checks the shape against the number of values. */
    public FrameEmbeddings {
        if (frames < 1 || dimension < 1) {
            throw new IllegalArgumentException("embeddings need at least one frame and one dimension, got " + frames + "x" + dimension);
        }
        if (values.length != (long) frames * dimension) {
            throw new IllegalArgumentException("expected " + frames + "x" + dimension + " values, got " + values.length);
        }
    }

    /** @return a copy of row {@code t} */
    public double[] row(int t) {
        return Arrays.copyOfRange(values, t * dimension, (t + 1) * dimension);
    }

    /** @return the mean over frames, the usual clip-level embedding */
    public double[] meanPooled() {
        double[] mean = new double[dimension];
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < dimension; j++) mean[j] += values[t * dimension + j];
        }
        for (int j = 0; j < dimension; j++) mean[j] /= frames;
        return mean;
    }

    /** @return true when every value is finite (no NaN or infinity) */
    public boolean allFinite() {
        for (double v : values) {
            if (!Double.isFinite(v)) return false;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameEmbeddings e && e.frames == frames && e.dimension == dimension && Arrays.equals(e.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * frames + dimension) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FrameEmbeddings[" + frames + "x" + dimension + "]";
    }
}
