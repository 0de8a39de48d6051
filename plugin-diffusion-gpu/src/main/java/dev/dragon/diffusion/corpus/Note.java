package dev.dragon.diffusion.corpus;

/**
 * One note of a part, in musical time.
 *
 * @param pitch       MIDI note number
 * @param velocity    MIDI velocity, 1–127
 * @param startBeat   onset, in beats from the start of the piece
 * @param lengthBeats duration, in beats
 */
public record Note(int pitch, int velocity, double startBeat, double lengthBeats) {

    /** Checks the MIDI ranges. */
    public Note {
        if (pitch < 0 || pitch > 127) throw new IllegalArgumentException("pitch " + pitch);
        if (velocity < 1 || velocity > 127) throw new IllegalArgumentException("velocity " + velocity);
        if (startBeat < 0 || !(lengthBeats > 0)) throw new IllegalArgumentException("timing " + startBeat + "+" + lengthBeats);
    }
}
