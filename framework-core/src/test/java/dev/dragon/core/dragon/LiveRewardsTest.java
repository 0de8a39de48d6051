package dev.dragon.core.dragon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.LossType;
import dev.dragon.api.Prompt;
import dev.dragon.core.dragon.ScriptedReward.Act;
import dev.dragon.core.run.CheckpointStore;
import dev.dragon.core.run.MetricsLog;
import dev.dragon.core.run.RunFolder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop with rewards that change, vanish and misbehave while it runs: providers recorded per iteration, pause and
 * resume on a missing reward, one iteration per fault of every kind, a pause after K faults in a row until the reward
 * is replaced, and cancellation of a paused run. No timing assertions: waits are generous and event-driven.
 */
class LiveRewardsTest {

    private static final List<Prompt> PROMPTS = IntStream.range(0, 12).mapToObj(i -> new Prompt("p" + i, "prompt " + i)).toList();
    private static final long WAIT = 60;

    @TempDir
    Path tmp;

    private final SignallingDirectory directory = new SignallingDirectory();
    private final List<String> pauses = new CopyOnWriteArrayList<>();
    private final CountDownLatch paused = new CountDownLatch(1);

    private static RunSettings settings(int iterations, int every, double timeout, int maxFaults) {
        return new RunSettings("toy", List.of(new WeightedReward("r", 1)), iterations, 4, LossType.DPO, 1, 0.5, 1, 1,
            PairingMode.PAIRED, 1, 1, 1, every, 42, "train.tsv", "", 0, 0, 10, timeout, maxFaults, 1, CheckpointSelection.FINAL);
    }

    /** Runs the loop on another thread; {@code afterIteration} is called on the loop thread after each row. */
    private CompletableFuture<Integer> start(RunSettings s, RunFolder folder, ToyGenerator g, Consumer<Integer> afterIteration) {
        RewardPanel panel = new RewardPanel(s.rewards(), directory, s.rewardTimeoutSeconds(), s.maxFaults());
        LoopListener listener = new LoopListener() {
            @Override
            public void iterationDone(IterationMetrics m) {
                afterIteration.accept(m.iteration());
            }

            @Override
            public void paused(int iteration, String reason) {
                pauses.add(iteration + ": " + reason);
                paused.countDown();
            }
        };
        DragonLoop loop = new DragonLoop(g, panel, s, PROMPTS, new CheckpointStore(folder), new MetricsLog(folder, List.of("r")), listener);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (panel) {
                result.complete(loop.run());
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "loop-under-test");
        t.setDaemon(true);
        t.start();
        runner = t;
        return result;
    }

    private Thread runner;

    private static List<String> statuses(RunFolder folder) throws IOException {
        return MetricsLog.read(folder).stream().map(IterationMetrics::status).toList();
    }

    @Test
    void theMetricsRecordWhichServiceScoredEachIteration() throws Exception {
        directory.register(ToyRewards.instance("r"), "acme.reward", "1.0.0");
        RunFolder folder = new RunFolder(tmp.resolve("swap"));
        ToyGenerator g = new ToyGenerator();
        // "bundle update" between iterations 2 and 3: a new service object from version 2.0.0
        CompletableFuture<Integer> run = start(settings(4, 2, 600, 3), folder, g, i -> {
            if (i == 2) directory.register(ToyRewards.instance("r"), "acme.reward", "2.0.0");
        });
        assertEquals(4, run.get(WAIT, TimeUnit.SECONDS));
        List<IterationMetrics> rows = MetricsLog.read(folder);
        assertEquals(List.of(1, 2, 3, 4), rows.stream().map(IterationMetrics::iteration).toList());
        assertTrue(rows.stream().allMatch(IterationMetrics::trained));
        assertEquals(List.of("acme.reward 1.0.0 #101", "acme.reward 1.0.0 #101", "acme.reward 2.0.0 #102", "acme.reward 2.0.0 #102"),
            rows.stream().map(r -> r.providers().get("r")).toList());
        List<String> csv = Files.readAllLines(folder.metricsCsv());
        assertTrue(csv.get(0).endsWith(",note,provider:r"), csv.get(0));
        assertTrue(csv.get(3).endsWith(",acme.reward 2.0.0 #102"), csv.get(3));
        assertEquals(4, g.batches.size());
        assertTrue(pauses.isEmpty(), pauses.toString());
    }

