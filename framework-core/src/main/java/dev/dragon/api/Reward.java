package dev.dragon.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Judges generations; <b>higher is always better</b> (a distance is reported negated). Registered as an OSGi
 * service with the {@value #ID} property; the orchestrator binds every reward dynamically.
 *
 * <p>Per-example rewards ({@link RewardKind#INSTANCE}, {@link RewardKind#INSTANCE_TO_DISTRIBUTION}) implement
 * {@link #scoreEach}; set rewards ({@link RewardKind#DISTRIBUTION}) implement {@link #scoreSet}. Scores must be
 * finite: a reward that cannot score an input throws with a message naming the input.
 */
@ConsumerType
public interface Reward {

    /** Service property that carries {@link #id()}. */
    String ID = "reward.id";

    /** @return a short stable identifier, e.g. {@code fad-per-song} */
    String id();

    /** @return what this reward judges */
    RewardKind kind();

    /** @return true when the score depends on each generation's prompt (CLAP score), not only on its audio */
    default boolean usesPrompt() {
        return false;
    }

    /**
     * Scores each generation on its own (or against the reward's reference distribution).
     *
     * @param generations the examples
     * @return one finite score per generation, in order
     * @throws IllegalStateException for a set reward, which only scores whole sets
     */
    default double[] scoreEach(List<Generation> generations) {
        throw new IllegalStateException("reward '" + id() + "' is a " + kind() + " reward: it scores whole sets");
    }

    /**
     * Scores a whole set. Per-example rewards score a set by the mean of their scores.
     *
     * @param generations the set, not empty
     * @return one finite score
     */
    default double scoreSet(List<Generation> generations) {
        double[] each = scoreEach(generations);
        double sum = 0;
        for (double s : each) sum += s;
        return sum / each.length;
    }
}
