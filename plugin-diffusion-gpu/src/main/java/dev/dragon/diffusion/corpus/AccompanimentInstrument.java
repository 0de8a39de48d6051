package dev.dragon.diffusion.corpus;

import java.util.EnumSet;
import java.util.Set;

/**
 * General MIDI instruments that play the chords, each with the accompaniment styles it suits; like
 * {@link Instrument}, chosen to sound distinct with the JDK's emergency soundbank.
 */
public enum AccompanimentInstrument {
    /** GM 49, String Ensemble 1. */
    STRINGS(48, "strings", EnumSet.of(Accompaniment.HELD_CHORDS, Accompaniment.BLOCK_CHORDS)),
    /** GM 53, Choir Aahs. */
    CHOIR(52, "choir", EnumSet.of(Accompaniment.HELD_CHORDS)),
    /** GM 17, Drawbar Organ (a different sound from the church organ that can play the melody). */
    ELECTRIC_ORGAN(16, "electric organ", EnumSet.of(Accompaniment.HELD_CHORDS, Accompaniment.BLOCK_CHORDS)),
    /** GM 1, Acoustic Grand Piano. */
    PIANO(0, "piano", EnumSet.of(Accompaniment.ARPEGGIOS, Accompaniment.BLOCK_CHORDS)),
    /** GM 25, Acoustic Guitar (nylon). */
    GUITAR(24, "acoustic guitar", EnumSet.of(Accompaniment.ARPEGGIOS, Accompaniment.BLOCK_CHORDS)),
    /** GM 7, Harpsichord (the emergency soundbank's harp would sound like the marimba). */
    HARPSICHORD(6, "harpsichord", EnumSet.of(Accompaniment.ARPEGGIOS));

    private final int program;
    private final String noun;
    private final Set<Accompaniment> styles;

    AccompanimentInstrument(int program, String noun, Set<Accompaniment> styles) {
        this.program = program;
        this.noun = noun;
        this.styles = styles;
    }

    /** @return the General MIDI program number, 0-based */
    public int program() {
        return program;
    }

    /** @return how a caption names the instrument */
    public String noun() {
        return noun;
    }

    /**
     * @param style an accompaniment style
     * @return whether this instrument plays that style in the corpus
     */
    public boolean plays(Accompaniment style) {
        return styles.contains(style);
    }
}
