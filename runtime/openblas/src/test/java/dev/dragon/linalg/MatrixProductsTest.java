package dev.dragon.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class MatrixProductsTest {

    private static final double[] X = {1, 2, 3, 4, 5, 6}; // 2x3

    @Test
    void multiplyHonoursTranspositions() {
        // X·Xᵀ = [[14, 32], [32, 77]]
        assertArrayEquals(new double[] {14, 32, 32, 77}, MatrixProducts.multiply(X, 2, 3, false, X, 2, 3, true), 0);
        // Xᵀ·X (3x3)
        assertArrayEquals(new double[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, MatrixProducts.multiply(X, 2, 3, true, X, 2, 3, false), 0);
    }

    @Test
    void gramsAreFullAndScaled() {
        assertArrayEquals(new double[] {7, 16, 16, 38.5}, MatrixProducts.rowGram(X, 2, 3, 0.5), 0);
        assertArrayEquals(new double[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, MatrixProducts.columnGram(X, 2, 3, 1), 0);
    }
}
