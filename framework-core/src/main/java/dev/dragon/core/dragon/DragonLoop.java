package dev.dragon.core.dragon;

import dev.dragon.api.Generation;
import dev.dragon.api.Generator;
import dev.dragon.api.Prompt;
import dev.dragon.api.SamplingRequest;
import dev.dragon.api.TrainingStatistics;
import dev.dragon.core.run.CheckpointStore;
import dev.dragon.core.run.MetricsLog;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DRAGON, Algorithm 1: for each iteration, draw a batch of prompts and two on-policy samples per prompt, score
 * them, build D+ and D− with the strategy that fits the rewards, and take one DPO or KTO step against the frozen
 * base model. Checkpoints every N iterations; a run folder with checkpoints resumes from its newest complete one.
 *
 * <p>Every random choice derives from the run seed ({@link RunSeeds}), so a resumed run draws what an
 * uninterrupted run would have drawn. Rewards are looked up at every iteration, so a reward bundle updated or
 * reconfigured mid-run is used from the next iteration on; the metrics record which service scored each iteration.
 *
 * <p>Faults: a reward that fails (throws, hangs past the per-call timeout, returns NaN/Inf or the wrong number of
 * scores) costs its iteration — one log line naming the reward, its bundle and the fault, a {@code skipped} row —
 * and never reaches the model or the normalisers. After {@code maxFaults} faults of one reward in a row the run
 * pauses until that reward's service is replaced. A reward that is not available pauses the run before the
 * iteration (or, gone in the middle of one, the iteration is run again): no iteration is spent waiting. A paused run
 * sleeps on the {@link RewardDirectory} until a plugin changes; interrupting the thread cancels it.
 */
public final class DragonLoop {

    private static final Logger LOG = LoggerFactory.getLogger(DragonLoop.class);
    /** Samples per {@link Generator#sample} call: small enough for a live progress bar, large enough to batch. */
    private static final int ROLLOUT_CHUNK = 8;
    /** A paused run re-checks its rewards at least this often even without a change signal. */
    private static final long PAUSE_RECHECK_MILLIS = 10_000;

    private final Generator generator;
    private final RewardPanel rewards;
    private final RunSettings settings;
    private final List<Prompt> trainPrompts;
    private final CheckpointStore checkpoints;
    private final MetricsLog metrics;
    private final LoopListener listener;
    private final RunSeeds seeds;

    /**
     * @param generator    the policy (its frozen reference lives inside it)
     * @param rewards      the run's rewards, combined
     * @param settings     the run's settings
     * @param trainPrompts the prompts to draw batches from, not empty
     * @param checkpoints  where checkpoints go
     * @param metrics      where per-iteration metrics go
     * @param listener     progress and events
     */
    public DragonLoop(Generator generator, RewardPanel rewards, RunSettings settings, List<Prompt> trainPrompts,
                      CheckpointStore checkpoints, MetricsLog metrics, LoopListener listener) {
        if (trainPrompts.isEmpty()) throw new IllegalArgumentException("no training prompts");
        this.generator = generator;
        this.rewards = rewards;
        this.settings = settings;
        this.trainPrompts = List.copyOf(trainPrompts);
        this.checkpoints = checkpoints;
        this.metrics = metrics;
        this.listener = listener;
        this.seeds = new RunSeeds(settings.seed());
    }

    /**
     * Runs (or continues) the loop up to {@code settings.iterations()}.
     *
     * @return the iteration of the last checkpoint written (the fine-tuned model)
     * @throws IOException when the run folder cannot be written or a checkpoint cannot be restored
     */
    public int run() throws IOException {
        int done = start();
        int iteration = done + 1;
        while (iteration <= settings.iterations()) {
            if (Thread.currentThread().isInterrupted()) throw cancelled(iteration, "");
            awaitRewards(iteration);
            IterationMetrics m;
            try {
                m = iterate(iteration);
            } catch (RewardFault gone) {
                LOG.warn("iteration {} runs again: {}", iteration, gone.getMessage());
                continue;
            } catch (CancellationException c) {
                throw cancelled(iteration, ": " + c.getMessage());
            }
            metrics.append(m);
            listener.iterationDone(m);
            if (iteration % settings.checkpointEvery() == 0 || iteration == settings.iterations()) save(iteration);
            iteration++;
        }
        return checkpoints.latest().orElseThrow();
    }

