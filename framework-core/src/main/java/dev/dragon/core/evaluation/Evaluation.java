package dev.dragon.core.evaluation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The outcome of comparing a fine-tuned model with its base on held-out prompts (written to {@code eval/evaluation.json}).
 *
 * @param baseCheckpoint  the base model's checkpoint
 * @param tunedCheckpoint the fine-tuned model's checkpoint
 * @param prompts         how many held-out prompts
 * @param steps           sampler steps
 * @param results         one row per reward: the run's targets first, then every other reward present
 * @param pairs           the WAV pairs kept
 */
public record Evaluation(String baseCheckpoint, String tunedCheckpoint, int prompts, int steps, List<MetricResult> results,
                         List<AudioPair> pairs) {

    /** @return the first target reward's row (the headline win rate), or null when there is none */
    public MetricResult headline() {
        return results.stream().filter(MetricResult::target).findFirst().orElse(null);
    }

    /** @return this evaluation as JSON */
    public JsonObject toJson() {
        JsonArrayBuilder r = Json.createArrayBuilder();
        results.forEach(m -> r.add(m.toJson()));
        JsonArrayBuilder p = Json.createArrayBuilder();
        for (AudioPair a : pairs) {
            var o = Json.createObjectBuilder().add("prompt", a.promptId()).add("text", a.promptText()).add("seed", a.seed())
                .add("base", a.baseFile()).add("tuned", a.tunedFile());
            if (Double.isFinite(a.baseScore())) o.add("baseScore", a.baseScore());
            if (Double.isFinite(a.tunedScore())) o.add("tunedScore", a.tunedScore());
            p.add(o);
        }
        return Json.createObjectBuilder().add("baseCheckpoint", baseCheckpoint).add("tunedCheckpoint", tunedCheckpoint)
            .add("prompts", prompts).add("steps", steps).add("results", r).add("pairs", p).build();
    }
}
