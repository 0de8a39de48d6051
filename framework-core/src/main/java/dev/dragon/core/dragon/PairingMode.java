package dev.dragon.core.dragon;

/** How D+ and D− are built from the two samples per prompt (DRAGON brief §2, step 3). */
public enum PairingMode {
    /** {@link #SET} when any reward judges whole sets, otherwise {@link #PAIRED}. */
    AUTO,
    /** Per prompt, the better sample goes to D+ and the other to D−; ties are skipped. */
    PAIRED,
    /** Every sample is labelled against the batch median (reconstructed). */
    UNPAIRED,
    /** Whole-set comparison, then greedy per-prompt swaps with |D+| = |D−| (reconstructed). */
    SET;

    /**
     * @param text {@code auto}, {@code paired}, {@code unpaired} or {@code set}, any case
     * @return the mode
     * @throws IllegalArgumentException naming the allowed values
     */
    public static PairingMode parse(String text) {
        for (PairingMode m : values()) {
            if (m.name().equalsIgnoreCase(text)) return m;
        }
        throw new IllegalArgumentException("unknown pairing '" + text + "' (one of: auto, paired, unpaired, set)");
    }
}
