package dev.dragon.api;

import java.util.List;

/**
 * The positive set D+ and negative set D− of one DRAGON iteration.
 *
 * @param positives D+, the examples to pull the model toward
 * @param negatives D−, the examples to push it away from
 * @param paired    true when {@code positives.get(i)} and {@code negatives.get(i)} share a prompt and form a
 *                  DPO pair (then both lists have one length)
 */
public record PreferenceBatch(List<Generation> positives, List<Generation> negatives, boolean paired) {

    /** Copies the lists and checks pairing. */
    public PreferenceBatch {
        positives = List.copyOf(positives);
        negatives = List.copyOf(negatives);
        if (paired && positives.size() != negatives.size()) {
            throw new IllegalArgumentException("a paired batch needs as many positives as negatives, got "
                + positives.size() + " and " + negatives.size());
        }
        if (positives.isEmpty() && negatives.isEmpty()) throw new IllegalArgumentException("an empty preference batch");
    }

    /** @return the number of examples in both sets */
    public int size() {
        return positives.size() + negatives.size();
    }
}
