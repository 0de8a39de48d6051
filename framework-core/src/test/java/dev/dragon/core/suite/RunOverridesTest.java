package dev.dragon.core.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.LossType;
import dev.dragon.core.dragon.CheckpointSelection;
import dev.dragon.core.dragon.PairingMode;
import dev.dragon.core.dragon.RunSettings;
import dev.dragon.core.dragon.WeightedReward;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A suite reward's own training settings: {@code run.NAME=VALUE} on its line, applied over the suite's shared settings. */
class RunOverridesTest {

    /** The shipped suite's shared settings. */
    private static RunSettings shared() {
        return new RunSettings("builtin-music", List.of(new WeightedReward("-", 1)), 12, 8, LossType.DPO, 2000, 1e-4, 1, 1,
            PairingMode.AUTO, 10, 20, 1, 6, 1, "corpus/captions.tsv", "corpus/prompts-heldout.tsv", 64, 4, 20);
    }

    @Test
    void aLineCarriesItsRunSettingsApartFromTheRewardsProperties() {
        SuiteReward r = SuiteReward.parse("reward.07", "vendi-clap dev.dragon.reward.vendi encoder.target=(encoder.id=x); run.iterations=24; "
            + "run.batch=16; run.beta=500; run.lr=3e-4; run.loss=kto; run.lambda.negative=0.5; run.updates=3");
        assertEquals(Map.of("encoder.target", "(encoder.id=x)"), r.properties(), "run settings are not the reward's configuration");
        assertEquals(List.of("iterations", "batch", "beta", "lr", "loss", "lambda.negative", "updates"), List.copyOf(r.run().values().keySet()));

        RunSettings s = r.run().applyTo(shared());
        assertEquals(24, s.iterations());
        assertEquals(16, s.batchSize());
        assertEquals(3, s.updates());
        assertEquals(500, s.beta(), 0);
        assertEquals(3e-4, s.learningRate(), 0);
        assertEquals(LossType.KTO, s.loss());
        assertEquals(1, s.lambdaPositive(), 0);
        assertEquals(0.5, s.lambdaNegative(), 0);
        // everything else, the evaluation above all, stays the suite's
        RunSettings base = shared();
        assertEquals(base.evalSteps(), s.evalSteps());
        assertEquals(base.evalPrompts(), s.evalPrompts());
        assertEquals(base.evalPromptCount(), s.evalPromptCount());
        assertEquals(base.bootstrap(), s.bootstrap());
        assertEquals(base.seed(), s.seed());
        assertEquals(base.trainPrompts(), s.trainPrompts());
        assertEquals(base.demoSteps(), s.demoSteps());
        assertEquals(base.guidance(), s.guidance(), 0);
        assertEquals(base.pairing(), s.pairing());
        assertEquals(base.rewardTimeoutSeconds(), s.rewardTimeoutSeconds(), 0);
        assertEquals(base.maxFaults(), s.maxFaults());
        assertEquals("24×16 ×3 updates kto β=500 lr=0.0003 λ+=1 λ−=0.5 demo 10 steps guidance 1 auto", RunOverrides.describe(s));
    }

    @Test
    void aRewardUsedAsItIsMayStillChangeItsRunSettings() {
        SuiteReward r = SuiteReward.parse("reward.09", "clap-score - run.demo.steps=20; run.guidance=2.5; run.pairing=paired");
        assertFalse(r.configured());
        assertTrue(r.properties().isEmpty());
        RunSettings s = r.run().applyTo(shared());
        assertEquals(20, s.demoSteps());
        assertEquals(2.5, s.guidance(), 0);
        assertEquals(PairingMode.PAIRED, s.pairing());
        assertEquals("12×8 dpo β=2000 lr=0.0001 demo 20 steps guidance 2.5 paired", RunOverrides.describe(s));
    }

