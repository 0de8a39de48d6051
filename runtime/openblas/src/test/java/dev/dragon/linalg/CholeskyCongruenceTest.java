package dev.dragon.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CholeskyCongruenceTest {

    @Test
    void spectrumOfLTransposeSL() {
        // A = [[4,2],[2,5]] = LLᵀ with L = [[2,0],[1,2]]; S = diag(1,3); LᵀSL = [[7,6],[6,12]]
        CholeskyCongruence.Spectrum spectrum = CholeskyCongruence.of(new double[] {4, 2, 2, 5}, new double[] {1, 0, 0, 3}, 2).orElseThrow();
        double root = Math.sqrt(6.25 + 36);
        assertArrayEquals(new double[] {9.5 - root, 9.5 + root}, spectrum.eigenvalues(), 1e-13);
        assertArrayEquals(new double[] {2, 2}, spectrum.pivots(), 1e-15);
    }

    @Test
    void indefiniteMatrixHasNoFactor() {
        assertTrue(CholeskyCongruence.of(new double[] {1, 2, 2, 1}, new double[] {1, 0, 0, 1}, 2).isEmpty());
    }
}
