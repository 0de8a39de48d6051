package dev.dragon.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.core.dragon.RunSeeds;
import dev.dragon.core.dragon.ToyGenerator;
import dev.dragon.core.dragon.ToyRewards;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reward plugin that hangs, overflows its stack or throws during evaluation costs its own row, nothing more. */
class EvaluatorFaultsTest {

    @Test
    void faultyRewardsGetTheirErrorInTheirRowAndTheOthersAreMeasured(@TempDir Path dir) throws Exception {
        ToyGenerator generator = new ToyGenerator();
        Path model = dir.resolve("checkpoint-0/model");
        generator.checkpoint(model);
        List<Prompt> prompts = IntStream.range(0, 6).mapToObj(i -> new Prompt("p" + i, "prompt " + i)).toList();
        List<Reward> rewards = List.of(ToyRewards.instance("near"), ToyRewards.set("near-set"),
            misbehaving("hangs", RewardKind.INSTANCE, () -> Thread.sleep(60_000)),
            misbehaving("overflows", RewardKind.DISTRIBUTION, () -> {
                throw new StackOverflowError();
            }),
            misbehaving("throws", RewardKind.INSTANCE, () -> {
                throw new IllegalArgumentException("bad input");
            }));
        Evaluator evaluator = new Evaluator(new Evaluator.Settings(2, 1, new RunSeeds(1), 0, 4, 0.5));

        Evaluation e = evaluator.evaluate(generator, model, model, prompts, List.of("near"), rewards, dir, (phase, done, total) -> { });

        Map<String, MetricResult> rows = e.results().stream().collect(Collectors.toMap(MetricResult::rewardId, Function.identity()));
        assertEquals(5, rows.size());
        assertNull(rows.get("near").error());
        assertEquals(6, rows.get("near").winRate().ties(), "same model on both sides: every prompt ties");
        assertNull(rows.get("near-set").error());
        assertTrue(rows.get("hangs").error().contains("did not answer within 0.5 s"), rows.get("hangs").error());
        assertTrue(rows.get("overflows").error().contains("StackOverflowError"), rows.get("overflows").error());
        assertTrue(rows.get("throws").error().contains("bad input"), rows.get("throws").error());
        assertNotNull(rows.get("throws").kind());
    }

    /** What a misbehaving reward does on every call. */
    private interface Act {
        void run() throws Exception;
    }

    private static Reward misbehaving(String id, RewardKind kind, Act act) {
        return new Reward() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public RewardKind kind() {
                return kind;
            }

            @Override
            public double[] scoreEach(List<Generation> generations) {
                perform();
                return new double[generations.size()];
            }

            @Override
            public double scoreSet(List<Generation> generations) {
                perform();
                return 0;
            }

            private void perform() {
                try {
                    act.run();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
