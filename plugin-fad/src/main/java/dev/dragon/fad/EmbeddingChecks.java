package dev.dragon.fad;

import dev.dragon.api.FrameEmbeddings;

/**
 * Input checks shared by the Fréchet computations. Every failure is an {@link IllegalArgumentException} whose
 * one-line message starts with the name of the offending input.
 */
final class EmbeddingChecks {

    private EmbeddingChecks() {
    }

    /** Rejects NaN and infinite values, naming the first bad row. */
    static void requireFinite(FrameEmbeddings e, String input) {
        double[] v = e.values();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(input + ": row " + i / e.dimension() + " holds " + v[i] + " (NaN or infinite values are not embeddings)");
            }
        }
    }

    /** Rejects an embedding dimension other than the expected one. */
    static void requireDimension(int actual, int expected, String input) {
        if (actual != expected) {
            throw new IllegalArgumentException(input + ": dimension mismatch, " + actual + " columns where " + expected + " are expected");
        }
    }

    /** Rejects fewer than two rows: a covariance needs n − 1 ≥ 1. */
    static void requireAtLeastTwoRows(long rows, String input) {
        if (rows < 2) {
            throw new IllegalArgumentException(input + ": " + (rows == 0 ? "empty set" : "only " + rows + " frame")
                + ", a covariance needs at least 2 frames");
        }
    }

    /** Rejects a non-finite result, so that no NaN ever reaches a caller silently. */
    static double requireFiniteResult(double value, String what) {
        if (!Double.isFinite(value)) throw new ArithmeticException(what + " is not finite (" + value + ")");
        return value;
    }
}
