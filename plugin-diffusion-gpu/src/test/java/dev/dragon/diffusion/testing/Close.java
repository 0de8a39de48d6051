package dev.dragon.diffusion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Element-wise comparison with a relative tolerance and an absolute floor for values near zero. */
public final class Close {

    private Close() {
    }

    /**
     * Asserts |actual − expected| ≤ relative·max(|expected|, floor) for every element and returns the largest
     * relative error seen (measured against max(|expected|, floor)).
     */
    public static double assertClose(double[] expected, double[] actual, double relative, double floor, String what) {
        assertEquals(expected.length, actual.length, what + ": element count");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(Math.abs(expected[i]), floor);
            double error = Math.abs(actual[i] - expected[i]) / scale;
            if (!(error <= relative)) {
                fail(what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i] + " (relative error " + error
                    + " > " + relative + ")");
            }
            worst = Math.max(worst, error);
        }
        return worst;
    }
}
