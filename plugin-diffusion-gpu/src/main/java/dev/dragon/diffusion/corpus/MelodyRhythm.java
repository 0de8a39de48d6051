package dev.dragon.diffusion.corpus;

/**
 * The rhythm the melody repeats bar by bar, as note lengths in beats (one array per meter, each summing to a bar).
 */
public enum MelodyRhythm {
    /** Half and dotted-half notes. */
    LONG_NOTES(new double[] {2, 2}, new double[] {3}, "long held notes"),
    /** One note per beat. */
    STEADY_QUARTERS(new double[] {1, 1, 1, 1}, new double[] {1, 1, 1}, "steady quarter notes"),
    /** Two notes per beat. */
    FLOWING_EIGHTHS(new double[] {.5, .5, .5, .5, .5, .5, .5, .5}, new double[] {.5, .5, .5, .5, .5, .5}, "flowing eighth notes"),
    /** Long-short pairs. */
    DOTTED(new double[] {1.5, .5, 1.5, .5}, new double[] {1.5, .5, 1}, "a dotted, lilting rhythm"),
    /** Notes pushed off the beat. */
    SYNCOPATED(new double[] {.5, 1, .5, 1, 1}, new double[] {.5, 1, 1, .5}, "a syncopated rhythm");

    private final double[] fourFour;
    private final double[] threeFour;
    private final String phrase;

    MelodyRhythm(double[] fourFour, double[] threeFour, String phrase) {
        this.fourFour = fourFour;
        this.threeFour = threeFour;
        this.phrase = phrase;
    }

    /**
     * @param meter the meter of the piece
     * @return the note lengths, in beats, of one bar
     */
    public double[] barPattern(Meter meter) {
        return (meter == Meter.FOUR_FOUR ? fourFour : threeFour).clone();
    }

    /** @return how a caption describes the rhythm, e.g. {@code flowing eighth notes} */
    public String phrase() {
        return phrase;
    }
}
