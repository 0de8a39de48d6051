package dev.dragon.diffusion.corpus;

import java.util.List;

/**
 * A short piece: the {@link Attributes} it was composed from, the seed that chose its notes, and the parts.
 *
 * @param seed       the seed the {@link Composer} realised the attributes with
 * @param attributes what the piece is (and what its caption says)
 * @param seconds    how long the clip lasts; notes still sounding then are cut
 * @param parts      the instruments' notes
 */
public record Composition(long seed, Attributes attributes, double seconds, List<Part> parts) {

    /** Copies the part list. */
    public Composition {
        parts = List.copyOf(parts);
    }

    /** @return the length of the clip in beats at the piece's tempo */
    public double beats() {
        return seconds * attributes.bpm() / 60.0;
    }
}
