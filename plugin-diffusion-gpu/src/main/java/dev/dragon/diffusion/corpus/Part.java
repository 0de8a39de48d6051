package dev.dragon.diffusion.corpus;

import java.util.List;

/**
 * The notes one instrument plays, on its own MIDI channel.
 *
 * @param role    what the part does, e.g. {@code melody}, {@code chords}, {@code bass}, {@code drums}
 * @param channel the MIDI channel, 0-based (9 is the General MIDI drum channel)
 * @param program the General MIDI program (ignored on the drum channel)
 * @param notes   the notes, in onset order
 */
public record Part(String role, int channel, int program, List<Note> notes) {

    /** Copies the note list. */
    public Part {
        notes = List.copyOf(notes);
    }
}
