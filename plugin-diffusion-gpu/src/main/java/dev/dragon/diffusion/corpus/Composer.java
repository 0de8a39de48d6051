package dev.dragon.diffusion.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Composes short pieces from a seed: first the {@link Attributes} (what a caption may say), then the notes that
 * realise them (melody, chords, bass, drums). The same seed gives the same composition on every machine: all
 * choices come from {@link SplittableRandom}s seeded explicitly, in a fixed order.
 */
public final class Composer {

    /** Clip length used by the corpus, in seconds. */
    public static final double DEFAULT_SECONDS = 4.0;

    /** General MIDI program of the bass part (Acoustic Bass). */
    public static final int BASS_PROGRAM = 32;

    private static final int MELODY_CHANNEL = 0;
    private static final int CHORD_CHANNEL = 1;
    private static final int BASS_CHANNEL = 2;
    private static final int DRUM_CHANNEL = 9;
    private static final int KICK = 36;
    private static final int SNARE = 38;
    private static final int CLOSED_HAT = 42;

    // Melody range in scale degrees relative to the register's tonic: a little under an octave and a half.
    private static final double MELODY_CENTRE = 3.5;
    private static final double MELODY_HALF_SPAN = 4.5;
    private static final int MELODY_LOWEST_DEGREE = -2;
    private static final int MELODY_HIGHEST_DEGREE = 9;

    private final double seconds;

    /** A composer of {@link #DEFAULT_SECONDS}-second pieces. */
    public Composer() {
        this(DEFAULT_SECONDS);
    }

    /** @param seconds the length of each piece, positive */
    public Composer(double seconds) {
        if (!(seconds > 0)) throw new IllegalArgumentException("seconds must be positive, got " + seconds);
        this.seconds = seconds;
    }

    /**
     * Draws attributes and notes from one seed.
     *
     * @param seed any value
     * @return the piece
     */
    public Composition compose(long seed) {
        return compose(drawAttributes(new SplittableRandom(seed)), Seeds.derive(seed, "notes", 0));
    }

    /**
     * Draws the attributes of a piece, uniformly over each attribute's values except where noted: one in four pieces
     * is in 3/4; three in ten have no chords; half have drums.
     *
     * @param random the source of choices (advanced by this call)
     * @return the attributes
     */
    public Attributes drawAttributes(SplittableRandom random) {
        Instrument instrument = pick(random, Instrument.values());
        TempoClass tempo = pick(random, TempoClass.values());
        int bpm = random.nextInt(tempo.minBpm(), tempo.maxBpm() + 1);
        PitchClass tonic = pick(random, PitchClass.values());
        Mode mode = pick(random, Mode.values());
        Register register = pick(random, Register.values());
        Dynamics dynamics = pick(random, Dynamics.values());
        Meter meter = random.nextInt(4) == 0 ? Meter.THREE_FOUR : Meter.FOUR_FOUR;
        MelodyRhythm rhythm = pick(random, MelodyRhythm.values());
        Contour contour = pick(random, Contour.values());
        Progression progression = pick(random, Progression.values());
        Accompaniment accompaniment = Accompaniment.NONE;
        AccompanimentInstrument chords = null;
        if (random.nextInt(10) >= 3) {
            accompaniment = Accompaniment.values()[1 + random.nextInt(Accompaniment.values().length - 1)];
            List<AccompanimentInstrument> players = new ArrayList<>();
            for (AccompanimentInstrument p : AccompanimentInstrument.values()) {
                // the same instrument twice would make the caption say less than the listener hears
                if (p.plays(accompaniment) && p.program() != instrument.program()) players.add(p);
            }
            chords = players.get(random.nextInt(players.size()));
        }
        boolean bass = random.nextInt(10) < (accompaniment == Accompaniment.NONE ? 2 : 5);
        int d = random.nextInt(10);
        DrumPattern drums = d < 5 ? DrumPattern.NONE : d < 8 ? DrumPattern.BACKBEAT : DrumPattern.LIGHT_PERCUSSION;
        return new Attributes(instrument, tempo, bpm, tonic, mode, register, dynamics, meter, rhythm, contour,
            progression, accompaniment, chords, bass, drums);
    }

