package dev.dragon.core.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The suite's reward lines: {@code reward.NN = ID FACTORY_PID key=value; ...}, read from a configuration. */
class SuiteRewardTest {

    @Test
    void parsesAFactoryLineWithAnExemplarSet() {
        SuiteReward r = SuiteReward.parse("reward.03",
            "  fad-clap-piano dev.dragon.reward.fad.dataset encoder.target=(encoder.id=builtin-clap-audio); reference.audio=@instrument=piano ;");
        assertEquals("fad-clap-piano", r.id());
        assertEquals("dev.dragon.reward.fad.dataset", r.factoryPid());
        assertTrue(r.configured());
        assertEquals(Map.of("encoder.target", "(encoder.id=builtin-clap-audio)", "reference.audio", "@instrument=piano"), r.properties());
        assertEquals(new SuiteReward.ExemplarSet("instrument", "piano"), r.exemplarSet("reference.audio"));
        assertNull(r.exemplarSet("encoder.target"));
        assertNull(r.exemplarSet("reference.captions"));
        assertEquals("03-fad-clap-piano", r.runName());
    }

    @Test
    void aDashMeansARewardConfiguredElsewhere() {
        SuiteReward r = SuiteReward.parse("reward.09", "clap-score -");
        assertFalse(r.configured());
        assertTrue(r.properties().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuiteReward.parse("reward.09", "clap-score - q=2"));
        assertEquals("reward.09: reward 'clap-score' is used as configured elsewhere ('-'): it takes no properties (only run.* run settings)", e.getMessage());
        assertTrue(r.run().isEmpty());
    }

    @Test
    void badLinesNameTheirKey() {
        assertEquals("reward.01: expected 'ID FACTORY_PID [key=value; ...]' (FACTORY_PID '-' for a reward configured elsewhere), got 'lonely'",
            assertThrows(IllegalArgumentException.class, () -> SuiteReward.parse("reward.01", "lonely")).getMessage());
        assertEquals("reward.02: property 'novalue' is not key=value",
            assertThrows(IllegalArgumentException.class, () -> SuiteReward.parse("reward.02", "a pid novalue")).getMessage());
        assertEquals("reward.03: property 'q' given twice",
            assertThrows(IllegalArgumentException.class, () -> SuiteReward.parse("reward.03", "a pid q=1; q=2")).getMessage());
        assertEquals("reward.04: reward.id comes from the line's first word, do not set it",
            assertThrows(IllegalArgumentException.class, () -> SuiteReward.parse("reward.04", "a pid reward.id=b")).getMessage());
        assertEquals("reward.05: 'reference.audio=@piano': an exemplar set is written @COLUMN=VALUE",
            assertThrows(IllegalArgumentException.class, () -> SuiteReward.parse("reward.05", "a pid reference.audio=@piano")).getMessage());
        assertEquals("reward.06: 'q': only reference.audio and reference.captions take an exemplar set (@COLUMN=VALUE)",
            assertThrows(IllegalArgumentException.class, () -> SuiteReward.parse("reward.06", "a pid q=@x=y")).getMessage());
        assertEquals("reward.07: reward id 'a/b' may hold only letters, digits, '.', '_' and '-'",
            assertThrows(IllegalArgumentException.class, () -> SuiteReward.parse("reward.07", "a/b pid")).getMessage());
    }

    @Test
    void readsEveryRewardKeyInKeyOrderAndRefusesRepeatedIds() {
        Map<String, Object> config = Map.of(
            "reward.10", "ten pid",
            "reward.02", "two -",
            "reward.01", "one pid x=1",
            "iterations", "12",
            "service.pid", "dev.dragon.suite",
            "reward.", "not a reward key");
        List<SuiteReward> rewards = SuiteReward.fromConfiguration(config);
        assertEquals(List.of("one", "two", "ten"), rewards.stream().map(SuiteReward::id).toList());
        assertEquals(List.of("reward.01", "reward.02", "reward.10"), rewards.stream().map(SuiteReward::key).toList());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SuiteReward.fromConfiguration(Map.of("reward.01", "same pid", "reward.02", "same -")));
        assertEquals("reward.02: reward id 'same' is already used by another reward of the suite", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SuiteReward.fromConfiguration(Map.of("iterations", "3")));
        assertTrue(e.getMessage().startsWith("the suite names no reward"), e.getMessage());
    }

    @Test
    void onlyKeepsTheNamedRewardsInSuiteOrder() {
        List<SuiteReward> all = SuiteReward.fromConfiguration(Map.of("reward.01", "one -", "reward.02", "two -", "reward.03", "three -"));
        assertEquals(List.of("one", "three"), SuiteReward.only(all, List.of("three", " one")).stream().map(SuiteReward::id).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuiteReward.only(all, List.of("four")));
        assertEquals("--only: the suite has no reward 'four' (rewards: one, two, three)", e.getMessage());
    }
}
