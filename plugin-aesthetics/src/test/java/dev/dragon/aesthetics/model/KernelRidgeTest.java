package dev.dragon.aesthetics.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dragon.aesthetics.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kernel matrices and kernel ridge regression against numpy's closed form α = solve(K + λI, y) (fixtures from
 * {@code make_fixtures.py}). The Java code solves through an eigendecomposition, so agreement is a real check.
 * Tolerances: kernel values 1e-13 absolute (same formula, different summation order); α and predictions 1e-9
 * relative to their largest magnitude (two solution routes on matrices with condition number up to ~10³).
 */
class KernelRidgeTest {

    private static final int N = (int) Fixtures.scalar("krr.n"), M = (int) Fixtures.scalar("krr.m"), D = (int) Fixtures.scalar("krr.d");

    private static Kernel kernel(String name) {
        return name.equals("cosine") ? Kernel.cosine() : Kernel.rbf(1.5);
    }

    @ParameterizedTest
    @CsvSource({"cosine", "rbf1.5"})
    void kernelMatricesMatchNumpy(String name) {
        double[] x = Fixtures.get("krr.x"), q = Fixtures.get("krr.q");
        assertArrayEquals(Fixtures.get("krr." + name + ".gram"), kernel(name).gram(x, N, D), 1e-13);
        assertArrayEquals(Fixtures.get("krr." + name + ".cross"), kernel(name).matrix(q, M, x, N, D), 1e-13);
    }

    @ParameterizedTest
    @CsvSource({"cosine, 0.05", "cosine, 2.0", "rbf1.5, 0.05", "rbf1.5, 2.0"})
    void coefficientsAndPredictionsMatchTheClosedForm(String name, double lambda) {
        double[] x = Fixtures.get("krr.x"), q = Fixtures.get("krr.q"), y = Fixtures.get("krr.y");
        Kernel k = kernel(name);
        double[] alpha = new KernelRidgeSolver(k.gram(x, N, D), N).coefficients(lambda, y);
        double[] expectedAlpha = Fixtures.get("krr." + name + "." + lambda + ".alpha");
        assertArrayEquals(expectedAlpha, alpha, 1e-9 * maxAbs(expectedAlpha));
        double[] expectedPrediction = Fixtures.get("krr." + name + "." + lambda + ".pred");
        double[] predicted = KernelRidgeSolver.predict(k.matrix(q, M, x, N, D), M, alpha);
        assertArrayEquals(expectedPrediction, predicted, 1e-9 * maxAbs(expectedPrediction));

        // the model adds the label scaling back: labelMean + labelScale * (K_q alpha)
        AestheticsModel model = new AestheticsModel(k, lambda, x, D, alpha, 3.0, 0.5, null);
        double[] ratings = model.predict(q, M);
        for (int i = 0; i < M; i++) assertEquals(3.0 + 0.5 * expectedPrediction[i], ratings[i], 1e-9 * (3 + maxAbs(expectedPrediction)));
    }

    @org.junit.jupiter.api.Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Kernel.rbf(0));
        assertThrows(IllegalArgumentException.class, () -> Kernel.rbf(Double.NaN));
        KernelRidgeSolver solver = new KernelRidgeSolver(new double[] {1}, 1);
        assertThrows(IllegalArgumentException.class, () -> solver.coefficients(0, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> solver.coefficients(1, new double[] {1, 2}));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