    /**
     * Realises attributes as notes.
     *
     * @param attributes what to compose
     * @param noteSeed   the seed of the note-level choices (melody steps, velocity nuances)
     * @return the piece
     */
    public Composition compose(Attributes attributes, long noteSeed) {
        SplittableRandom random = new SplittableRandom(noteSeed);
        double beats = seconds * attributes.bpm() / 60.0;
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("melody", MELODY_CHANNEL, attributes.instrument().program(), melody(attributes, beats, random)));
        if (attributes.accompaniment() != Accompaniment.NONE) {
            parts.add(new Part("chords", CHORD_CHANNEL, attributes.accompanimentInstrument().program(), chords(attributes, beats)));
        }
        if (attributes.bass()) parts.add(new Part("bass", BASS_CHANNEL, BASS_PROGRAM, bass(attributes, beats)));
        if (attributes.drums() != DrumPattern.NONE) parts.add(new Part("drums", DRUM_CHANNEL, 0, drums(attributes, beats)));
        return new Composition(noteSeed, attributes, seconds, parts);
    }

    private static List<Note> melody(Attributes a, double beats, SplittableRandom random) {
        int lowest = a.register().lowestNote();
        // the tonic nearest the register's floor, so the melody sits in the register whatever the key
        int tonicNote = lowest + Math.floorMod(a.tonic().semitone() - lowest + 6, 12) - 6;
        double[] pattern = a.rhythm().barPattern(a.meter());
        int beatsPerChord = a.meter().beatsPerChord();
        List<Note> notes = new ArrayList<>();
        double beat = 0;
        int degree = (int) Math.round(MELODY_CENTRE + MELODY_HALF_SPAN * a.contour().height(0));
        for (int i = 0; beat < beats; i++) {
            double length = pattern[i % pattern.length];
            double target = MELODY_CENTRE + MELODY_HALF_SPAN * a.contour().height(Math.min(1, beat / beats));
            // move towards the contour, with a small random step so that phrases differ
            int step = (int) Math.signum(Math.round(target - degree)) + random.nextInt(3) - 1;
            degree = clamp(degree + step, MELODY_LOWEST_DEGREE, MELODY_HIGHEST_DEGREE);
            boolean chordChange = Math.abs(beat / beatsPerChord - Math.rint(beat / beatsPerChord)) < 1e-9;
            if (chordChange) degree = nearestChordTone(degree, a.progression().degreeAt((int) Math.rint(beat / beatsPerChord)));
            boolean downbeat = Math.abs(beat % a.meter().beatsPerBar()) < 1e-9;
            boolean onBeat = Math.abs(beat - Math.rint(beat)) < 1e-9;
            int velocity = a.dynamics().velocity() + (downbeat ? 8 : onBeat ? 3 : -2) + random.nextInt(-3, 4);
            notes.add(new Note(tonicNote + a.mode().semitones(degree), clampVelocity(velocity), beat, length * 0.92));
            beat += length;
        }
        return notes;
    }

    private static int nearestChordTone(int degree, int root) {
        for (int distance = 0; ; distance++) {
            if (Math.floorMod(degree - distance - root, 7) % 2 == 0 && Math.floorMod(degree - distance - root, 7) != 6) {
                return clamp(degree - distance, MELODY_LOWEST_DEGREE, MELODY_HIGHEST_DEGREE);
            }
            if (Math.floorMod(degree + distance - root, 7) % 2 == 0 && Math.floorMod(degree + distance - root, 7) != 6) {
                return clamp(degree + distance, MELODY_LOWEST_DEGREE, MELODY_HIGHEST_DEGREE);
            }
        }
    }

    private static List<Note> chords(Attributes a, double beats) {
        int span = a.meter().beatsPerChord();
        int velocity = clampVelocity(a.dynamics().velocity() - 14);
        List<Note> notes = new ArrayList<>();
        for (int k = 0; k * span < beats; k++) {
            int[] tones = triad(a, a.progression().degreeAt(k), 52);
            double start = k * span;
            switch (a.accompaniment()) {
                case HELD_CHORDS -> {
                    for (int t : tones) notes.add(new Note(t, velocity, start, span * 0.98));
                }
                case BLOCK_CHORDS -> {
                    for (int b = 0; b < span; b++) {
                        for (int t : tones) notes.add(new Note(t, velocity, start + b, 0.85));
                    }
                }
                case ARPEGGIOS -> {
                    int[] order = {tones[0], tones[1], tones[2], tones[0] + 12};
                    for (int e = 0; e < 2 * span; e++) notes.add(new Note(order[e % 4], velocity, start + 0.5 * e, 0.9));
                }
                case NONE -> throw new IllegalStateException("no accompaniment to compose");
            }
        }
        return notes;
    }

    private static List<Note> bass(Attributes a, double beats) {
        int span = a.meter().beatsPerChord();
        int velocity = clampVelocity(a.dynamics().velocity() - 4);
        List<Note> notes = new ArrayList<>();
        for (int k = 0; k * span < beats; k++) {
            int root = triad(a, a.progression().degreeAt(k), 36)[0];
            notes.add(new Note(root, velocity, k * span, span * 0.95));
        }
        return notes;
    }

    private static List<Note> drums(Attributes a, double beats) {
        int perBar = a.meter().beatsPerBar();
        int hit = clampVelocity(a.dynamics().velocity() - 6);
        int hat = clampVelocity(a.dynamics().velocity() - 24);
        List<Note> notes = new ArrayList<>();
        for (int e = 0; e * 0.5 < beats; e++) {
            double beat = e * 0.5;
            int inBar = (int) Math.floor(beat) % perBar;
            boolean onBeat = e % 2 == 0;
            notes.add(new Note(CLOSED_HAT, onBeat ? hat : clampVelocity(hat - 10), beat, 0.25));
            if (!onBeat) continue;
            if (inBar == 0) notes.add(new Note(KICK, hit, beat, 0.5));
            if (a.drums() == DrumPattern.BACKBEAT) {
                if (perBar == 4 && inBar == 2) notes.add(new Note(KICK, hit, beat, 0.5));
                if (perBar == 4 ? inBar % 2 == 1 : inBar > 0) notes.add(new Note(SNARE, perBar == 4 ? hit : clampVelocity(hit - 20), beat, 0.5));
            }
        }
        return notes;
    }

    /** Root, third and fifth of the diatonic triad on {@code root}, each moved into the octave above {@code floor}. */
    private static int[] triad(Attributes a, int root, int floor) {
        int[] tones = new int[3];
        for (int i = 0; i < 3; i++) {
            int pitchClass = a.tonic().semitone() + a.mode().semitones(root + 2 * i);
            tones[i] = floor + Math.floorMod(pitchClass - floor, 12);
        }
        return tones;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int clampVelocity(int v) {
        return clamp(v, 1, 127);
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
