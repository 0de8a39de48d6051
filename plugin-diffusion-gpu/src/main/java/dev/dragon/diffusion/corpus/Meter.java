package dev.dragon.diffusion.corpus;

/** Beats per bar; the harmony changes every half bar in 4/4 and every bar in 3/4. */
public enum Meter {
    /** Common time. */
    FOUR_FOUR(4, 2, "4/4"),
    /** Waltz time. */
    THREE_FOUR(3, 3, "3/4");

    private final int beatsPerBar;
    private final int beatsPerChord;
    private final String signature;

    Meter(int beatsPerBar, int beatsPerChord, String signature) {
        this.beatsPerBar = beatsPerBar;
        this.beatsPerChord = beatsPerChord;
        this.signature = signature;
    }

    /** @return beats (quarter notes) per bar */
    public int beatsPerBar() {
        return beatsPerBar;
    }

    /** @return beats each chord of the progression lasts */
    public int beatsPerChord() {
        return beatsPerChord;
    }

    /** @return the time signature as written, e.g. {@code 3/4} */
    public String signature() {
        return signature;
    }
}
