package dev.dragon.core.dragon;

/**
 * One reward of a run and its weight in the combined objective.
 *
 * @param id     the {@link dev.dragon.api.Reward#id()}
 * @param weight a positive weight
 */
public record WeightedReward(String id, double weight) {

    /** Checks the weight. */
    public WeightedReward {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a reward id is empty");
        if (!(weight > 0) || !Double.isFinite(weight)) throw new IllegalArgumentException("reward '" + id + "': weight must be positive and finite, got " + weight);
    }

    /**
     * @param spec {@code ID} or {@code ID=WEIGHT}
     * @return the parsed reward, weight 1 when none is given
     */
    public static WeightedReward parse(String spec) {
        int eq = spec.lastIndexOf('=');
        if (eq < 0) return new WeightedReward(spec.trim(), 1);
        String weight = spec.substring(eq + 1).trim();
        try {
            return new WeightedReward(spec.substring(0, eq).trim(), Double.parseDouble(weight));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reward '" + spec + "': weight '" + weight + "' is not a number");
        }
    }

    @Override
    public String toString() {
        return weight == 1 ? id : id + "=" + weight;
    }
}
