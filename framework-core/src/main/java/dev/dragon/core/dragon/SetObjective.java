package dev.dragon.core.dragon;

import java.util.List;

/**
 * The combined, normalised reward of a set of one iteration's samples, addressed by index (0..B−1 the first
 * sample of each prompt, B..2B−1 the second). Set strategies compare D+ and D− with it.
 */
@FunctionalInterface
public interface SetObjective {

    /**
     * @param members indices of the samples in the set, not empty
     * @return the set's combined reward, higher is better
     * @throws RewardFault when a reward fails
     */
    double value(List<Integer> members);
}
