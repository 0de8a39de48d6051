package dev.dragon.diffusion.sampling;

import static dev.dragon.diffusion.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.dragon.diffusion.testing.Fixtures;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cosine schedule against numpy (make_loss_fixtures.py) and the forward process against its formula. */
class NoiseScheduleTest {

    @ParameterizedTest
    @ValueSource(ints = {1000, 50})
    void cosineScheduleMatchesNumpy(int steps) throws IOException {
        Fixtures fixtures = Fixtures.load("/dev/dragon/diffusion/sampling/schedule-fixtures.txt");
        NoiseSchedule schedule = NoiseSchedule.cosine(steps);
        // β = 1 − ratio of two cosines near 1: small β carry the cosine's absolute rounding (~1e-16), hence the floor
        assertClose(fixtures.values("cosine" + steps + ".betas"), schedule.betas(), 1e-12, 1e-3, "β");
        assertClose(fixtures.values("cosine" + steps + ".alphaBar"), schedule.alphaBars(), 1e-12, 1e-300, "ᾱ");
    }

    @Test
    void linearScheduleRunsFromFirstToLastBeta() {
        NoiseSchedule schedule = NoiseSchedule.linear(5, 0.1, 0.5);
        assertClose(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, schedule.betas(), 1e-15, 1, "β");
        assertClose(new double[] {0.9, 0.72, 0.504, 0.3024, 0.1512}, schedule.alphaBars(), 1e-15, 1, "ᾱ");
    }

    @Test
    void forwardProcessUsesEachSamplesOwnTimestep() {
        NoiseSchedule schedule = NoiseSchedule.cosine(100);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray clean = manager.create(new double[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray noise = manager.create(new double[] {-1, 0.5, 2, -3}, new Shape(2, 2));
            double[] noisy = schedule.addNoise(clean, noise, new int[] {3, 80}).toDoubleArray();
            double a3 = schedule.alphaBar(3);
            double a80 = schedule.alphaBar(80);
            double[] expected = {
                Math.sqrt(a3) * 1 + Math.sqrt(1 - a3) * -1, Math.sqrt(a3) * 2 + Math.sqrt(1 - a3) * 0.5,
                Math.sqrt(a80) * 3 + Math.sqrt(1 - a80) * 2, Math.sqrt(a80) * 4 + Math.sqrt(1 - a80) * -3};
            assertClose(expected, noisy, 1e-15, 1, "x_t");
            assertArrayEquals(new long[] {2, 2}, schedule.addNoise(clean.toType(DataType.FLOAT32, false),
                noise.toType(DataType.FLOAT32, false), new int[] {0, 99}).getShape().getShape());
        }
    }

    @Test
    void rejectsEmptySchedules() {
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.cosine(0));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.linear(10, 0.2, 0.1));
    }
}
