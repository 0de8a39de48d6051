package dev.dragon.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void eigenvaluesOfATwoByTwoAreAscending() {
        double[] values = SymmetricEigen.eigenvalues(new double[] {2, 1, 1, 2}, 2);
        assertArrayEquals(new double[] {1, 3}, values, 1e-14);
    }

    @Test
    void decompositionReconstructsTheMatrix() {
        double[] m = {4, 1, 0.5, 1, 3, -1, 0.5, -1, 2};
        SymmetricEigen.Decomposition e = SymmetricEigen.decompose(m, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) sum += e.vectors()[k * 3 + i] * e.values()[k] * e.vectors()[k * 3 + j];
                assertEquals(m[i * 3 + j], sum, 1e-13);
            }
        }
    }

    @Test
    void twoStageEigenvaluesMatchTheDecompositionOnALargeMatrix() {
        int n = 1600;
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[] x = new double[(n + 10) * n];
        for (int i = 0; i < x.length; i++) x[i] = random.nextDouble(-1, 1);
        double[] m = MatrixProducts.columnGram(x, n + 10, n, 1.0 / (n + 10));
        double[] alone = SymmetricEigen.eigenvalues(m, n);
        double[] withVectors = SymmetricEigen.decompose(m, n).values();
        for (int i = 0; i < n; i++) assertEquals(withVectors[i], alone[i], 1e-13 * withVectors[n - 1]);
    }

    @Test
    void inputIsLeftUntouched() {
        double[] m = {2, 1, 1, 2};
        SymmetricEigen.decompose(m, 2);
        assertArrayEquals(new double[] {2, 1, 1, 2}, m);
    }

    @Test
    void wrongShapeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.eigenvalues(new double[3], 2));
    }
}
