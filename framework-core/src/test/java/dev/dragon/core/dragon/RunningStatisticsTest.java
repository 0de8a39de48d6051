package dev.dragon.core.dragon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Welford statistics against values computed by hand (numpy: mean 5, std(ddof=1) 2.138089935299395). */
class RunningStatisticsTest {

    @Test
    void meanAndSampleStandardDeviation() {
        RunningStatistics s = new RunningStatistics();
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) s.add(x);
        assertEquals(5, s.mean(), 1e-15);
        assertEquals(2.138089935299395, s.scale(), 1e-14);
        assertEquals((9 - 5) / 2.138089935299395, s.normalise(9), 1e-14);
    }

    @Test
    void scaleIsOneUntilThereIsSpread() {
        RunningStatistics s = new RunningStatistics();
        assertEquals(1, s.scale());
        s.add(3);
        s.add(3);
        assertEquals(1, s.scale());
        assertEquals(0, s.normalise(3));
    }

    @Test
    void seedsAreDeterministicAndDistinct() {
        RunSeeds a = new RunSeeds(7);
        assertEquals(a.sampleSeed(3, "p1", 0), new RunSeeds(7).sampleSeed(3, "p1", 0));
        assertNotEquals(a.sampleSeed(3, "p1", 0), a.sampleSeed(3, "p1", 1));
        assertNotEquals(a.sampleSeed(3, "p1", 0), a.sampleSeed(4, "p1", 0));
        assertNotEquals(a.sampleSeed(3, "p1", 0), new RunSeeds(8).sampleSeed(3, "p1", 0));
        int[] idx = a.promptIndices(5, 10, 4);
        assertEquals(4, java.util.Arrays.stream(idx).distinct().count());
        assertEquals(java.util.Arrays.toString(idx), java.util.Arrays.toString(new RunSeeds(7).promptIndices(5, 10, 4)));
    }
}
