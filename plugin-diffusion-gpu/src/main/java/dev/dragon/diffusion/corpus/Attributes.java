package dev.dragon.diffusion.corpus;

import java.util.Objects;

/**
 * Everything a caption may say about a piece: the choices a {@link Composer} draws first and then realises as
 * notes. Captions are written from these, never from the notes, so they can only say what was chosen.
 *
 * @param instrument              the melody instrument
 * @param tempoClass              the tempo band
 * @param bpm                     the exact tempo, inside {@code tempoClass}
 * @param tonic                   the key's tonic
 * @param mode                    the key's mode
 * @param register                the melody's pitch range
 * @param dynamics                how loud everything is played
 * @param meter                   beats per bar
 * @param rhythm                  the melody's rhythm
 * @param contour                 the melody's shape
 * @param progression             the chords
 * @param accompaniment           how the chords are played ({@link Accompaniment#NONE}: not at all)
 * @param accompanimentInstrument who plays the chords; null exactly when there is no accompaniment
 * @param bass                    whether a bass plays the chord roots
 * @param drums                   what the drums play
 */
public record Attributes(Instrument instrument, TempoClass tempoClass, int bpm, PitchClass tonic, Mode mode,
    Register register, Dynamics dynamics, Meter meter, MelodyRhythm rhythm, Contour contour, Progression progression,
    Accompaniment accompaniment, AccompanimentInstrument accompanimentInstrument, boolean bass, DrumPattern drums) {

    /** Checks that the choices are complete and consistent. */
    public Attributes {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(tempoClass, "tempoClass");
        Objects.requireNonNull(tonic, "tonic");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(rhythm, "rhythm");
        Objects.requireNonNull(contour, "contour");
        Objects.requireNonNull(progression, "progression");
        Objects.requireNonNull(accompaniment, "accompaniment");
        Objects.requireNonNull(drums, "drums");
        if (bpm < tempoClass.minBpm() || bpm > tempoClass.maxBpm()) {
            throw new IllegalArgumentException(bpm + " BPM is not " + tempoClass);
        }
        if ((accompaniment == Accompaniment.NONE) != (accompanimentInstrument == null)) {
            throw new IllegalArgumentException("an accompaniment needs an instrument, and only an accompaniment has one");
        }
        if (accompanimentInstrument != null && !accompanimentInstrument.plays(accompaniment)) {
            throw new IllegalArgumentException(accompanimentInstrument + " does not play " + accompaniment);
        }
    }

    /** @return whether the melody instrument plays alone (no chords, bass or drums) */
    public boolean solo() {
        return accompaniment == Accompaniment.NONE && !bass && drums == DrumPattern.NONE;
    }

    /** @return the combination of the attributes a listener hears first, used to hold whole combinations out */
    public AttributeCell cell() {
        return new AttributeCell(instrument, tempoClass, register, dynamics);
    }

    /** @return a copy at another tempo (the band follows the tempo) */
    public Attributes withTempo(TempoClass newClass, int newBpm) {
        return new Attributes(instrument, newClass, newBpm, tonic, mode, register, dynamics, meter, rhythm, contour,
            progression, accompaniment, accompanimentInstrument, bass, drums);
    }

    /** @return a copy with the melody in another register */
    public Attributes withRegister(Register newRegister) {
        return new Attributes(instrument, tempoClass, bpm, tonic, mode, newRegister, dynamics, meter, rhythm, contour,
            progression, accompaniment, accompanimentInstrument, bass, drums);
    }

    /** @return a copy played at another dynamic level */
    public Attributes withDynamics(Dynamics newDynamics) {
        return new Attributes(instrument, tempoClass, bpm, tonic, mode, register, newDynamics, meter, rhythm, contour,
            progression, accompaniment, accompanimentInstrument, bass, drums);
    }

    /** @return a copy with another melody instrument */
    public Attributes withInstrument(Instrument newInstrument) {
        return new Attributes(newInstrument, tempoClass, bpm, tonic, mode, register, dynamics, meter, rhythm, contour,
            progression, accompaniment, accompanimentInstrument, bass, drums);
    }

    /** @return a copy with the melody alone: no accompaniment, bass or drums */
    public Attributes alone() {
        return new Attributes(instrument, tempoClass, bpm, tonic, mode, register, dynamics, meter, rhythm, contour,
            progression, Accompaniment.NONE, null, false, DrumPattern.NONE);
    }
}
