package dev.dragon.diffusion.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The score-level degradations of the proxy rating set: they change a {@link Composition} before it is rendered,
 * so the result sounds like a player's mistakes rather than a damaged recording. See {@link Degradation}.
 */
public final class CompositionDegradations {

    /** The General MIDI drum channel: drums have no pitch to get wrong. */
    static final int DRUM_CHANNEL = 9;

    private CompositionDegradations() {
    }

    /**
     * Moves each pitched note (every part but the drums) a semitone up or down, at random, with probability
     * {@code fraction}; a semitone step leaves the key for most notes of a diatonic scale.
     *
     * @param c        the piece
     * @param fraction the probability per note, 0 … 1
     * @param random   the source of choices
     * @return the piece with wrong notes (attributes, seed and length unchanged)
     */
    public static Composition wrongNotes(Composition c, double fraction, SplittableRandom random) {
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        List<Part> parts = new ArrayList<>();
        for (Part p : c.parts()) {
            if (p.channel() == DRUM_CHANNEL) {
                parts.add(p);
                continue;
            }
            List<Note> notes = new ArrayList<>();
            for (Note n : p.notes()) {
                if (random.nextDouble() < fraction) {
                    int step = random.nextBoolean() ? 1 : -1;
                    int pitch = n.pitch() + step >= 0 && n.pitch() + step <= 127 ? n.pitch() + step : n.pitch() - step;
                    notes.add(new Note(pitch, n.velocity(), n.startBeat(), n.lengthBeats()));
                } else {
                    notes.add(n);
                }
            }
            parts.add(new Part(p.role(), p.channel(), p.program(), notes));
        }
        return new Composition(c.seed(), c.attributes(), c.seconds(), parts);
    }

    /**
     * Shifts every note's onset (drums included) by Gaussian noise of standard deviation {@code sdSeconds}, at the
     * piece's tempo; onsets are kept at or after 0 and each part is re-sorted by onset. Lengths are kept.
     *
     * @param c         the piece
     * @param sdSeconds the standard deviation of the shift, in seconds
     * @param random    the source of the shifts
     * @return the piece played unsteadily
     */
    public static Composition timingJitter(Composition c, double sdSeconds, SplittableRandom random) {
        if (!(sdSeconds >= 0)) throw new IllegalArgumentException("jitter must be non-negative, got " + sdSeconds);
        double sdBeats = sdSeconds * c.attributes().bpm() / 60.0;
        List<Part> parts = new ArrayList<>();
        for (Part p : c.parts()) {
            List<Note> notes = new ArrayList<>();
            for (Note n : p.notes()) {
                double start = Math.max(0, n.startBeat() + sdBeats * random.nextGaussian());
                notes.add(new Note(n.pitch(), n.velocity(), start, n.lengthBeats()));
            }
            notes.sort(Comparator.comparingDouble(Note::startBeat));
            parts.add(new Part(p.role(), p.channel(), p.program(), notes));
        }
        return new Composition(c.seed(), c.attributes(), c.seconds(), parts);
    }
}
