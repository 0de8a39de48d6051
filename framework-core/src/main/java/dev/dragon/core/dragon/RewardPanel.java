package dev.dragon.core.dragon;

import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run's rewards, combined: each reward's scores are normalised by that reward's running statistics (so rewards
 * of different scales can be weighted against each other), multiplied by its weight and summed. Rewards are looked
 * up by id at every iteration, so a reward replaced between iterations is picked up at the next one; the provider
 * of each (bundle, version, service) is reported with the scores.
 *
 * <p>Every call into a reward goes through a {@link RewardCaller} (worker thread, per-call timeout, any throwable
 * caught). The panel also counts each reward's faults in a row: after {@code maxFaults} of them the reward is held
 * back — {@link #blocked()} names it — until its service is replaced (a new service object for that id, or the same
 * one reconfigured), which resets the count.
 */
public final class RewardPanel implements AutoCloseable {

    private final List<WeightedReward> rewards;
    private final RewardDirectory directory;
    private final RewardCaller caller;
    private final int maxFaults;
    private final Map<String, RunningStatistics> statistics = new LinkedHashMap<>();
    private final Map<String, Integer> faultsInARow = new HashMap<>();
    private final Map<String, RewardBinding> heldBack = new HashMap<>();

    /**
     * A panel with the default fault policy ({@link RunSettings#DEFAULT_REWARD_TIMEOUT_SECONDS},
     * {@link RunSettings#DEFAULT_MAX_FAULTS}) over a plain lookup.
     *
     * @param rewards the run's rewards with weights
     * @param lookup  finds the live reward service for an id
     */
    public RewardPanel(List<WeightedReward> rewards, Function<String, Optional<Reward>> lookup) {
        this(rewards, RewardDirectory.of(lookup), RunSettings.DEFAULT_REWARD_TIMEOUT_SECONDS, RunSettings.DEFAULT_MAX_FAULTS);
    }

    /**
     * @param rewards        the run's rewards with weights
     * @param directory      finds the live reward service for an id
     * @param timeoutSeconds the longest one reward call may take
     * @param maxFaults      faults in a row after which a reward is held back until replaced
     */
    public RewardPanel(List<WeightedReward> rewards, RewardDirectory directory, double timeoutSeconds, int maxFaults) {
        if (rewards.isEmpty()) throw new IllegalArgumentException("a run needs at least one reward");
        if (maxFaults < 1) throw new IllegalArgumentException("max faults must be at least 1, got " + maxFaults);
        this.rewards = List.copyOf(rewards);
        this.directory = directory;
        this.caller = new RewardCaller(timeoutSeconds);
        this.maxFaults = maxFaults;
        for (WeightedReward r : rewards) statistics.put(r.id(), new RunningStatistics());
    }
    /** @return the running statistics per reward id (live: saved into checkpoints, restored on resume) */
    public Map<String, RunningStatistics> statistics() {
        return statistics;
    }

    /** @return a deep copy of the running statistics, for {@link #restore} when an iteration is abandoned */
    public Map<String, RunningStatistics> snapshot() {
        Map<String, RunningStatistics> copy = new LinkedHashMap<>();
        statistics.forEach((id, s) -> copy.put(id, new RunningStatistics(s.count(), s.mean(), s.sumOfSquares())));
        return copy;
    }

    /**
     * Replaces the running statistics (on resume, or to undo an abandoned iteration); rewards missing from
     * {@code saved} start empty.
     *
     * @param saved statistics per reward id
     */
    public void restore(Map<String, RunningStatistics> saved) {
        for (WeightedReward w : rewards) {
            RunningStatistics s = saved.get(w.id());
            statistics.put(w.id(), s == null ? new RunningStatistics() : new RunningStatistics(s.count(), s.mean(), s.sumOfSquares()));
        }
    }

    /** @return the weighted rewards */
    public List<WeightedReward> rewards() {
        return rewards;
    }

    /** @return where rewards are looked up (a paused loop waits on it) */
    public RewardDirectory directory() {
        return directory;
    }

    /**
     * The rewards bound now.
     *
     * @return id → binding, in the run's order
     * @throws RewardFault {@linkplain RewardFault#unavailable() unavailable}, naming the first reward that is not bound
     */
    public Map<String, RewardBinding> resolve() {
        Map<String, RewardBinding> bound = new LinkedHashMap<>();
        for (WeightedReward w : rewards) bound.put(w.id(), directory.find(w.id()).orElseThrow(() -> RewardFault.unavailable(w.id())));
        return bound;
    }

    /**
     * Why the loop cannot start an iteration now: a reward that is not bound, or one that failed {@code maxFaults}
     * times in a row and whose service has not been replaced since. Seeing a replacement resets that reward's count.
     *
     * @return the reason, one line, or empty when every reward may be used
     */
    public synchronized Optional<String> blocked() {
        for (WeightedReward w : rewards) {
            Optional<RewardBinding> now = directory.find(w.id());
            if (now.isEmpty()) return Optional.of("reward '" + w.id() + "' is not available; waiting for it to return");
            RewardBinding faulty = heldBack.get(w.id());
            if (faulty == null) continue;
            if (faulty.sameService(now.get())) {
                return Optional.of(faulty.describe() + " failed " + maxFaults + " times in a row; waiting for it to be replaced"
                    + " (a bundle update or a new configuration)");
            }
            heldBack.remove(w.id());
            faultsInARow.remove(w.id());
        }
        return Optional.empty();
    }

    /**
     * Counts a fault against its reward; the {@code maxFaults}-th in a row holds the reward back.
     *
     * @param fault what failed
     * @return true when this fault held the reward back (the run pauses)
     */
    public synchronized boolean recordFault(RewardFault fault) {
        if (fault.binding() == null || fault.unavailable()) return false;
        int n = faultsInARow.merge(fault.rewardId(), 1, Integer::sum);
        if (n < maxFaults) return false;
        heldBack.put(fault.rewardId(), fault.binding());
        return true;
    }

