package dev.dragon.core.dragon;

/** Builds D+ and D− from one iteration's scored candidates (DRAGON brief §2, step 3). */
public interface PreferenceStrategy {

    /** @return the strategy's name as configuration and reports spell it */
    String name();

    /**
     * @param candidates the scored samples
     * @return D+ and D−
     * @throws RewardFault when a set reward fails while the sets are compared
     */
    Preferences build(Candidates candidates);

    /**
     * @param mode           what the run asked for
     * @param hasSetRewards  whether any reward judges only whole sets
     * @return the strategy that fits
     * @throws IllegalArgumentException when the mode cannot serve the rewards
     */
    static PreferenceStrategy forMode(PairingMode mode, boolean hasSetRewards) {
        PairingMode chosen = mode == PairingMode.AUTO ? (hasSetRewards ? PairingMode.SET : PairingMode.PAIRED) : mode;
        if (hasSetRewards && chosen != PairingMode.SET) {
            throw new IllegalArgumentException("pairing '" + chosen.name().toLowerCase()
                + "' needs a score per sample, but a reward of the run judges whole sets: use --pairing set (or auto)");
        }
        return switch (chosen) {
            case PAIRED -> new PairedStrategy();
            case UNPAIRED -> new UnpairedMedianStrategy();
            case SET -> new SetGreedySwapStrategy();
            case AUTO -> throw new AssertionError();
        };
    }
}
