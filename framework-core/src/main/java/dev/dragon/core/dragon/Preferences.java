package dev.dragon.core.dragon;

import dev.dragon.api.PreferenceBatch;

/**
 * What a {@link PreferenceStrategy} made of one iteration's candidates.
 *
 * @param batch   D+ and D−, or null when nothing separates the samples (every pair tied): the iteration trains nothing
 * @param dropped samples left out (tied pairs, samples equal to the median)
 * @param swaps   per-prompt swaps made by a set strategy (0 otherwise)
 * @param gap     the combined reward of D+ minus that of D− (set strategies; NaN otherwise)
 */
public record Preferences(PreferenceBatch batch, int dropped, int swaps, double gap) {
}