    @Test
    void eachKindOfFaultCostsExactlyOneIterationAndNamesTheRewardAndItsBundle() throws Exception {
        List<Act> script = List.of(Act.THROW, Act.SCORE, Act.HANG, Act.SCORE, Act.NAN, Act.SCORE, Act.INFINITE, Act.SCORE,
            Act.WRONG_COUNT, Act.SCORE, Act.STACK_OVERFLOW, Act.SCORE, Act.LINKAGE, Act.SCORE);
        ScriptedReward reward = new ScriptedReward("r", script, Act.SCORE);
        directory.register(reward, "acme.reward", "1.0.0");
        RunFolder folder = new RunFolder(tmp.resolve("faults"));
        ToyGenerator g = new ToyGenerator();
        // a fault every other iteration never makes 2 in a row: the run never pauses
        assertEquals(14, start(settings(14, 7, 0.5, 2), folder, g, i -> { }).get(WAIT, TimeUnit.SECONDS));

        List<IterationMetrics> rows = MetricsLog.read(folder);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) expected.addAll(List.of("skipped", "trained"));
        assertEquals(expected, statuses(folder));
        String plugin = "reward 'r' (acme.reward 1.0.0) ";
        List<String> faults = List.of(
            "failed scoring 8 samples: IllegalStateException: scripted fault",
            "did not answer within 0.5 s scoring 8 samples (call abandoned, its thread interrupted)",
            "returned NaN for sample 1 (prompt ",
            "returned Infinity for sample 2 (prompt ",
            "returned 7 scores for 8 samples",
            "failed scoring 8 samples: StackOverflowError",
            "failed scoring 8 samples: NoClassDefFoundError: org/example/Missing");
        for (int k = 0; k < faults.size(); k++) {
            String note = rows.get(2 * k).note();
            assertTrue(note.startsWith(plugin + faults.get(k)), "iteration " + (2 * k + 1) + ": " + note);
            assertEquals("acme.reward 1.0.0 #101", rows.get(2 * k).providers().get("r"));
        }
        assertEquals(7, g.batches.size(), "the model learnt from the seven good iterations only");
        assertTrue(reward.hangInterrupted.await(WAIT, TimeUnit.SECONDS), "the abandoned call was interrupted");
        assertTrue(pauses.isEmpty(), pauses.toString());
    }

    @Test
    void kFaultsInARowPauseTheRunUntilTheRewardIsReplaced() throws Exception {
        ScriptedReward faulty = new ScriptedReward("r", List.of(), Act.THROW);
        directory.register(faulty, "acme.reward", "1.0.0");
        RunFolder folder = new RunFolder(tmp.resolve("k"));
        ToyGenerator g = new ToyGenerator();
        CompletableFuture<Integer> run = start(settings(6, 3, 600, 3), folder, g, i -> { });

        assertTrue(paused.await(WAIT, TimeUnit.SECONDS), "the run pauses");
        assertEquals(List.of("4: reward 'r' (acme.reward 1.0.0) failed 3 times in a row; waiting for it to be replaced"
            + " (a bundle update or a new configuration)"), pauses);
        assertEquals(List.of("skipped", "skipped", "skipped"), statuses(folder));
        assertEquals(3, faulty.calls.get(), "no call while paused");
        int wakeUpsWhilePaused = directory.wakeUps;

        directory.register(ToyRewards.instance("r"), "acme.reward", "1.0.1");
        assertEquals(6, run.get(WAIT, TimeUnit.SECONDS));
        assertEquals(List.of("skipped", "skipped", "skipped", "trained", "trained", "trained"), statuses(folder));
        assertEquals("acme.reward 1.0.1 #102", MetricsLog.read(folder).get(3).providers().get("r"));
        assertEquals(3, g.batches.size());
        assertTrue(wakeUpsWhilePaused <= 1 && directory.wakeUps <= 2, "the paused loop waits for a signal, it does not spin: " + directory.wakeUps);
        assertEquals(List.of(0, 3, 6), checkpoints(folder));
    }

    @Test
    void aRewardThatFaultsThenRecoversHasItsCountReset() throws Exception {
        // 2 faults, a good call, 2 faults: never 3 in a row
        ScriptedReward flaky = new ScriptedReward("r", List.of(Act.THROW, Act.NAN, Act.SCORE, Act.THROW, Act.WRONG_COUNT), Act.SCORE);
        directory.register(flaky, "acme.reward", "1.0.0");
        RunFolder folder = new RunFolder(tmp.resolve("reset"));
        assertEquals(6, start(settings(6, 6, 600, 3), folder, new ToyGenerator(), i -> { }).get(WAIT, TimeUnit.SECONDS));
        assertEquals(List.of("skipped", "skipped", "trained", "skipped", "skipped", "trained"), statuses(folder));
        assertTrue(pauses.isEmpty(), pauses.toString());
    }

    @Test
    void aRewardGoneWhileItScoresCostsNoIterationTheIterationRunsAgainWhenItIsBack() throws Exception {
        directory.register(ToyRewards.instance("r"), "acme.reward", "1.0.0");
        ScriptedReward leaving = new ScriptedReward("r", List.of(), Act.THROW) {
            @Override
            public double[] scoreEach(List<dev.dragon.api.Generation> generations) {
                directory.unregister("r"); // its bundle stops while the call runs
                return super.scoreEach(generations);
            }
        };
        RunFolder folder = new RunFolder(tmp.resolve("gone"));
        ToyGenerator g = new ToyGenerator();
        CompletableFuture<Integer> run = start(settings(3, 1, 600, 3), folder, g, i -> {
            if (i == 1) directory.register(leaving, "acme.reward", "1.0.0");
        });
        assertTrue(paused.await(WAIT, TimeUnit.SECONDS));
        assertEquals(List.of("2: reward 'r' is not available; waiting for it to return"), pauses);
        assertEquals(List.of("trained"), statuses(folder));
        directory.register(ToyRewards.instance("r"), "acme.reward", "1.1.0");
        assertEquals(3, run.get(WAIT, TimeUnit.SECONDS));
        List<IterationMetrics> rows = MetricsLog.read(folder);
        assertEquals(List.of("trained", "trained", "trained"), statuses(folder));
        assertEquals(List.of(1, 2, 3), rows.stream().map(IterationMetrics::iteration).toList());
        assertEquals("acme.reward 1.1.0 #103", rows.get(1).providers().get("r"));
        assertEquals(3, g.batches.size());
        assertEquals(List.of(0, 1, 2, 3), checkpoints(folder));
    }

    @Test
    void aPausedRunCanBeCancelledAndKeepsItsCheckpoints() throws Exception {
        directory.register(ToyRewards.instance("r"), "acme.reward", "1.0.0");
        RunFolder folder = new RunFolder(tmp.resolve("cancel"));
        CompletableFuture<Integer> run = start(settings(5, 1, 600, 3), folder, new ToyGenerator(), i -> {
            if (i == 2) directory.unregister("r");
        });
        assertTrue(paused.await(WAIT, TimeUnit.SECONDS));
        runner.interrupt();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> run.get(WAIT, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedIOException.class, e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("run cancelled before iteration 3 finished while paused (reward 'r' is not available"),
            e.getCause().getMessage());
        assertEquals(List.of(0, 1, 2), checkpoints(folder));
        assertEquals(2, new CheckpointStore(folder).latest().getAsInt());
    }

    private static List<Integer> checkpoints(RunFolder folder) throws IOException {
        try (var s = Files.list(folder.checkpoints())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("iter-"))
                .map(n -> Integer.parseInt(n.substring(5))).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
