package dev.dragon.diffusion.corpus;

/** What the General MIDI drum kit (channel 10) plays. */
public enum DrumPattern {
    /** No drums. */
    NONE(""),
    /** Kick, snare on the backbeat, closed hi-hat in eighths. */
    BACKBEAT("a steady drum beat"),
    /** Closed hi-hat in eighths with a light kick on the downbeat. */
    LIGHT_PERCUSSION("light hi-hat percussion");

    private final String nounPhrase;

    DrumPattern(String nounPhrase) {
        this.nounPhrase = nounPhrase;
    }

    /** @return how a caption names the pattern, e.g. {@code a steady drum beat} */
    public String nounPhrase() {
        return nounPhrase;
    }
}
