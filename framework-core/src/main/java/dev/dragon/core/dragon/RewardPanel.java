package dev.dragon.core.dragon;

import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run's rewards, combined: each reward's scores are normalised by that reward's running statistics (so rewards
 * of different scales can be weighted against each other), multiplied by its weight and summed. Rewards are looked
 * up by id at every iteration, so a reward replaced between iterations is picked up at the next one.
 */
public final class RewardPanel {

    private final List<WeightedReward> rewards;
    private final Function<String, Optional<Reward>> lookup;
    private final Map<String, RunningStatistics> statistics = new LinkedHashMap<>();

    /**
     * @param rewards the run's rewards with weights
     * @param lookup  finds the live reward service for an id
     */
    public RewardPanel(List<WeightedReward> rewards, Function<String, Optional<Reward>> lookup) {
        if (rewards.isEmpty()) throw new IllegalArgumentException("a run needs at least one reward");
        this.rewards = List.copyOf(rewards);
        this.lookup = lookup;
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

    /**
     * The rewards bound now.
     *
     * @return id → reward, in the run's order
     * @throws RewardFault naming the first reward that is not available
     */
    public Map<String, Reward> resolve() {
        Map<String, Reward> bound = new LinkedHashMap<>();
        for (WeightedReward w : rewards) {
            Reward r = lookup.apply(w.id()).orElseThrow(() -> new RewardFault(w.id(), "reward '" + w.id() + "' is not available", null));
            bound.put(w.id(), r);
        }
        return bound;
    }

    /**
     * Scores one iteration's samples and updates the running statistics (only when every reward succeeded, so a
     * faulty iteration leaves the statistics untouched).
     *
     * @param prompts the batch
     * @param first   D1
     * @param second  D2
     * @param raw     receives each reward's mean raw score over the 2B samples (set rewards: the mean of r(D1), r(D2))
     * @return the candidates with combined scores and the set objective
     * @throws RewardFault naming the reward that failed
     */
    public Candidates score(List<Prompt> prompts, List<Generation> first, List<Generation> second, Map<String, Double> raw) {
        Map<String, Reward> bound = resolve();
        List<Generation> all = new ArrayList<>(first);
        all.addAll(second);
        Map<String, double[]> perSample = new LinkedHashMap<>();
        Map<String, double[]> setScores = new LinkedHashMap<>();
        for (Map.Entry<String, Reward> e : bound.entrySet()) {
            Reward r = e.getValue();
            if (r.kind().scoresEachExample()) {
                double[] s = scoreEach(e.getKey(), r, all);
                perSample.put(e.getKey(), s);
                raw.put(e.getKey(), mean(s));
            } else {
                double a = scoreSet(e.getKey(), r, first);
                double b = scoreSet(e.getKey(), r, second);
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
                    value = scoreSet(w.id(), bound.get(w.id()), set);
                }
                total += w.weight() * statistics.get(w.id()).normalise(value);
            }
            return total;
        };
        return new Candidates(prompts, first, second, combined, objective);
    }

    /** @return true when any reward of the run judges only whole sets (needs the reward bound to tell) */
    public boolean hasSetRewards() {
        return resolve().values().stream().anyMatch(r -> r.kind() == RewardKind.DISTRIBUTION);
    }

    static double[] scoreEach(String id, Reward reward, List<Generation> samples) {
        double[] s;
        try {
            s = reward.scoreEach(samples);
        } catch (RuntimeException e) {
            throw new RewardFault(id, "reward '" + id + "' failed: " + oneLine(e), e);
        }
        if (s == null || s.length != samples.size()) {
            throw new RewardFault(id, "reward '" + id + "' returned " + (s == null ? "no" : s.length) + " scores for " + samples.size() + " samples", null);
        }
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                throw new RewardFault(id, "reward '" + id + "' returned " + s[i] + " for sample " + i + " (prompt " + samples.get(i).prompt().id() + ")", null);
            }
        }
        return s;
    }

    static double scoreSet(String id, Reward reward, List<Generation> samples) {
        double s;
        try {
            s = reward.scoreSet(samples);
        } catch (RuntimeException e) {
            throw new RewardFault(id, "reward '" + id + "' failed on a set of " + samples.size() + ": " + oneLine(e), e);
        }
        if (!Double.isFinite(s)) throw new RewardFault(id, "reward '" + id + "' returned " + s + " for a set of " + samples.size(), null);
        return s;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }

    private static double mean(double[] s) {
        double sum = 0;
        for (double x : s) sum += x;
        return sum / s.length;
    }
}