    @Test
    void aRewardMayEvaluateItsBestCheckpointInsteadOfItsLast() {
        RunSettings s = SuiteReward.parse("reward.11", "aesthetics - run.select=best").run().applyTo(shared());
        assertEquals(CheckpointSelection.BEST, s.selection());
        assertEquals(CheckpointSelection.FINAL, shared().selection());
        assertEquals("12×8 dpo β=2000 lr=0.0001 demo 10 steps guidance 1 auto best checkpoint", RunOverrides.describe(s));
        assertEquals(CheckpointSelection.FINAL, SuiteReward.parse("reward.11", "aesthetics - run.select=FINAL").run()
            .applyTo(shared().withSelection(CheckpointSelection.BEST)).selection());
    }

    @Test
    void aRewardMayKeepCheckpointsMoreOftenToChooseFrom() {
        RunSettings s = SuiteReward.parse("reward.02", "organ - run.select=best; run.checkpoint.every=5").run().applyTo(shared());
        assertEquals(5, s.checkpointEvery());
        assertEquals(shared().checkpointEvery(), SuiteReward.parse("reward.02", "organ - run.select=best").run().applyTo(shared()).checkpointEvery());
        assertEquals("reward.02: run.checkpoint.every=0: must be at least 1", message("reward.02", "a - run.checkpoint.every=0"));
        assertEquals("reward.02: run.checkpoint.every=2.5: not a number", message("reward.02", "a - run.checkpoint.every=2.5"));
    }

    @Test
    void noOverrideLeavesTheSharedSettings() {
        SuiteReward r = SuiteReward.parse("reward.01", "one pid x=1");
        assertEquals(RunOverrides.NONE, r.run());
        assertEquals(shared().toJson(), r.run().applyTo(shared()).toJson());
        assertEquals("12×8 dpo β=2000 lr=0.0001 demo 10 steps guidance 1 auto", RunOverrides.describe(shared()));
    }

    @Test
    void badSettingsNameTheirKeyBeforeAnyRun() {
        assertEquals("reward.03: 'run.eval.steps' is not a run setting a reward may change (one of: run.iterations, run.batch, run.updates, "
                + "run.loss, run.beta, run.lr, run.lambda.positive, run.lambda.negative, run.pairing, run.demo.steps, run.guidance, run.select, "
                + "run.checkpoint.every; "
                + "the evaluation is the same for every reward)",
            message("reward.03", "a pid run.eval.steps=40"));
        assertTrue(message("reward.03", "a - run.seed=7").startsWith("reward.03: 'run.seed' is not a run setting"));
        assertEquals("reward.04: run.iterations=0: must be at least 1", message("reward.04", "a pid run.iterations=0"));
        assertEquals("reward.04: run.batch=many: not a number", message("reward.04", "a pid run.batch=many"));
        assertEquals("reward.05: run.beta=-3: must be above 0", message("reward.05", "a pid run.beta=-3"));
        assertEquals("reward.05: run.lr=0: must be above 0", message("reward.05", "a pid run.lr=0"));
        assertEquals("reward.05: run.guidance=-1: must not be negative", message("reward.05", "a pid run.guidance=-1"));
        assertEquals("reward.06: run.loss=ipo: one of: dpo, kto", message("reward.06", "a pid run.loss=ipo"));
        assertEquals("reward.06: run.pairing=best: unknown pairing 'best' (one of: auto, paired, unpaired, set)",
            message("reward.06", "a - run.pairing=best"));
        assertEquals("reward.06: run.select=last: unknown checkpoint selection 'last' (one of: final, best)",
            message("reward.06", "a - run.select=last"));
        assertEquals("reward.07: property 'run.beta' given twice", message("reward.07", "a pid run.beta=1; run.beta=2"));
        // a combination the run refuses is refused when applied (the suite does so for every reward before it starts)
        RunOverrides unpaired = SuiteReward.parse("reward.08", "a - run.pairing=unpaired").run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> unpaired.applyTo(shared()));
        assertTrue(e.getMessage().contains("--loss dpo needs pairs"), e.getMessage());
    }

    private static String message(String key, String line) {
        return assertThrows(IllegalArgumentException.class, () -> SuiteReward.parse(key, line)).getMessage();
    }
}