    /**
     * Pauses before {@code iteration} while {@link RewardPanel#blocked()} has a reason: one log line, the listener
     * told, then a wait on the directory's change signal (no polling of the rewards) until the reason is gone.
     */
    private void awaitRewards(int iteration) throws IOException {
        RewardDirectory directory = rewards.directory();
        long seen = directory.changes();
        Optional<String> reason = rewards.blocked();
        if (reason.isEmpty()) return;
        LOG.warn("paused before iteration {}: {}", iteration, reason.get());
        listener.paused(iteration, reason.get());
        try {
            while (true) {
                directory.awaitChange(seen, PAUSE_RECHECK_MILLIS);
                seen = directory.changes();
                Optional<String> now = rewards.blocked();
                if (now.isEmpty()) break;
                if (!now.get().equals(reason.get())) {
                    reason = now;
                    LOG.warn("still paused before iteration {}: {}", iteration, reason.get());
                    listener.paused(iteration, reason.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(iteration, " while paused (" + reason.get() + ")");
        }
        LOG.info("resumed: iteration {} starts (rewards: {})", iteration, rewards.rewards().stream()
            .map(w -> w.id() + " from " + directory.find(w.id()).map(RewardBinding::label).orElse("(gone again)"))
            .collect(Collectors.joining(", ")));
        listener.resumed(iteration);
    }

    private InterruptedIOException cancelled(int iteration, String detail) {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("run cancelled before iteration " + iteration + " finished" + detail
            + "; it continues from its last checkpoint with --resume");
    }

    /** Saves the base model as iteration 0 in a fresh run, or restores the newest complete checkpoint. */
    private int start() throws IOException {
        checkpoints.removePartials();
        OptionalInt latest = checkpoints.latest();
        if (latest.isEmpty()) {
            metrics.truncateAfter(0);
            save(0);
            return 0;
        }
        int k = latest.getAsInt();
        CheckpointStore.State state = checkpoints.read(k);
        if (state.seed() != settings.seed()) {
            throw new IOException(checkpoints.path(k) + ": written with seed " + state.seed() + ", the run's seed is " + settings.seed());
        }
        generator.restore(checkpoints.modelPath(k));
        rewards.restore(state.statistics());
        metrics.truncateAfter(k);
        LOG.info("resuming after iteration {} from {}", k, checkpoints.path(k));
        return k;
    }

    /**
     * One iteration: rollouts, scores, D+/D−, one preference update.
     *
     * @throws RewardFault when a reward is gone (or was replaced) while it scored: the iteration runs again, nothing
     *                     is recorded
     */
    IterationMetrics iterate(int iteration) {
        long start = System.nanoTime();
        List<Prompt> batch = batch(iteration);
        List<Generation> first = rollouts(iteration, batch, 0, 0);
        List<Generation> second = rollouts(iteration, batch, 1, batch.size());

        listener.progress(iteration, LoopListener.Phase.SCORING, 0, 1);
        Map<String, RunningStatistics> before = rewards.snapshot();
        Map<String, Double> raw = new LinkedHashMap<>();
        Map<String, RewardBinding> used = new LinkedHashMap<>();
        Preferences preferences;
        String strategy = "";
        try {
            Candidates candidates = rewards.score(batch, first, second, raw, used);
            PreferenceStrategy chosen = strategyFor(candidates);
            strategy = chosen.name();
            preferences = chosen.build(candidates);
            rewards.recordSuccess(used.keySet());
        } catch (RewardFault fault) {
            rewards.restore(before);
            if (fault.unavailable() || changedMeanwhile(fault)) throw fault;
            LOG.warn("iteration {} skipped: {}", iteration, fault.getMessage());
            rewards.recordFault(fault);
            return skipped(iteration, strategy, raw, fault.getMessage(), start, used);
        }
        listener.progress(iteration, LoopListener.Phase.SCORING, 1, 1);
        if (preferences.batch() == null) {
            String note = "nothing to learn: every pair scored the same";
            LOG.warn("iteration {} skipped: {}", iteration, note);
            return skipped(iteration, strategy, raw, note, start, used);
        }

        // several updates on one batch: the generator draws fresh timesteps and noise for each, so the optimiser
        // averages more of them before the next rollout (statistics: the mean over the updates)
        int updates = settings.updates();
        double loss = 0, margin = 0, norm = 0;
        listener.progress(iteration, LoopListener.Phase.TRAINING, 0, updates);
        for (int u = 1; u <= updates; u++) {
            TrainingStatistics t = generator.train(preferences.batch(), settings.lossSettings());
            loss += t.loss() / updates;
            margin += t.rewardMargin() / updates;
            norm += t.gradientNorm() / updates;
            listener.progress(iteration, LoopListener.Phase.TRAINING, u, updates);
        }
        return new IterationMetrics(iteration, "trained", "", strategy, raw, loss, margin, norm,
            preferences.batch().positives().size(), preferences.batch().negatives().size(), preferences.dropped(),
            preferences.swaps(), seconds(start), labels(used));
    }

    /**
     * @return true when the service that failed is no longer the one bound for its id (unbound, or replaced while it
     *         scored): the fault says nothing about the reward the next iteration will use
     */
    private boolean changedMeanwhile(RewardFault fault) {
        if (fault.binding() == null) return false;
        Optional<RewardBinding> now = rewards.directory().find(fault.rewardId());
        return now.isEmpty() || !fault.binding().sameService(now.get());
    }

    private static Map<String, String> labels(Map<String, RewardBinding> used) {
        Map<String, String> out = new LinkedHashMap<>();
        used.forEach((id, b) -> out.put(id, b.label()));
        return out;
    }

    /**
     * The strategy that fits the rewards bound now; a reward replaced by one of another kind between iterations
     * can make the configured pairing unfit, which costs the iteration like any reward fault.
     */
    private PreferenceStrategy strategyFor(Candidates candidates) {
        try {
            return PreferenceStrategy.forMode(settings.pairing(), candidates.scores() == null);
        } catch (IllegalArgumentException mismatch) {
            throw new RewardFault("", mismatch.getMessage(), mismatch);
        }
    }

    /** @return the iteration's prompts, drawn from the run seed and the iteration alone */
    List<Prompt> batch(int iteration) {
        List<Prompt> batch = new ArrayList<>();
        for (int i : seeds.promptIndices(iteration, trainPrompts.size(), settings.batchSize())) batch.add(trainPrompts.get(i));
        return batch;
    }

    private List<Generation> rollouts(int iteration, List<Prompt> batch, int member, int doneBefore) {
        List<Generation> out = new ArrayList<>(batch.size());
        int total = 2 * batch.size();
        for (int from = 0; from < batch.size(); from += ROLLOUT_CHUNK) {
            listener.progress(iteration, LoopListener.Phase.ROLLOUTS, doneBefore + from, total);
            List<Prompt> chunk = batch.subList(from, Math.min(batch.size(), from + ROLLOUT_CHUNK));
            List<Long> chunkSeeds = chunk.stream().map(p -> seeds.sampleSeed(iteration, p.id(), member)).toList();
            List<Generation> drawn = generator.sample(new SamplingRequest(chunk, chunkSeeds, settings.demoSteps(), settings.guidance()));
            if (drawn.size() != chunk.size()) {
                throw new IllegalStateException("generator '" + generator.id() + "' returned " + drawn.size() + " samples for " + chunk.size() + " prompts");
            }
            out.addAll(drawn);
        }
        listener.progress(iteration, LoopListener.Phase.ROLLOUTS, doneBefore + batch.size(), total);
        return out;
    }

    private void save(int iteration) throws IOException {
        listener.progress(iteration, LoopListener.Phase.CHECKPOINT, 0, 1);
        checkpoints.save(generator, new CheckpointStore.State(iteration, settings.seed(), rewards.snapshot(), generator.fingerprint()));
        listener.progress(iteration, LoopListener.Phase.CHECKPOINT, 1, 1);
        listener.checkpointWritten(iteration);
    }

    private static IterationMetrics skipped(int iteration, String strategy, Map<String, Double> raw, String note, long start,
                                            Map<String, RewardBinding> used) {
        return new IterationMetrics(iteration, "skipped", note, strategy, raw, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0,
            seconds(start), labels(used));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
