package dev.dragon.diffusion.corpus;

/** The overall shape of the melody over the clip. */
public enum Contour {
    /** From low to high. */
    RISING("a rising melody", "climbs steadily"),
    /** From high to low. */
    FALLING("a falling melody", "descends"),
    /** Up, then down. */
    ARCH("an arching melody", "rises and falls"),
    /** Down, then up. */
    VALLEY("a dipping melody", "dips and rises again"),
    /** Hovering around the middle. */
    WAVERING("a wavering melody", "hovers around the middle of its range");

    private final String nounPhrase;
    private final String verbPhrase;

    Contour(String nounPhrase, String verbPhrase) {
        this.nounPhrase = nounPhrase;
        this.verbPhrase = verbPhrase;
    }

    /**
     * @param t position in the clip, 0 at the start, 1 at the end
     * @return the melody's target height at {@code t}, in −1 (bottom of its range) … 1 (top)
     */
    public double height(double t) {
        return switch (this) {
            case RISING -> -1 + 2 * t;
            case FALLING -> 1 - 2 * t;
            case ARCH -> 1 - 2 * Math.abs(2 * t - 1) * Math.abs(2 * t - 1);
            case VALLEY -> -1 + 2 * Math.abs(2 * t - 1) * Math.abs(2 * t - 1);
            case WAVERING -> 0.35 * Math.sin(4 * Math.PI * t);
        };
    }

    /** @return the contour as a noun phrase, e.g. {@code a rising melody} */
    public String nounPhrase() {
        return nounPhrase;
    }

    /** @return the contour as a verb phrase with the melody as subject, e.g. {@code climbs steadily} */
    public String verbPhrase() {
        return verbPhrase;
    }
}
