package dev.dragon.diffusion.corpus;

import java.util.Locale;

/**
 * One rated clip of the proxy rating set: a corpus piece, clean or spoilt by one {@link Degradation} at one severity.
 *
 * @param clipId      the piece's id, also the prompt group of all its versions, e.g. {@code clip-000042}
 * @param source      the clean piece
 * @param degradation what spoils it, or null for the clean version
 * @param severity    0 for the clean version, else 1 … {@link Degradation#MAX_SEVERITY}
 * @param seed        the seed of the degradation's random choices
 */
public record ProxyItem(String clipId, ClipSpec source, Degradation degradation, int severity, long seed) {

    /** Rating of a clean clip; each severity step takes one point off. */
    public static final int CLEAN_RATING = 4;

    /** Checks that severity and degradation agree. */
    public ProxyItem {
        if ((degradation == null) != (severity == 0)) throw new IllegalArgumentException("a clean item has severity 0, a degraded one 1 to 3");
        if (severity < 0 || severity > Degradation.MAX_SEVERITY) throw new IllegalArgumentException("severity " + severity);
    }

    /** @return the rating: {@value #CLEAN_RATING} − severity (clean 4, mild 3, medium 2, severe 1) */
    public int rating() {
        return CLEAN_RATING - severity;
    }

    /** @return the WAV file's path relative to the set's folder */
    public String file() {
        return degradation == null ? "audio/" + clipId + "-clean.wav"
            : String.format(Locale.ROOT, "audio/%s-%s-%d.wav", clipId, degradation.label(), severity);
    }
}
