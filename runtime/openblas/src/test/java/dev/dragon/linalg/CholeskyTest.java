package dev.dragon.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CholeskyTest {

    @Test
    void factorsAPositiveDefiniteMatrix() {
        double[] l = Cholesky.lower(new double[] {4, 2, 2, 5}, 2).orElseThrow();
        assertArrayEquals(new double[] {2, 0, 1, 2}, l, 1e-15);
    }

    @Test
    void refusesAnIndefiniteMatrix() {
        assertTrue(Cholesky.lower(new double[] {1, 2, 2, 1}, 2).isEmpty());
    }

    @Test
    void lowerCongruenceIsLTransposeSL() {
        double[] l = {2, 0, 1, 2};
        double[] s = {1, 0, 0, 3};
        // Lᵀ = [[2,1],[0,2]]; LᵀS = [[2,3],[0,6]]; LᵀSL = [[7,6],[6,12]]
        assertArrayEquals(new double[] {7, 6, 6, 12}, MatrixProducts.lowerCongruence(s, l, 2), 1e-15);
    }
}
