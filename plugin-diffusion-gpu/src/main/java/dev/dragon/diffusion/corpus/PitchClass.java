package dev.dragon.diffusion.corpus;

/** The twelve tonics, spelled the way musicians usually name keys (flats for the black keys but F sharp). */
public enum PitchClass {
    /** C. */ C("C"),
    /** D flat. */ D_FLAT("D flat"),
    /** D. */ D("D"),
    /** E flat. */ E_FLAT("E flat"),
    /** E. */ E("E"),
    /** F. */ F("F"),
    /** F sharp. */ F_SHARP("F sharp"),
    /** G. */ G("G"),
    /** A flat. */ A_FLAT("A flat"),
    /** A. */ A("A"),
    /** B flat. */ B_FLAT("B flat"),
    /** B. */ B("B");

    private final String spelling;

    PitchClass(String spelling) {
        this.spelling = spelling;
    }

    /** @return semitones above C */
    public int semitone() {
        return ordinal();
    }

    /** @return the name in words, e.g. {@code E flat} */
    public String spelling() {
        return spelling;
    }
}
