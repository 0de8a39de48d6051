package dev.dragon.core.evaluation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * One reward measured on the base and the fine-tuned model's evaluation samples: a row of the report's table.
 *
 * @param rewardId  the reward
 * @param kind      its kind, as {@link dev.dragon.api.RewardKind#name()}
 * @param target    true when the run optimised this reward
 * @param before    the base model's score (mean over prompts, or the set's score)
 * @param after     the fine-tuned model's score
 * @param winRate   the fine-tuned model's win rate over the base (null when scoring failed)
 * @param method    {@code per-prompt} or {@code bootstrap N} (set rewards: N resamples of the prompts)
 * @param error     why the reward could not be measured, or null
 */
public record MetricResult(String rewardId, String kind, boolean target, double before, double after, WinRate winRate,
                           String method, String error) {

    /** @return this row as JSON (NaN as null) */
    public JsonObject toJson() {
        JsonObjectBuilder o = Json.createObjectBuilder().add("reward", rewardId).add("kind", kind).add("target", target)
            .add("method", method);
        num(o, "before", before);
        num(o, "after", after);
        if (winRate != null) {
            JsonObjectBuilder w = Json.createObjectBuilder().add("wins", winRate.wins()).add("losses", winRate.losses())
                .add("ties", winRate.ties());
            num(w, "rate", winRate.rate());
            num(w, "pValue", winRate.pValue());
            num(w, "clopperPearsonLower95", winRate.lowerBound95());
            num(w, "posteriorAboveHalf", winRate.posteriorAboveHalf());
            o.add("winRate", w);
        } else {
            o.addNull("winRate");
        }
        if (error != null) o.add("error", error);
        return o.build();
    }

    private static void num(JsonObjectBuilder o, String key, double v) {
        if (Double.isFinite(v)) o.add(key, v);
        else o.addNull(key);
    }
}
