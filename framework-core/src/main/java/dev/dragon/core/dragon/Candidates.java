package dev.dragon.core.dragon;

import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import java.util.List;

/**
 * One iteration's on-policy samples — two per prompt — and what the rewards say about them.
 *
 * @param prompts   the batch's prompts
 * @param first     D1: the first sample of each prompt, in prompt order
 * @param second    D2: the second sample of each prompt
 * @param scores    the combined normalised score of each sample (index i: first.get(i), B + i: second.get(i)),
 *                  or null when a reward judges only whole sets
 * @param objective the combined normalised reward of any set of these samples
 */
public record Candidates(List<Prompt> prompts, List<Generation> first, List<Generation> second, double[] scores,
                         SetObjective objective) {

    /** Checks that every prompt has two samples. */
    public Candidates {
        prompts = List.copyOf(prompts);
        first = List.copyOf(first);
        second = List.copyOf(second);
        if (first.size() != prompts.size() || second.size() != prompts.size()) {
            throw new IllegalArgumentException("need two samples per prompt: " + prompts.size() + " prompts, "
                + first.size() + " and " + second.size() + " samples");
        }
        if (scores != null && scores.length != 2 * prompts.size()) throw new IllegalArgumentException("need one score per sample");
    }

    /** @return B, the number of prompts */
    public int size() {
        return prompts.size();
    }

    /** @return sample {@code index} (0..2B−1) */
    public Generation sample(int index) {
        return index < size() ? first.get(index) : second.get(index - size());
    }
}
