package dev.dragon.core.suite;

import dev.dragon.core.evaluation.MetricResult;
import dev.dragon.core.evaluation.WinRate;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * One reward of a suite after its run: its target row of the run's evaluation, where its run folder is and how
 * long it took, and the training settings it ran with (they may differ per reward). A row whose run failed carries
 * the error and no win rate.
 *
 * @param id        the reward id
 * @param kind      the reward's kind ({@link dev.dragon.api.RewardKind#name()}), empty when unknown
 * @param method    {@code per-prompt} or {@code bootstrap N}
 * @param winRate   the win rate of the fine-tuned over the base model, or null when not measured
 * @param before    the base model's score
 * @param after     the fine-tuned model's score
 * @param runFolder the run folder, relative to the suite folder
 * @param seconds   wall time of the reward's run and evaluation (NaN when unknown)
 * @param error     why the reward has no result, or null
 * @param settings  the run's training settings in one line ({@link RunOverrides#describe}), empty when unknown
 */
public record SuiteRow(String id, String kind, String method, WinRate winRate, double before, double after,
                       String runFolder, double seconds, String error, String settings) {

    /** Canonical constructor: null settings become empty. */
    public SuiteRow {
        if (settings == null) settings = "";
    }

    /** @return true when the row has a win rate */
    public boolean measured() {
        return winRate != null && Double.isFinite(winRate.rate());
    }

    /**
     * @param result    the run's target row from its evaluation
     * @param runFolder the run folder, relative to the suite folder
     * @param seconds   wall time of the run
     * @param settings  the run's training settings in one line
     * @return the suite row
     */
    public static SuiteRow of(MetricResult result, String runFolder, double seconds, String settings) {
        return new SuiteRow(result.rewardId(), result.kind(), result.method(), result.winRate(), result.before(), result.after(),
            runFolder, seconds, result.error(), settings);
    }

    /** @return this row as JSON (NaN as null) */
    public JsonObject toJson() {
        JsonObjectBuilder o = Json.createObjectBuilder().add("reward", id).add("kind", kind).add("method", method).add("run", runFolder)
            .add("settings", settings);
        num(o, "before", before);
        num(o, "after", after);
        num(o, "seconds", seconds);
        if (winRate != null) {
            JsonObjectBuilder w = Json.createObjectBuilder().add("wins", winRate.wins()).add("losses", winRate.losses()).add("ties", winRate.ties());
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

    /**
     * Reads a row back from {@link #toJson()}'s form, or a target row of an {@code evaluation.json} (which has the
     * same fields, without {@code run} and {@code seconds}).
     *
     * @param o         the JSON object
     * @param runFolder the run folder to record when the object has none
     * @param seconds   the seconds to record when the object has none
     * @return the row
     */
    public static SuiteRow fromJson(JsonObject o, String runFolder, double seconds) {
        WinRate w = null;
        if (o.containsKey("winRate") && o.get("winRate").getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject j = o.getJsonObject("winRate");
            w = new WinRate(j.getInt("wins"), j.getInt("losses"), j.getInt("ties"), num(j, "rate"), num(j, "pValue"),
                num(j, "clopperPearsonLower95"), num(j, "posteriorAboveHalf"));
        }
        return new SuiteRow(o.getString("reward"), o.getString("kind", ""), o.getString("method", ""), w, num(o, "before"),
            num(o, "after"), o.getString("run", runFolder), o.containsKey("seconds") ? num(o, "seconds") : seconds,
            o.getString("error", null), o.getString("settings", ""));
    }

    private static double num(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonNumber n ? n.doubleValue() : Double.NaN;
    }

    private static void num(JsonObjectBuilder o, String key, double v) {
        if (Double.isFinite(v)) o.add(key, v);
        else o.addNull(key);
    }
}
