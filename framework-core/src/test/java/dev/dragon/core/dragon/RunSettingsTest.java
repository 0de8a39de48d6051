package dev.dragon.core.dragon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dragon.api.LossType;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings in config.json (fault policy, updates, checkpoint selection): written, read back, defaulted for runs written before they existed, range-checked. */
class RunSettingsTest {

    private static RunSettings base() {
        return new RunSettings("g", List.of(new WeightedReward("r", 1)), 3, 2, LossType.DPO, 1, 0.1, 1, 1, PairingMode.AUTO,
            1, 1, 1, 1, 7, "train.tsv", "", 0, 0, 10);
    }

    @Test
    void theFaultPolicyRoundTripsAndOlderRunsGetTheDefaults() {
        RunSettings s = base();
        assertEquals(RunSettings.DEFAULT_REWARD_TIMEOUT_SECONDS, s.rewardTimeoutSeconds());
        assertEquals(RunSettings.DEFAULT_MAX_FAULTS, s.maxFaults());
        RunSettings custom = s.withFaultPolicy(1.5, 5);
        assertEquals(custom, RunSettings.fromJson(custom.toJson()));
        var old = Json.createObjectBuilder(custom.toJson()).remove("rewardTimeout").remove("maxFaults").build();
        assertEquals(s, RunSettings.fromJson(old));
        assertEquals(custom, custom.withIterations(3));
    }

    @Test
    void updatesPerIterationRoundTripAndOlderRunsTakeOne() {
        RunSettings s = base();
        assertEquals(1, s.updates());
        RunSettings four = s.withUpdates(4);
        assertEquals(4, four.updates());
        assertEquals(four, RunSettings.fromJson(four.toJson()));
        assertEquals(s, RunSettings.fromJson(Json.createObjectBuilder(four.toJson()).remove("updates").build()));
        assertEquals(4, four.withFaultPolicy(2, 2).withIterations(9).updates());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.withUpdates(0));
        assertEquals("--updates must be at least 1, got 0", e.getMessage());
    }

    @Test
    void theCheckpointSelectionRoundTripsAndOlderRunsEvaluateTheirFinalCheckpoint() {
        RunSettings s = base();
        assertEquals(CheckpointSelection.FINAL, s.selection());
        RunSettings best = s.withUpdates(3).withSelection(CheckpointSelection.BEST);
        assertEquals("best", best.toJson().getString("select"));
        assertEquals(best, RunSettings.fromJson(best.toJson()));
        assertEquals(s.withUpdates(3), RunSettings.fromJson(Json.createObjectBuilder(best.toJson()).remove("select").build()));
        assertEquals(CheckpointSelection.BEST, best.withIterations(9).withFaultPolicy(2, 2).withRewards(List.of(new WeightedReward("x", 1))).selection());
        assertEquals("unknown checkpoint selection 'latest' (one of: final, best)",
            assertThrows(IllegalArgumentException.class, () -> CheckpointSelection.parse("latest")).getMessage());
    }

    @Test
    void badValuesNameTheOption() {
        RunSettings s = base();
        assertEquals("--reward-timeout must be a positive number of seconds, got 0.0",
            assertThrows(IllegalArgumentException.class, () -> s.withFaultPolicy(0, 3)).getMessage());
        assertEquals("--max-faults must be at least 1, got 0",
            assertThrows(IllegalArgumentException.class, () -> s.withFaultPolicy(10, 0)).getMessage());
    }
}
