package dev.dragon.fad;

import static dev.dragon.fad.Fixtures.assertRelative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import org.junit.jupiter.api.Test;

class FadInfinityTest {

    @Test
    void lineOverInverseNIsRecoveredExactly() {
        int[] sizes = {100, 200, 400, 800};
        double[] values = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) values[i] = 2.5 + 300.0 / sizes[i];
        double[] line = FadInfinity.fitOverInverseN(sizes, values);
        assertEquals(2.5, line[0], 1e-12);
        assertEquals(300.0, line[1], 1e-9);
    }

    @Test
    void fullSizePointIsThePlainFadAndTheEstimateIsReproducible() {
        FrameEmbeddings set = Fixtures.generated("dataset.full128.a");
        ReferenceStatistics ref = Fixtures.statistics(Fixtures.generated("dataset.full128.b"));
        FadInfinity.Estimate first = FadInfinity.estimate(set, "set", ref, 5, 42);
        FadInfinity.Estimate again = FadInfinity.estimate(set, "set", ref, 5, 42);
        assertArrayEquals(first.distances(), again.distances(), 0);
        assertEquals(set.frames(), first.sizes()[4]);
        assertRelative(Fixtures.expected("dataset.full128"), first.distances()[4], 1e-9, "FAD at n = N");
        // the small-set bias is positive, so the extrapolation lies below the full-set FAD
        assertTrue(first.fadInfinity() < first.distances()[4]);
    }

    @Test
    void equalSizesCannotBeExtrapolated() {
        assertThrows(IllegalArgumentException.class, () -> FadInfinity.fitOverInverseN(new int[] {10, 10}, new double[] {1, 2}));
    }
}
