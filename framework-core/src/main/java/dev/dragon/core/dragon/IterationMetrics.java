package dev.dragon.core.dragon;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one iteration did: one row of {@code metrics.csv} and one line of {@code metrics.jsonl}.
 *
 * @param iteration    the iteration (1-based)
 * @param status       {@code trained}, or {@code skipped} when a reward failed or nothing separated the samples
 * @param note         why it was skipped (one line naming the reward), empty otherwise
 * @param strategy     the preference strategy's name
 * @param rewards      each reward's mean raw score over the iteration's samples (empty when scoring failed)
 * @param loss         the update's loss (NaN when skipped)
 * @param rewardMargin the update's implicit reward margin (NaN when skipped)
 * @param gradientNorm the gradient norm before clipping (NaN when skipped)
 * @param positives    |D+|
 * @param negatives    |D−|
 * @param dropped      samples left out (ties)
 * @param swaps        greedy swaps made by a set strategy
 * @param seconds      wall time of the iteration
 * @param providers    which service scored the iteration, per reward id: {@link RewardBinding#label()}
 *                     ({@code bundle version #service[.revision]}); empty for rewards not reached
 */
public record IterationMetrics(int iteration, String status, String note, String strategy, Map<String, Double> rewards,
                               double loss, double rewardMargin, double gradientNorm, int positives, int negatives,
                               int dropped, int swaps, double seconds, Map<String, String> providers) {

    /** Copies the maps, keeping their order. */
    public IterationMetrics {
        rewards = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rewards));
        providers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    }

    /** @return true when the iteration updated the model */
    public boolean trained() {
        return "trained".equals(status);
    }

    /** @return this row as JSON (NaN as null) */
    public JsonObject toJson() {
        JsonObjectBuilder r = Json.createObjectBuilder();
        rewards.forEach((k, v) -> number(r, k, v));
        JsonObjectBuilder o = Json.createObjectBuilder().add("iteration", iteration).add("status", status).add("note", note)
            .add("strategy", strategy).add("rewards", r);
        number(o, "loss", loss);
        number(o, "rewardMargin", rewardMargin);
        number(o, "gradientNorm", gradientNorm);
        JsonObjectBuilder p = Json.createObjectBuilder();
        providers.forEach(p::add);
        return o.add("positives", positives).add("negatives", negatives).add("dropped", dropped).add("swaps", swaps)
            .add("seconds", seconds).add("providers", p).build();
    }

    /**
     * @param o what {@link #toJson} wrote (rows written before providers were recorded have none)
     * @return the row
     */
    public static IterationMetrics fromJson(JsonObject o) {
        Map<String, Double> rewards = new LinkedHashMap<>();
        o.getJsonObject("rewards").forEach((k, v) -> rewards.put(k, value(v)));
        Map<String, String> providers = new LinkedHashMap<>();
        if (o.containsKey("providers")) o.getJsonObject("providers").forEach((k, v) -> providers.put(k, ((jakarta.json.JsonString) v).getString()));
        return new IterationMetrics(o.getInt("iteration"), o.getString("status"), o.getString("note"), o.getString("strategy"),
            rewards, value(o.get("loss")), value(o.get("rewardMargin")), value(o.get("gradientNorm")), o.getInt("positives"),
            o.getInt("negatives"), o.getInt("dropped"), o.getInt("swaps"), value(o.get("seconds")), providers);
    }

    private static void number(JsonObjectBuilder b, String key, double v) {
        if (Double.isFinite(v)) b.add(key, v);
        else b.addNull(key);
    }

    private static double value(JsonValue v) {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? Double.NaN : ((jakarta.json.JsonNumber) v).doubleValue();
    }
}
