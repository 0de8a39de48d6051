package dev.dragon.diffusion.corpus;

/** Chord progressions as scale degrees (0-based), built as triads inside whatever mode the piece is in. */
public enum Progression {
    /** I–IV–V–I. */
    ONE_FOUR_FIVE_ONE(0, 3, 4, 0),
    /** I–V–vi–IV. */
    ONE_FIVE_SIX_FOUR(0, 4, 5, 3),
    /** I–vi–IV–V. */
    ONE_SIX_FOUR_FIVE(0, 5, 3, 4),
    /** I–IV–I–V. */
    ONE_FOUR_ONE_FIVE(0, 3, 0, 4),
    /** I–vi–ii–V. */
    ONE_SIX_TWO_FIVE(0, 5, 1, 4),
    /** I–ii–IV–I. */
    ONE_TWO_FOUR_ONE(0, 1, 3, 0);

    private static final String[] NUMERALS = {"I", "II", "III", "IV", "V", "VI", "VII"};

    private final int[] degrees;

    Progression(int... degrees) {
        this.degrees = degrees;
    }

    /** @return the roots of the chords, as scale degrees, in order */
    public int[] degrees() {
        return degrees.clone();
    }

    /**
     * @param index which chord, counting from 0; the progression repeats
     * @return the scale degree of that chord's root
     */
    public int degreeAt(int index) {
        return degrees[Math.floorMod(index, degrees.length)];
    }

    /**
     * Names the first {@code count} chords in Roman numerals with the qualities they have in {@code mode}
     * (upper case major, lower case minor, ° diminished, + augmented), e.g. {@code i–VI–III–VII} in minor.
     *
     * @param mode  the mode the chords are built in
     * @param count how many chords to name, at most one full cycle
     * @return the numerals joined with en dashes
     */
    public String numerals(Mode mode, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(count, degrees.length); i++) {
            if (i > 0) s.append('\u2013');
            int d = degrees[i];
            int third = mode.semitones(d + 2) - mode.semitones(d);
            int fifth = mode.semitones(d + 4) - mode.semitones(d);
            String numeral = NUMERALS[d];
            if (third == 3) numeral = numeral.toLowerCase(java.util.Locale.ROOT);
            s.append(numeral);
            if (third == 3 && fifth == 6) s.append('\u00B0');
            if (third == 4 && fifth == 8) s.append('+');
        }
        return s.toString();
    }
}
