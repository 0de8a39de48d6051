package dev.dragon.diffusion.corpus;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** Turns a {@link Composition} into a standard MIDI {@link Sequence}: one track per part, tempo and meter on the first. */
public final class SequenceWriter {

    /** Ticks per quarter note. */
    public static final int RESOLUTION = 480;

    private static final int SET_TEMPO = 0x51;
    private static final int TIME_SIGNATURE = 0x58;
    private static final int CHANNEL_VOLUME = 7;

    private SequenceWriter() {
    }

    /**
     * @param composition the piece
     * @return its MIDI sequence (a new object each call)
     */
    public static Sequence toSequence(Composition composition) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, RESOLUTION);
            Attributes a = composition.attributes();
            Track conductor = sequence.createTrack();
            int microsPerQuarter = (int) Math.round(60_000_000.0 / a.bpm());
            conductor.add(new MidiEvent(new MetaMessage(SET_TEMPO, new byte[] {
                (byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter}, 3), 0));
            conductor.add(new MidiEvent(new MetaMessage(TIME_SIGNATURE, new byte[] {
                (byte) a.meter().beatsPerBar(), 2, 24, 8}, 4), 0));
            for (Part part : composition.parts()) {
                Track track = sequence.createTrack();
                int channel = part.channel();
                track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, part.program(), 0), 0));
                // a fixed channel volume: loudness differences come from the composition's velocities alone
                track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, CHANNEL_VOLUME, 100), 0));
                for (Note n : part.notes()) {
                    long on = ticks(n.startBeat());
                    long off = Math.max(on + 1, ticks(n.startBeat() + n.lengthBeats()));
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, n.pitch(), n.velocity()), on));
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, n.pitch(), 0), off));
                }
            }
            return sequence;
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("composition does not fit MIDI: " + e.getMessage(), e);
        }
    }

    private static long ticks(double beats) {
        return Math.round(beats * RESOLUTION);
    }
}
