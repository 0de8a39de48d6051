package dev.dragon.io;

import dev.dragon.api.FrameEmbeddings;
import java.util.Arrays;

/**
 * An n-dimensional float array as stored in a {@code .npy} file, held in C (row-major) order as float64.
 *
 * @param shape    the extents (empty for a scalar)
 * @param values   the values in C order; owned by this object
 * @param float32  true when the file held float32 (values are then exactly representable as floats)
 */
public record NpyArray(int[] shape, double[] values, boolean float32) {

    /** Checks that the shape accounts for every value. */
    public NpyArray {
        shape = shape.clone();
        if (NpyArray.size(shape) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
        }
    }

    /** @return a 2-D float64 array holding these embeddings */
    public static NpyArray of(FrameEmbeddings e) {
        return new NpyArray(new int[] {e.frames(), e.dimension()}, e.values().clone(), false);
    }

    /** @return the same values with float32 as the preferred storage type */
    public NpyArray asFloat32() {
        return new NpyArray(shape, values, true);
    }

    /**
     * Views a 2-D array as frame embeddings (rows = frames or examples, columns = dimensions).
     *
     * @return the embeddings
     * @throws IllegalArgumentException when the array is not 2-D with at least one row and column
     */
    public FrameEmbeddings toFrameEmbeddings() {
        if (shape.length != 2) throw new IllegalArgumentException("expected a 2-D array (rows x dimensions), got shape " + describeShape());
        if (shape[0] < 1 || shape[1] < 1) throw new IllegalArgumentException("expected at least one row and one column, got shape " + describeShape());
        return new FrameEmbeddings(shape[0], shape[1], values);
    }

    /** @return the shape as Python writes it, e.g. {@code (3, 4)} or {@code (5,)} */
    public String describeShape() {
        return describe(shape);
    }

    static String describe(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) s.append(i == 0 ? "" : ", ").append(shape[i]);
        return s.append(')').toString();
    }

    static long size(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative extent in shape " + Arrays.toString(shape));
            n *= s;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(a.shape, shape) && Arrays.equals(a.values, values) && a.float32 == float32;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NpyArray" + describeShape() + (float32 ? " float32" : " float64");
    }
}
