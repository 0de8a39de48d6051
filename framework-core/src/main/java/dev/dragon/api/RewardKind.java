package dev.dragon.api;

/** What a {@link Reward} judges. Every kind follows one convention: a higher score is better. */
public enum RewardKind {
    /** One example on its own, optionally with its prompt: r(x) or r(x, c). Aesthetics, CLAP score. */
    INSTANCE,
    /** One example against a reference distribution: r(x, D_ref). Per-song FAD. */
    INSTANCE_TO_DISTRIBUTION,
    /** A whole set of examples: r(D_gen, D_ref) or r(D_gen). Dataset FAD, Vendi diversity. */
    DISTRIBUTION;

    /** @return true when the reward gives one score per example, false when it gives one score per set */
    public boolean scoresEachExample() {
        return this != DISTRIBUTION;
    }
}
