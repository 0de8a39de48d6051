package dev.dragon.aesthetics.model;

/**
 * Rated clips as the head sees them: one unit-length embedding per clip, its rating and its prompt group.
 *
 * @param rows      n×d embeddings, row-major
 * @param dimension d
 * @param ratings   the n ratings
 * @param groups    the n prompt groups (all equal when the ratings name no prompts)
 * @param dataHash  SHA-256 identifying the data (see {@link Provenance#dataHash()})
 */
public record RatedEmbeddings(double[] rows, int dimension, double[] ratings, String[] groups, String dataHash) {

    /** Checks the shapes. */
    public RatedEmbeddings {
        if (dimension < 1 || rows.length != (long) ratings.length * dimension || groups.length != ratings.length) {
            throw new IllegalArgumentException("rows, ratings and groups disagree in size");
        }
    }

    /** @return the number of clips */
    public int size() {
        return ratings.length;
    }

    /** @return the number of distinct groups */
    public int groupCount() {
        return (int) java.util.Arrays.stream(groups).distinct().count();
    }

    /** @return the clips at {@code indices}, in that order */
    public RatedEmbeddings subset(int[] indices) {
        double[] r = new double[indices.length * dimension];
        double[] y = new double[indices.length];
        String[] g = new String[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(rows, indices[k] * dimension, r, k * dimension, dimension);
            y[k] = ratings[indices[k]];
            g[k] = groups[indices[k]];
        }
        return new RatedEmbeddings(r, dimension, y, g, dataHash);
    }
}
