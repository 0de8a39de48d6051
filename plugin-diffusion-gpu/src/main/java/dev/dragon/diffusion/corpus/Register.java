package dev.dragon.diffusion.corpus;

/** The pitch range of the melody, absolute (not relative to the instrument) so that it is audible as such. */
public enum Register {
    /** Tonic near C3 (MIDI 48). */
    LOW(48, "low", new String[] {"low", "deep", "low-register"}),
    /** Tonic near C4 (MIDI 60). */
    MIDDLE(60, "middle", new String[] {"mid-register", "middle-register"}),
    /** Tonic near C5 (MIDI 72). */
    HIGH(72, "high", new String[] {"high", "high-register", "high-pitched"});

    private final int lowestNote;
    private final String word;
    private final String[] adjectives;

    Register(int lowestNote, String word, String[] adjectives) {
        this.lowestNote = lowestNote;
        this.word = word;
        this.adjectives = adjectives;
    }

    /**
     * @return the register's reference note: the melody's tonic lies within a tritone of it and the melody spans
     *     from a fourth below that tonic to an octave and a third above it
     */
    public int lowestNote() {
        return lowestNote;
    }

    /** @return the plain word for the register */
    public String word() {
        return word;
    }

    /** @return the words a caption may use for this register */
    public String[] adjectives() {
        return adjectives.clone();
    }
}
