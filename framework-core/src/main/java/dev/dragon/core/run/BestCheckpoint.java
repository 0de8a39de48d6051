package dev.dragon.core.run;

import dev.dragon.core.dragon.IterationMetrics;
import dev.dragon.core.dragon.WeightedReward;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Chooses the checkpoint a run with {@link dev.dragon.core.dragon.CheckpointSelection#BEST} evaluates: the one whose
 * last {@code window} iterations (the iterations up to and including its own) had the best mean on-policy score.
 * Only the run's own training samples are looked at, never held-out prompts. With several rewards the score of an
 * iteration is the weighted sum of each reward's mean, standardised over the run's iterations (rewards have
 * different scales). Iterations whose scoring failed are left out; a checkpoint with none in its window is no
 * candidate; ties go to the later checkpoint; with no candidate at all the final checkpoint stays.
 */
public final class BestCheckpoint {

    /** Iterations whose on-policy scores speak for a checkpoint (at most the checkpoint interval). */
    public static final int WINDOW = 5;

    private BestCheckpoint() {
    }

    /**
     * One checkpoint that could be chosen.
     *
     * @param iteration  the checkpoint's iteration
     * @param score      the mean standardised on-policy score of its window
     * @param iterations how many iterations of the window had scores
     */
    public record Candidate(int iteration, double score, int iterations) {
    }

    /**
     * What was chosen and from what.
     *
     * @param iteration  the chosen checkpoint
     * @param last       the final checkpoint
     * @param window     iterations per window
     * @param candidates every candidate, in iteration order
     */
    public record Choice(int iteration, int last, int window, List<Candidate> candidates) {

        /** Copies the list. */
        public Choice {
            candidates = List.copyOf(candidates);
        }

        /** @return this choice as JSON (the run folder's {@code selection.json}) */
        public JsonObject toJson() {
            JsonArrayBuilder c = Json.createArrayBuilder();
            for (Candidate k : candidates) {
                c.add(Json.createObjectBuilder().add("iteration", k.iteration()).add("score", k.score()).add("iterations", k.iterations()));
            }
            return Json.createObjectBuilder().add("selection", "best").add("chosen", iteration).add("final", last)
                .add("window", window).add("rule", "highest mean standardised on-policy score over the checkpoint's last "
                    + window + " iterations; ties to the later checkpoint").add("candidates", c).build();
        }
    }

    /**
     * @param rows        the run's iterations ({@code metrics.jsonl})
     * @param checkpoints the iterations of the run's complete checkpoints (0, the base model, is never chosen)
     * @param rewards     the run's rewards and weights
     * @param window      iterations per window (at least 1)
     * @param last        the final checkpoint, kept when no checkpoint has a scored window
     * @return the choice
     */
    public static Choice choose(List<IterationMetrics> rows, List<Integer> checkpoints, List<WeightedReward> rewards, int window, int last) {
        if (window < 1) throw new IllegalArgumentException("window must be at least 1, got " + window);
        List<IterationMetrics> scored = rows.stream().filter(r -> rewards.stream().allMatch(w -> finite(r, w.id()))).toList();
        double[] score = new double[scored.size()];
        for (WeightedReward w : rewards) {
            double[] v = scored.stream().mapToDouble(r -> r.rewards().get(w.id())).toArray();
            double mean = Arrays.stream(v).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length));
            if (!(sd > 0)) continue; // a reward that never moved cannot tell checkpoints apart
            for (int i = 0; i < v.length; i++) score[i] += w.weight() * (v[i] - mean) / sd;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int k : checkpoints.stream().filter(k -> k > 0 && k <= last).sorted().toList()) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < score.length; i++) {
                int it = scored.get(i).iteration();
                if (it > k - window && it <= k) {
                    sum += score[i];
                    n++;
                }
            }
            if (n > 0) candidates.add(new Candidate(k, sum / n, n));
        }
        int chosen = candidates.stream().max(Comparator.comparingDouble(Candidate::score).thenComparingInt(Candidate::iteration))
            .map(Candidate::iteration).orElse(last);
        return new Choice(chosen, last, window, candidates);
    }

    /**
     * @param folder a run folder
     * @return the checkpoint its {@code selection.json} chose, or empty when it has none (a run that evaluates its
     *         final checkpoint, or one that has not finished)
     * @throws IOException when the file exists but cannot be read
     */
    public static OptionalInt chosen(RunFolder folder) throws IOException {
        if (!Files.isRegularFile(folder.selection())) return OptionalInt.empty();
        JsonObject o = RunFolder.readJson(folder.selection());
        if (!o.containsKey("chosen")) throw new IOException(folder.selection() + ": no 'chosen' checkpoint");
        return OptionalInt.of(o.getInt("chosen"));
    }

    private static boolean finite(IterationMetrics r, String id) {
        Double v = r.rewards().get(id);
        return v != null && Double.isFinite(v);
    }
}
