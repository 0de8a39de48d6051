package dev.dragon.diffusion.corpus;

/** How the chords under the melody are played, if at all. */
public enum Accompaniment {
    /** No chords. */
    NONE(""),
    /** One sustained chord per harmony change. */
    HELD_CHORDS("holding the chords"),
    /** Chord tones one after another, in eighth notes. */
    ARPEGGIOS("playing arpeggios"),
    /** The whole chord struck on every beat. */
    BLOCK_CHORDS("striking chords on every beat");

    private final String verbPhrase;

    Accompaniment(String verbPhrase) {
        this.verbPhrase = verbPhrase;
    }

    /** @return how a caption says what the accompanying instrument does, e.g. {@code holding the chords} */
    public String verbPhrase() {
        return verbPhrase;
    }
}
