package dev.dragon.core.dragon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Generation;
import dev.dragon.api.LossType;
import dev.dragon.api.PreferenceBatch;
import dev.dragon.api.Prompt;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.core.run.CheckpointStore;
import dev.dragon.core.run.MetricsLog;
import dev.dragon.core.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop with a toy generator: preferences, learning direction, checkpoints, resume after a crash, faulty rewards. */
class DragonLoopTest {

    @TempDir
    Path tmp;

    private static final List<Prompt> PROMPTS = IntStream.range(0, 12).mapToObj(i -> new Prompt("p" + i, "prompt " + i)).toList();

    private static RunSettings settings(int iterations, int every, LossType loss, PairingMode pairing, String... rewardIds) {
        List<WeightedReward> rewards = java.util.Arrays.stream(rewardIds).map(id -> new WeightedReward(id, 1)).toList();
        return new RunSettings("toy", rewards, iterations, 4, loss, 1, 0.5, 1, 1, pairing, 1, 1, 1, every, 42,
            "train.tsv", "", 0, 0, 10);
    }

    private record Run(ToyGenerator generator, RunFolder folder, RewardPanel panel, DragonLoop loop) {
    }

    private Run run(String name, RunSettings s, Map<String, Reward> rewards, ToyGenerator g) {
        RunFolder folder = new RunFolder(tmp.resolve(name));
        RewardPanel panel = new RewardPanel(s.rewards(), id -> Optional.ofNullable(rewards.get(id)));
        MetricsLog metrics = new MetricsLog(folder, s.rewards().stream().map(WeightedReward::id).toList());
        return new Run(g, folder, panel, new DragonLoop(g, panel, s, PROMPTS, new CheckpointStore(folder), metrics, new LoopListener() { }));
    }

