package dev.dragon.diffusion.corpus;

/**
 * The General MIDI instruments the corpus plays its melodies with, each with the words a caption uses for it.
 * The set is kept small and timbrally spread so that a small model can learn to tell them apart: each renders
 * differently even with the JDK's emergency soundbank, which gives many General MIDI programs one shared sound
 * (vibraphone, marimba and harp are one sound there, as are all flutes).
 */
public enum Instrument {
    /** GM 1, Acoustic Grand Piano. */
    PIANO(0, "piano"),
    /** GM 5, Electric Piano 1. */
    ELECTRIC_PIANO(4, "electric piano"),
    /** GM 13, Marimba. */
    MARIMBA(12, "marimba"),
    /** GM 20, Church Organ. */
    ORGAN(19, "organ"),
    /** GM 25, Acoustic Guitar (nylon). */
    GUITAR(24, "acoustic guitar"),
    /** GM 41, Violin. */
    VIOLIN(40, "violin"),
    /** GM 57, Trumpet. */
    TRUMPET(56, "trumpet"),
    /** GM 66, Alto Sax. */
    SAXOPHONE(65, "saxophone"),
    /** GM 72, Clarinet. */
    CLARINET(71, "clarinet"),
    /** GM 74, Flute. */
    FLUTE(73, "flute");

    private final int program;
    private final String noun;

    Instrument(int program, String noun) {
        this.program = program;
        this.noun = noun;
    }

    /** @return the General MIDI program number, 0-based as sent in a Program Change message */
    public int program() {
        return program;
    }

    /** @return how a caption names the instrument, e.g. {@code acoustic guitar} */
    public String noun() {
        return noun;
    }
}
