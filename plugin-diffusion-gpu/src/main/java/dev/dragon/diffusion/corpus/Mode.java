package dev.dragon.diffusion.corpus;

/** The scale the melody and chords are built from, as semitone steps above the tonic. */
public enum Mode {
    /** Ionian. */
    MAJOR("major", 0, 2, 4, 5, 7, 9, 11),
    /** Natural minor (Aeolian). */
    MINOR("minor", 0, 2, 3, 5, 7, 8, 10),
    /** Minor with a raised sixth. */
    DORIAN("Dorian", 0, 2, 3, 5, 7, 9, 10),
    /** Major with a lowered seventh. */
    MIXOLYDIAN("Mixolydian", 0, 2, 4, 5, 7, 9, 10),
    /** Minor with a lowered second. */
    PHRYGIAN("Phrygian", 0, 1, 3, 5, 7, 8, 10);

    private final String word;
    private final int[] steps;

    Mode(String word, int... steps) {
        this.word = word;
        this.steps = steps;
    }

    /** @return how a caption names the mode, e.g. {@code minor} or {@code Dorian} */
    public String word() {
        return word;
    }

    /**
     * @param degree a scale degree, 0-based, any integer (7 is the tonic an octave up, −1 the seventh below)
     * @return semitones above the tonic
     */
    public int semitones(int degree) {
        int octave = Math.floorDiv(degree, steps.length);
        return 12 * octave + steps[Math.floorMod(degree, steps.length)];
    }
}
