package dev.dragon.core.dragon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Weighted rewards, each normalised by its running statistics. Reference values from numpy:
 * a = [1,2,3,4], b = [10,0,5,5], combined = 2·(a − mean a)/std(a, ddof=1) + (b − mean b)/std(b, ddof=1).
 */
class RewardPanelTest {

    /** A per-example reward that scores sample i (by its seed) with values[i]. */
    private static Reward fixed(String id, double... values) {
        return new Reward() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public RewardKind kind() {
                return RewardKind.INSTANCE;
            }

            @Override
            public double[] scoreEach(List<Generation> gens) {
                return gens.stream().mapToDouble(g -> values[(int) g.seed()]).toArray();
            }
        };
    }

    private static List<List<Generation>> samples() {
        Prompt p0 = new Prompt("p0", "a");
        Prompt p1 = new Prompt("p1", "b");
        AudioClip clip = AudioClip.mono(1000, new float[] {0});
        return List.of(List.of(new Generation(p0, 0, clip, null, "g"), new Generation(p1, 1, clip, null, "g")),
            List.of(new Generation(p0, 2, clip, null, "g"), new Generation(p1, 3, clip, null, "g")));
    }

    @Test
    void combinedScoresAreWeightedSumsOfNormalisedScores() {
        Map<String, Reward> rewards = Map.of("a", fixed("a", 1, 2, 3, 4), "b", fixed("b", 10, 0, 5, 5));
        RewardPanel panel = new RewardPanel(List.of(new WeightedReward("a", 2), new WeightedReward("b", 1)), id -> Optional.ofNullable(rewards.get(id)));
        Map<String, Double> raw = new HashMap<>();
        Candidates c = panel.score(List.of(new Prompt("p0", "a"), new Prompt("p1", "b")), samples().get(0), samples().get(1), raw);
        assertArrayEquals(new double[] {-1.0990451363328613, -1.9993415406330723, 0.7745966692414834, 2.32379000772445}, c.scores(), 1e-12);
        assertEquals(0.6123724356957945, c.objective().value(List.of(0, 3)), 1e-12);
        assertEquals(Map.of("a", 2.5, "b", 5.0), raw);
        assertEquals(4, panel.statistics().get("a").count());
    }

    @Test
    void aSetRewardLeavesNoPerSampleScoresAndIsScoredPerSet() {
        Reward set = new Reward() {
            @Override
            public String id() {
                return "set";
            }

            @Override
            public RewardKind kind() {
                return RewardKind.DISTRIBUTION;
            }

            @Override
            public double scoreSet(List<Generation> gens) {
                return gens.stream().mapToLong(Generation::seed).sum();
            }
        };
        RewardPanel panel = new RewardPanel(List.of(new WeightedReward("set", 1)), id -> Optional.of(set));
        Map<String, Double> raw = new HashMap<>();
        Candidates c = panel.score(List.of(new Prompt("p0", "a"), new Prompt("p1", "b")), samples().get(0), samples().get(1), raw);
        assertNull(c.scores());
        // r(D1) = 0 + 1 = 1, r(D2) = 2 + 3 = 5: running mean 3, std sqrt(8); the set {1, 2} scores 3 → 0
        assertEquals(3.0, raw.get("set"));
        assertEquals(0, c.objective().value(List.of(1, 2)), 1e-15);
        assertEquals((5 - 3) / Math.sqrt(8), c.objective().value(List.of(2, 3)), 1e-15);
    }

    @Test
    void faultsNameTheReward() {
        var s = samples();
        Reward shortReward = new Reward() {
            @Override
            public String id() {
                return "short";
            }

            @Override
            public RewardKind kind() {
                return RewardKind.INSTANCE;
            }

            @Override
            public double[] scoreEach(List<Generation> gens) {
                return new double[] {1};
            }
        };
        RewardPanel panel = new RewardPanel(List.of(new WeightedReward("short", 1)), id -> Optional.of(shortReward));
        RewardFault f = assertThrows(RewardFault.class, () -> panel.score(List.of(new Prompt("p0", "a"), new Prompt("p1", "b")), s.get(0), s.get(1), new HashMap<>()));
        assertEquals("reward 'short' (" + shortReward.getClass().getName() + ") returned 1 scores for 4 samples", f.getMessage());
        assertEquals("short", f.rewardId());
        assertEquals(0, panel.statistics().get("short").count(), "a failed scoring leaves the normaliser alone");
    }
}
