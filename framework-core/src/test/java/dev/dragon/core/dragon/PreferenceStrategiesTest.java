package dev.dragon.core.dragon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D+/D− construction of each strategy, on hand-made scores whose answers are worked out in the comments. */
class PreferenceStrategiesTest {

    /** Candidates for B prompts; sample i (0..2B−1) is tagged with its index in its seed. */
    private static Candidates candidates(double[] scores, SetObjective objective, int b) {
        List<Prompt> prompts = new ArrayList<>();
        List<Generation> first = new ArrayList<>();
        List<Generation> second = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            Prompt p = new Prompt("p" + i, "prompt " + i);
            prompts.add(p);
            first.add(new Generation(p, i, AudioClip.mono(1000, new float[] {0}), null, "g"));
            second.add(new Generation(p, b + i, AudioClip.mono(1000, new float[] {0}), null, "g"));
        }
        return new Candidates(prompts, first, second, scores, objective);
    }

    private static List<Long> seeds(List<Generation> gens) {
        return gens.stream().map(Generation::seed).toList();
    }

    @Test
    void pairedPutsTheBetterSampleOfEachPromptInDPlusAndSkipsTies() {
        // prompt 0: 0.9 vs 0.1 → first wins; prompt 1: 0.2 vs 0.7 → second wins; prompt 2: tie → skipped
        Preferences p = new PairedStrategy().build(candidates(new double[] {0.9, 0.2, 0.5, 0.1, 0.7, 0.5}, null, 3));
        assertTrue(p.batch().paired());
        assertEquals(List.of(0L, 4L), seeds(p.batch().positives()));
        assertEquals(List.of(3L, 1L), seeds(p.batch().negatives()));
        assertEquals(2, p.dropped());
        for (int i = 0; i < 2; i++) assertEquals(p.batch().positives().get(i).prompt(), p.batch().negatives().get(i).prompt());
    }

    @Test
    void pairedWithEveryPairTiedGivesNoBatch() {
        assertNull(new PairedStrategy().build(candidates(new double[] {1, 2, 1, 2}, null, 2)).batch());
    }

    @Test
    void unpairedLabelsAgainstTheBatchMedian() {
        // scores 5, 1, 3 | 4, 3, 9 → sorted 1 3 3 4 5 9, median (3 + 4) / 2 = 3.5
        Preferences p = new UnpairedMedianStrategy().build(candidates(new double[] {5, 1, 3, 4, 3, 9}, null, 3));
        assertFalse(p.batch().paired());
        assertEquals(List.of(0L, 3L, 5L), seeds(p.batch().positives()));
        assertEquals(List.of(1L, 2L, 4L), seeds(p.batch().negatives()));
        assertEquals(0, p.dropped());
        // odd count is impossible (2B samples), but a median equal to samples drops them: 1 2 2 2 → median 2
        Preferences q = new UnpairedMedianStrategy().build(candidates(new double[] {1, 2, 2, 2}, null, 2));
        assertEquals(3, q.dropped());
        assertEquals(List.of(0L), seeds(q.batch().negatives()));
        assertTrue(q.batch().positives().isEmpty());
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertEquals(2.5, UnpairedMedianStrategy.median(new double[] {4, 1, 3, 2}));
        assertEquals(3, UnpairedMedianStrategy.median(new double[] {5, 1, 3}));
    }

    /** Objective: the mean of per-sample values (additive). */
    private static SetObjective meanOf(double[] values) {
        return members -> members.stream().mapToDouble(m -> values[m]).average().orElseThrow();
    }

    @Test
    void setStrategyKeepsTheBetterSetAndSwapsWherePairsDisagree() {
        // D1 = 3 0 5 (mean 8/3) beats D2 = 1 2 4 (7/3): D+ starts as D1; swapping prompt 1 (0 ↔ 2) raises the gap
        // from 1/3 to 5/3; swapping prompt 0 or 2 would lower it
        double[] v = {3, 0, 5, 1, 2, 4};
        Preferences p = new SetGreedySwapStrategy().build(candidates(null, meanOf(v), 3));
        assertEquals(List.of(0L, 4L, 2L), seeds(p.batch().positives()));
        assertEquals(List.of(3L, 1L, 5L), seeds(p.batch().negatives()));
        assertEquals(1, p.swaps());
        assertEquals(5.0 / 3, p.gap(), 1e-12);
        assertTrue(p.batch().paired());
        assertEquals(p.batch().positives().size(), p.batch().negatives().size());
    }

    @Test
    void setStrategyExchangesWholeSetsFirstWhenD2IsBetter() {
        // D1 = 0 0 1 (1/3) loses to D2 = 2 2 0 (4/3): D+ = D2 (gap 1); then prompt 2 (0 in D+, 1 in D−) swaps: gap 5/3
        double[] v = {0, 0, 1, 2, 2, 0};
        Preferences p = new SetGreedySwapStrategy().build(candidates(null, meanOf(v), 3));
        assertEquals(List.of(3L, 4L, 2L), seeds(p.batch().positives()));
        assertEquals(1, p.swaps());
        assertEquals(5.0 / 3, p.gap(), 1e-12);
    }

    @Test
    void setStrategyOnANonAdditiveObjective() {
        // objective: number of distinct labels in the set (diversity). D1 = a a b (2), D2 = c d b (3): D+ = D2.
        // prompt 0: D+ = a d b (3), D− = c a b (3): gap 0 < 1, revert; prompt 1: D+ = c a b, D− = a d b: 0, revert;
        // prompt 2: b ↔ b changes nothing. Result D+ = D2, no swaps, gap 1.
        String[] labels = {"a", "a", "b", "c", "d", "b"};
        SetObjective distinct = members -> members.stream().map(m -> labels[m]).distinct().count();
        Preferences p = new SetGreedySwapStrategy().build(candidates(null, distinct, 3));
        assertEquals(List.of(3L, 4L, 5L), seeds(p.batch().positives()));
        assertEquals(0, p.swaps());
        assertEquals(1, p.gap(), 0);
    }

    @Test
    void setStrategyWithIndistinguishableSetsGivesNoBatch() {
        assertNull(new SetGreedySwapStrategy().build(candidates(null, members -> 7, 2)).batch());
    }

    @Test
    void strategyChoiceFollowsTheRewardKinds() {
        assertEquals("paired", PreferenceStrategy.forMode(PairingMode.AUTO, false).name());
        assertEquals("set-greedy-swap", PreferenceStrategy.forMode(PairingMode.AUTO, true).name());
        assertEquals("unpaired-median", PreferenceStrategy.forMode(PairingMode.UNPAIRED, false).name());
        assertEquals("set-greedy-swap", PreferenceStrategy.forMode(PairingMode.SET, false).name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PreferenceStrategy.forMode(PairingMode.PAIRED, true));
        assertTrue(e.getMessage().contains("--pairing set"), e.getMessage());
    }
}