    @Test
    void pairedDpoPullsTheModelTowardTheRewardAndEveryPairIsOrdered() throws IOException {
        Reward reward = ToyRewards.instance("near");
        Run r = run("a", settings(20, 5, LossType.DPO, PairingMode.AUTO, "near"), Map.of("near", reward), new ToyGenerator());
        double before = ToyRewards.distance2(r.generator().mean());
        assertEquals(20, r.loop().run());
        double after = ToyRewards.distance2(r.generator().mean());
        assertTrue(after < 0.2 * before, "distance² " + before + " → " + after);
        assertEquals(20, r.generator().batches.size());
        for (PreferenceBatch b : r.generator().batches) {
            assertTrue(b.paired());
            assertEquals(4, b.positives().size());
            double[] plus = reward.scoreEach(b.positives());
            double[] minus = reward.scoreEach(b.negatives());
            for (int i = 0; i < plus.length; i++) {
                assertEquals(b.positives().get(i).prompt(), b.negatives().get(i).prompt());
                assertTrue(plus[i] > minus[i]);
            }
        }
        CheckpointStore store = new CheckpointStore(r.folder());
        for (int k : new int[] {0, 5, 10, 15, 20}) assertTrue(Files.isRegularFile(store.modelPath(k).resolve("mean.txt")), "checkpoint " + k);
        List<IterationMetrics> rows = MetricsLog.read(r.folder());
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(), rows.stream().map(IterationMetrics::iteration).toList());
        assertTrue(rows.stream().allMatch(IterationMetrics::trained));
        assertTrue(rows.get(19).rewards().get("near") > rows.get(0).rewards().get("near"));
        List<String> csv = Files.readAllLines(r.folder().metricsCsv());
        assertEquals(21, csv.size());
        assertTrue(csv.get(0).startsWith("iteration,status,strategy,reward:near,loss"), csv.get(0));
        assertTrue(csv.get(1).startsWith("1,trained,paired,"), csv.get(1));
    }

    @Test
    void severalUpdatesPerIterationTrainOnTheSameBatchAndRecordTheirMean() throws IOException {
        Run r = run("k", settings(3, 3, LossType.DPO, PairingMode.PAIRED, "near").withUpdates(4),
            Map.of("near", ToyRewards.instance("near")), new ToyGenerator());
        assertEquals(3, r.loop().run());
        List<PreferenceBatch> batches = r.generator().batches;
        assertEquals(12, batches.size(), "4 updates in each of 3 iterations");
        for (int i = 0; i < 3; i++) {
            for (int u = 1; u < 4; u++) assertSame(batches.get(4 * i), batches.get(4 * i + u), "iteration " + (i + 1) + ", update " + (u + 1));
        }
        assertNotSame(batches.get(0), batches.get(4));
        // the toy generator reports −‖step‖ of the batch as its loss, the same for each update of it: so is the row's
        PreferenceBatch first = batches.get(0);
        double norm = r.generator().stepNorm(first);
        assertEquals(-norm, MetricsLog.read(r.folder()).get(0).loss(), 1e-9);
    }

    @Test
    void unpairedKtoLabelsAgainstTheMedian() throws IOException {
        Run r = run("u", settings(6, 3, LossType.KTO, PairingMode.UNPAIRED, "near"), Map.of("near", ToyRewards.instance("near")), new ToyGenerator());
        double before = ToyRewards.distance2(r.generator().mean());
        r.loop().run();
        assertTrue(ToyRewards.distance2(r.generator().mean()) < before);
        for (PreferenceBatch b : r.generator().batches) {
            assertFalse(b.paired());
            assertEquals(8, b.size());
            assertEquals(4, b.positives().size());
        }
        assertEquals("unpaired-median", MetricsLog.read(r.folder()).get(0).strategy());
    }

    @Test
    void aSetRewardUsesGreedySwapsWithEqualSetSizes() throws IOException {
        Run r = run("s", settings(8, 4, LossType.DPO, PairingMode.AUTO, "set"), Map.of("set", ToyRewards.set("set")), new ToyGenerator());
        double before = ToyRewards.distance2(r.generator().mean());
        r.loop().run();
        assertTrue(ToyRewards.distance2(r.generator().mean()) < 0.5 * before);
        Reward set = ToyRewards.set("set");
        for (PreferenceBatch b : r.generator().batches) {
            assertEquals(b.positives().size(), b.negatives().size());
            assertTrue(set.scoreSet(b.positives()) > set.scoreSet(b.negatives()));
        }
        assertEquals("set-greedy-swap", MetricsLog.read(r.folder()).get(0).strategy());
    }

    @Test
    void aCrashMidIterationLosesAtMostOneIntervalAndResumeMatchesAnUninterruptedRun() throws IOException {
        RunSettings s = settings(10, 3, LossType.DPO, PairingMode.PAIRED, "near");
        Map<String, Reward> rewards = Map.of("near", ToyRewards.instance("near"));
        Run reference = run("ref", s, rewards, new ToyGenerator());
        reference.loop().run();

        ToyGenerator crashing = new ToyGenerator();
        crashing.crashAtSampleCall = 15; // two sample calls per iteration: call 15 is the first of iteration 8
        Run first = run("crash", s, rewards, crashing);
        assertThrows(IllegalStateException.class, () -> first.loop().run());
        CheckpointStore store = new CheckpointStore(first.folder());
        assertEquals(6, store.latest().getAsInt());
        // leftovers of a crash while writing iteration 9: a partial folder and a folder without its state file
        Files.createDirectories(first.folder().checkpoints().resolve(".partial-000009-1/model"));
        Files.createDirectories(store.modelPath(9));
        Files.writeString(store.path(9).resolve("state.json"), "{\"iteration\": 9, \"se");
        assertEquals(6, store.latest().getAsInt(), "a torn checkpoint is never chosen");

        // a fresh process: new generator, resumes from iteration 6 (iteration 7 is the one interval lost)
        Run resumed = run("crash", s, rewards, new ToyGenerator());
        assertEquals(10, resumed.loop().run());
        assertEquals(java.util.Arrays.toString(reference.generator().mean()), java.util.Arrays.toString(resumed.generator().mean()));
        assertFalse(Files.exists(first.folder().checkpoints().resolve(".partial-000009-1")));
        List<IterationMetrics> a = MetricsLog.read(reference.folder());
        List<IterationMetrics> b = MetricsLog.read(resumed.folder());
        assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(), b.stream().map(IterationMetrics::iteration).toList());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).rewards(), b.get(i).rewards(), "iteration " + (i + 1));
            assertEquals(a.get(i).loss(), b.get(i).loss(), "iteration " + (i + 1));
        }
        assertEquals(11, Files.readAllLines(resumed.folder().metricsCsv()).size());
    }

    @Test
    void aFaultyRewardCostsOneIterationAndLeavesModelAndNormalisersAlone() throws IOException {
        Reward good = ToyRewards.instance("near");
        int[] calls = {0};
        Reward flaky = new Reward() {
            @Override
            public String id() {
                return "flaky";
            }

            @Override
            public RewardKind kind() {
                return RewardKind.INSTANCE;
            }

            @Override
            public double[] scoreEach(List<Generation> gens) {
                calls[0]++;
                double[] s = good.scoreEach(gens);
                if (calls[0] == 2) s[1] = Double.NaN;
                if (calls[0] == 3) throw new IllegalStateException("model file vanished");
                return s;
            }
        };
        Run r = run("f", settings(5, 5, LossType.DPO, PairingMode.PAIRED, "near", "flaky"), Map.of("near", good, "flaky", flaky), new ToyGenerator());
        r.loop().run();
        List<IterationMetrics> rows = MetricsLog.read(r.folder());
        assertEquals(List.of("trained", "skipped", "skipped", "trained", "trained"), rows.stream().map(IterationMetrics::status).toList());
        assertTrue(rows.get(1).note().contains("reward 'flaky'") && rows.get(1).note().contains("NaN"), rows.get(1).note());
        assertTrue(rows.get(2).note().startsWith("reward 'flaky' (" + flaky.getClass().getName() + ") failed scoring 8 samples: "
            + "IllegalStateException: model file vanished"), rows.get(2).note());
        assertEquals(3, r.generator().batches.size());
        // normalisers saw only the three good iterations: 3 × 8 samples
        assertEquals(24, r.panel().statistics().get("near").count());
        assertEquals(24, r.panel().statistics().get("flaky").count());
    }

    @Test
    void aMissingRewardPausesTheRunWithoutSpendingIterationsUntilItReturns() throws Exception {
        Map<String, Reward> rewards = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
        List<String> reasons = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunSettings s = settings(2, 2, LossType.DPO, PairingMode.PAIRED, "gone");
        RunFolder folder = new RunFolder(tmp.resolve("m"));
        ToyGenerator g = new ToyGenerator();
        RewardPanel panel = new RewardPanel(s.rewards(), id -> Optional.ofNullable(rewards.get(id)));
        LoopListener listener = new LoopListener() {
            @Override
            public void paused(int iteration, String reason) {
                reasons.add(iteration + ": " + reason);
                paused.countDown();
            }
        };
        DragonLoop loop = new DragonLoop(g, panel, s, PROMPTS, new CheckpointStore(folder), new MetricsLog(folder, List.of("gone")), listener);
        var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return loop.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(paused.await(30, java.util.concurrent.TimeUnit.SECONDS), "the run pauses");
        assertEquals(List.of("1: reward 'gone' is not available; waiting for it to return"), reasons);
        assertTrue(MetricsLog.read(folder).isEmpty(), "no iteration is spent while the reward is missing");
        assertTrue(g.batches.isEmpty());
        rewards.put("gone", ToyRewards.instance("gone"));
        assertEquals(2, result.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(List.of("trained", "trained"), MetricsLog.read(folder).stream().map(IterationMetrics::status).toList());
        assertEquals(new ArrayList<>(List.of(0, 2)), checkpointsOf(folder));
    }

    private static List<Integer> checkpointsOf(RunFolder folder) throws IOException {
        try (var s = Files.list(folder.checkpoints())) {
            return s.map(p -> Integer.parseInt(p.getFileName().toString().substring(5))).sorted().toList();
        }
    }
}
