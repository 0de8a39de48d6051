package dev.dragon.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dragon.core.dragon.IterationMetrics;
import dev.dragon.core.dragon.WeightedReward;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule behind {@code select = best}. Expected scores are numpy's: per reward (v − mean) / std (population) over
 * the scored iterations, weighted and summed, averaged over each checkpoint's window; tolerance 1e-12.
 */
class BestCheckpointTest {

    private static IterationMetrics row(int iteration, Map<String, Double> rewards) {
        return new IterationMetrics(iteration, "trained", "", "paired", rewards, 0.5, 0.1, 1, 4, 4, 0, 0, 1.0, Map.of());
    }

    private static List<IterationMetrics> single(double... values) {
        List<IterationMetrics> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) rows.add(row(i + 1, Map.of("r", values[i])));
        return rows;
    }

    @Test
    void aRunThatCollapsedLateKeepsItsEarlierCheckpoint() {
        double[] v = new double[40];
        for (int i = 0; i < 40; i++) v[i] = i < 20 ? i + 1 : i < 35 ? 20 : 0;
        BestCheckpoint.Choice c = BestCheckpoint.choose(single(v), List.of(0, 20, 40), List.of(new WeightedReward("r", 1)), 5, 40);
        assertEquals(20, c.iteration());
        assertEquals(40, c.last());
        assertEquals(List.of(20, 40), c.candidates().stream().map(BestCheckpoint.Candidate::iteration).toList());
        assertEquals(0.6824083075438467, c.candidates().get(0).score(), 1e-12); // iterations 16–20
        assertEquals(-1.6572773183207707, c.candidates().get(1).score(), 1e-12); // iterations 36–40
        assertEquals(5, c.candidates().get(1).iterations());
        assertEquals(20, c.toJson().getInt("chosen"));
        assertEquals(40, c.toJson().getInt("final"));
    }

    @Test
    void severalRewardsAreStandardisedAndWeighted() {
        double[] a = {5000, 1000, 4000, 2000, 8000, 6000, 7000, 3000};
        double[] b = {0.1, 0.5, 0.2, 0.9, 0.3, 0.4, 0.8, 0.7};
        List<IterationMetrics> rows = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("a", a[i]);
            m.put("b", b[i]);
            rows.add(row(i + 1, m));
        }
        List<WeightedReward> rewards = List.of(new WeightedReward("a", 1), new WeightedReward("b", 3));
        BestCheckpoint.Choice c = BestCheckpoint.choose(rows, List.of(0, 4, 8), rewards, 4, 8);
        assertEquals(-1.3458171870841151, c.candidates().get(0).score(), 1e-12);
        assertEquals(1.3458171870841138, c.candidates().get(1).score(), 1e-12);
        assertEquals(8, c.iteration());
        // a shorter window: iterations 3–4 only
        assertEquals(0.036509845668159624, BestCheckpoint.choose(rows, List.of(4), rewards, 2, 8).candidates().get(0).score(), 1e-12);
    }

    @Test
    void tiesGoToTheLaterCheckpointAndUnscoredIterationsDoNotCount() {
        assertEquals(6, BestCheckpoint.choose(single(1, 2, 3, 1, 2, 3), List.of(3, 6), List.of(new WeightedReward("r", 1)), 3, 6).iteration());
        // iterations 4–6 failed to score (no reward, NaN): checkpoint 6 has no window and is no candidate
        List<IterationMetrics> rows = new ArrayList<>(single(1, 2, 3));
        rows.add(row(4, Map.of()));
        rows.add(row(5, Map.of("r", Double.NaN)));
        rows.add(row(6, Map.of("other", 9.0)));
        BestCheckpoint.Choice c = BestCheckpoint.choose(rows, List.of(0, 3, 6), List.of(new WeightedReward("r", 1)), 3, 6);
        assertEquals(List.of(3), c.candidates().stream().map(BestCheckpoint.Candidate::iteration).toList());
        assertEquals(3, c.iteration());
    }

    @Test
    void withNoCandidateTheFinalCheckpointStays() {
        assertEquals(6, BestCheckpoint.choose(List.of(), List.of(0, 3, 6), List.of(new WeightedReward("r", 1)), 5, 6).iteration());
        // the base model (iteration 0) is never a candidate, nor a checkpoint past the final one
        BestCheckpoint.Choice c = BestCheckpoint.choose(single(5, 1, 1), List.of(0, 1, 3, 4), List.of(new WeightedReward("r", 1)), 1, 3);
        assertEquals(List.of(1, 3), c.candidates().stream().map(BestCheckpoint.Candidate::iteration).toList());
        assertEquals(1, c.iteration());
        assertThrows(IllegalArgumentException.class, () -> BestCheckpoint.choose(single(1), List.of(1), List.of(new WeightedReward("r", 1)), 0, 1));
    }
}