    /**
     * Resets the fault counts of rewards that served a whole iteration (scoring and, for set rewards, the greedy
     * swaps) without fault.
     *
     * @param ids the rewards
     */
    public synchronized void recordSuccess(Collection<String> ids) {
        for (String id : ids) faultsInARow.remove(id);
    }

    /** @return the faults in a row of a reward so far */
    public synchronized int faultsInARow(String id) {
        return faultsInARow.getOrDefault(id, 0);
    }

    /**
     * Scores one iteration's samples and updates the running statistics (only when every reward succeeded, so a
     * faulty iteration leaves the statistics untouched).
     *
     * @param prompts the batch
     * @param first   D1
     * @param second  D2
     * @param raw     receives each reward's mean raw score over the 2B samples (set rewards: the mean of r(D1), r(D2))
     * @param used    receives the binding of each reward as it is called (the provider recorded in the metrics)
     * @return the candidates with combined scores and the set objective
     * @throws RewardFault naming the reward that failed (and its bundle)
     */
    public Candidates score(List<Prompt> prompts, List<Generation> first, List<Generation> second, Map<String, Double> raw,
                            Map<String, RewardBinding> used) {
        return scoreAll(prompts, first, second, raw, used);
    }

    /**
     * {@link #score(List, List, List, Map, Map)} without the providers.
     *
     * @param prompts the batch
     * @param first   D1
     * @param second  D2
     * @param raw     receives each reward's mean raw score
     * @return the candidates
     * @throws RewardFault naming the reward that failed
     */
    public Candidates score(List<Prompt> prompts, List<Generation> first, List<Generation> second, Map<String, Double> raw) {
        return score(prompts, first, second, raw, new LinkedHashMap<>());
    }

    private Candidates scoreAll(List<Prompt> prompts, List<Generation> first, List<Generation> second, Map<String, Double> raw,
                                Map<String, RewardBinding> used) {
        Map<String, RewardBinding> bound = resolve();
        List<Generation> all = new ArrayList<>(first);
        all.addAll(second);
        Map<String, double[]> perSample = new LinkedHashMap<>();
        Map<String, double[]> setScores = new LinkedHashMap<>();
        for (Map.Entry<String, RewardBinding> e : bound.entrySet()) {
            RewardBinding r = e.getValue();
            used.put(e.getKey(), r);
            if (kind(r).scoresEachExample()) {
                double[] s = scoreEach(r, all);
                perSample.put(e.getKey(), s);
                raw.put(e.getKey(), mean(s));
            } else {
                double a = scoreSet(r, first);
                double b = scoreSet(r, second);
                setScores.put(e.getKey(), new double[] {a, b});
                raw.put(e.getKey(), 0.5 * (a + b));
            }
        }
        perSample.forEach((id, s) -> {
            for (double x : s) statistics.get(id).add(x);
        });
        setScores.forEach((id, s) -> {
            for (double x : s) statistics.get(id).add(x);
        });
        double[] combined = null;
        if (setScores.isEmpty()) {
            combined = new double[all.size()];
            for (WeightedReward w : rewards) {
                double[] s = perSample.get(w.id());
                RunningStatistics st = statistics.get(w.id());
                for (int i = 0; i < combined.length; i++) combined[i] += w.weight() * st.normalise(s[i]);
            }
        }
        SetObjective objective = members -> {
            double total = 0;
            List<Generation> set = new ArrayList<>(members.size());
            for (int m : members) set.add(all.get(m));
            for (WeightedReward w : rewards) {
                double value;
                double[] s = perSample.get(w.id());
                if (s != null) {
                    double sum = 0;
                    for (int m : members) sum += s[m];
                    value = sum / members.size();
                } else {
                    value = scoreSet(bound.get(w.id()), set);
                }
                total += w.weight() * statistics.get(w.id()).normalise(value);
            }
            return total;
        };
        return new Candidates(prompts, first, second, combined, objective);
    }

    /** @return true when any reward of the run judges only whole sets (needs the reward bound to tell) */
    public boolean hasSetRewards() {
        for (RewardBinding r : resolve().values()) {
            if (kind(r) == RewardKind.DISTRIBUTION) return true;
        }
        return false;
    }

    private RewardKind kind(RewardBinding r) {
        RewardKind kind = caller.call(r, "telling its kind", () -> r.reward().kind());
        if (kind == null) throw RewardFault.of(r, "has no kind (kind() returned null)", null);
        return kind;
    }

    double[] scoreEach(RewardBinding r, List<Generation> samples) {
        double[] s = caller.call(r, "scoring " + samples.size() + " samples", () -> r.reward().scoreEach(samples));
        if (s == null || s.length != samples.size()) {
            throw RewardFault.of(r, "returned " + (s == null ? "no" : s.length) + " scores for " + samples.size() + " samples", null);
        }
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                throw RewardFault.of(r, "returned " + s[i] + " for sample " + i + " (prompt " + samples.get(i).prompt().id() + ")", null);
            }
        }
        return s;
    }

    double scoreSet(RewardBinding r, List<Generation> samples) {
        double s = caller.call(r, "scoring a set of " + samples.size(), () -> r.reward().scoreSet(samples));
        if (!Double.isFinite(s)) throw RewardFault.of(r, "returned " + s + " for a set of " + samples.size(), null);
        return s;
    }

    /** Ends the worker thread of reward calls. */
    @Override
    public void close() {
        caller.close();
    }

    private static double mean(double[] s) {
        double sum = 0;
        for (double x : s) sum += x;
        return sum / s.length;
    }
}
