package dev.dragon.core.evaluation;

import dev.dragon.api.Generation;
import dev.dragon.api.Generator;
import dev.dragon.api.Prompt;
import dev.dragon.api.Reward;
import dev.dragon.api.SamplingRequest;
import dev.dragon.core.dragon.RewardBinding;
import dev.dragon.core.dragon.RewardCaller;
import dev.dragon.core.dragon.RunSeeds;
import dev.dragon.core.run.AtomicFiles;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Compares a fine-tuned model with its base as the paper does: the same held-out prompts and the same seeds for
 * both; per-example rewards give a win rate over prompts (with the exact binomial p-value, the Clopper–Pearson
 * bound and the Beta posterior), set rewards a win rate over bootstrap resamples of the prompts. Every reward
 * present is measured, the run's targets first; a reward that fails gets its error in its row, not a crash.
 */
public final class Evaluator {

    private static final int CHUNK = 8;

    /** Receives progress: phase name, units done, units in the phase. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param phase {@code base samples}, {@code tuned samples} or {@code scoring}
         * @param done  units done
         * @param total units in the phase
         */
        void update(String phase, int done, int total);
    }

    /**
     * How to evaluate.
     *
     * @param steps      sampler steps
     * @param guidance   guidance scale
     * @param seeds      where the evaluation seeds come from
     * @param audioPairs how many pairs to write as WAV files
     * @param bootstrap  resamples for set rewards
     * @param rewardTimeoutSeconds the longest one reward call may take (a hung plugin costs its row, not the run)
     */
    public record Settings(int steps, double guidance, RunSeeds seeds, int audioPairs, int bootstrap, double rewardTimeoutSeconds) {
    }

    private final Settings settings;

    /** @param settings how to evaluate */
    public Evaluator(Settings settings) {
        this.settings = settings;
    }

    /**
     * Evaluates, leaving the generator holding the fine-tuned model.
     *
     * @param generator   the generator
     * @param baseModel   the base checkpoint's model folder
     * @param tunedModel  the fine-tuned checkpoint's model folder
     * @param prompts     held-out prompts
     * @param targets     ids of the rewards the run optimised (the first is the headline)
     * @param rewards     every reward to measure (targets included)
     * @param runFolder   where WAV pairs go ({@code eval/base}, {@code eval/tuned} inside it)
     * @param progress    progress
     * @return the evaluation
     * @throws IOException when a checkpoint cannot be restored or a WAV written
     */
    public Evaluation evaluate(Generator generator, Path baseModel, Path tunedModel, List<Prompt> prompts, List<String> targets,
                               List<Reward> rewards, Path runFolder, Progress progress) throws IOException {
        if (prompts.isEmpty()) throw new IllegalArgumentException("no held-out prompts to evaluate on");
        List<Long> seeds = settings.seeds().evaluationSeeds(prompts.stream().map(Prompt::id).toList());
        generator.restore(baseModel);
        List<Generation> base = sample(generator, prompts, seeds, "base samples", progress);
        generator.restore(tunedModel);
        List<Generation> tuned = sample(generator, prompts, seeds, "tuned samples", progress);

        List<Reward> ordered = new ArrayList<>();
        for (String t : targets) rewards.stream().filter(r -> r.id().equals(t)).findFirst().ifPresent(ordered::add);
        rewards.stream().filter(r -> !targets.contains(r.id())).sorted(java.util.Comparator.comparing(Reward::id)).forEach(ordered::add);
        List<MetricResult> results = new ArrayList<>();
        double[][] headlineScores = null;
        // every plugin call on a worker with a timeout: a reward that throws, hangs or answers nonsense gets its error
        // in its row (errors such as StackOverflowError included), the other rows are still measured
        try (RewardCaller caller = new RewardCaller(settings.rewardTimeoutSeconds())) {
            for (int i = 0; i < ordered.size(); i++) {
                progress.update("scoring", i, ordered.size());
                Reward r = ordered.get(i);
                ScoredReward scored = new ScoredReward(r, caller);
                boolean target = targets.contains(r.id());
                try {
                    if (r.kind().scoresEachExample()) {
                        double[] b = finite(r, scored.each(base), base.size());
                        double[] t = finite(r, scored.each(tuned), tuned.size());
                        if (headlineScores == null && target) headlineScores = new double[][] {b, t};
                        results.add(new MetricResult(r.id(), r.kind().name(), target, mean(b), mean(t), perPrompt(b, t), "per-prompt", null));
                    } else {
                        results.add(setResult(scored, target, base, tuned));
                    }
                } catch (CancellationException e) {
                    throw e; // the run is being stopped, not a fault of this reward
                } catch (RuntimeException e) {
                    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
                    results.add(new MetricResult(r.id(), r.kind().name(), target, Double.NaN, Double.NaN, null, "", m));
                }
            }
        }
        progress.update("scoring", ordered.size(), ordered.size());
        List<AudioPair> pairs = writePairs(runFolder, prompts, seeds, base, tuned, headlineScores);
        return new Evaluation(baseModel.getParent().getFileName().toString(), tunedModel.getParent().getFileName().toString(),
            prompts.size(), settings.steps(), results, pairs);
    }

    /** @return the win rate of {@code tuned} over {@code base}, prompt by prompt */
    static WinRate perPrompt(double[] base, double[] tuned) {
        int wins = 0;
        int losses = 0;
        int ties = 0;
        for (int i = 0; i < base.length; i++) {
            if (tuned[i] > base[i]) wins++;
            else if (tuned[i] < base[i]) losses++;
            else ties++;
        }
        return WinRate.of(wins, losses, ties);
    }

    /** A reward whose every call goes through the caller (timeout, faults named). */
    private record ScoredReward(Reward reward, RewardCaller caller) {
        double[] each(List<Generation> samples) {
            return caller.call(RewardBinding.of(reward.id(), reward), "scoring " + samples.size() + " samples", () -> reward.scoreEach(samples));
        }

        double set(List<Generation> samples) {
            return caller.call(RewardBinding.of(reward.id(), reward), "scoring a set of " + samples.size(), () -> reward.scoreSet(samples));
        }
    }

    private MetricResult setResult(ScoredReward scored, boolean target, List<Generation> base, List<Generation> tuned) {
        Reward r = scored.reward();
        double before = scored.set(base);
        double after = scored.set(tuned);
        int wins = 0;
        int losses = 0;
        int ties = 0;
        for (int k = 0; k < settings.bootstrap(); k++) {
            int[] idx = settings.seeds().bootstrapIndices(r.id(), base.size(), k);
            List<Generation> b = new ArrayList<>(idx.length);
            List<Generation> t = new ArrayList<>(idx.length);
            for (int i : idx) {
                b.add(base.get(i));
                t.add(tuned.get(i));
            }
            double sb = scored.set(b);
            double st = scored.set(t);
            if (st > sb) wins++;
            else if (st < sb) losses++;
            else ties++;
        }
        int n = wins + losses;
        // resamples are not independent trials: the binomial p-value and bounds do not apply, only the fraction
        WinRate w = new WinRate(wins, losses, ties, n == 0 ? Double.NaN : wins / (double) n, Double.NaN, Double.NaN, Double.NaN);
        return new MetricResult(r.id(), r.kind().name(), target, before, after, w, "bootstrap " + settings.bootstrap(), null);
    }

    private List<Generation> sample(Generator g, List<Prompt> prompts, List<Long> seeds, String phase, Progress progress) {
        List<Generation> out = new ArrayList<>();
        for (int from = 0; from < prompts.size(); from += CHUNK) {
            progress.update(phase, from, prompts.size());
            int to = Math.min(prompts.size(), from + CHUNK);
            out.addAll(g.sample(new SamplingRequest(prompts.subList(from, to), seeds.subList(from, to), settings.steps(), settings.guidance())));
        }
        progress.update(phase, prompts.size(), prompts.size());
        if (out.size() != prompts.size()) throw new IllegalStateException("generator '" + g.id() + "' returned " + out.size() + " samples for " + prompts.size() + " prompts");
        return out;
    }

    private List<AudioPair> writePairs(Path runFolder, List<Prompt> prompts, List<Long> seeds, List<Generation> base,
                                       List<Generation> tuned, double[][] scores) throws IOException {
        List<AudioPair> pairs = new ArrayList<>();
        int n = Math.min(settings.audioPairs(), prompts.size());
        for (int i = 0; i < n; i++) {
            String name = String.format("%03d-%s.wav", i, safe(prompts.get(i).id()));
            String b = "eval/base/" + name;
            String t = "eval/tuned/" + name;
            writeWav(runFolder.resolve(b), base.get(i));
            writeWav(runFolder.resolve(t), tuned.get(i));
            pairs.add(new AudioPair(prompts.get(i).id(), prompts.get(i).text(), seeds.get(i), b, t,
                scores == null ? Double.NaN : scores[0][i], scores == null ? Double.NaN : scores[1][i]));
        }
        return pairs;
    }

    private static void writeWav(Path file, Generation g) throws IOException {
        Files.createDirectories(file.getParent());
        WavFile.write(file, g.audio(), SampleEncoding.PCM_16);
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static double[] finite(Reward r, double[] s, int expected) {
        if (s == null || s.length != expected) throw new IllegalStateException("reward '" + r.id() + "' returned " + (s == null ? 0 : s.length) + " scores for " + expected + " samples");
        for (double x : s) {
            if (!Double.isFinite(x)) throw new IllegalStateException("reward '" + r.id() + "' returned " + x);
        }
        return s;
    }

    private static double mean(double[] s) {
        double sum = 0;
        for (double x : s) sum += x;
        return sum / s.length;
    }

    /**
     * Writes {@code eval/evaluation.json}.
     *
     * @param runFolder  the run folder
     * @param evaluation what to write
     * @throws IOException when it cannot be written
     */
    public static void write(Path runFolder, Evaluation evaluation) throws IOException {
        AtomicFiles.writeJson(runFolder.resolve("eval").resolve("evaluation.json"), evaluation.toJson());
    }
}
