package dev.dragon.diffusion.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComposerTest {

    private final Composer composer = new Composer();

    @Test
    void sameSeedGivesTheSameComposition() {
        assertEquals(composer.compose(42), composer.compose(42));
        assertEquals(composer.compose(-7), new Composer().compose(-7));
    }

    @Test
    void differentSeedsGiveDifferentCompositions() {
        assertNotEquals(composer.compose(1).parts(), composer.compose(2).parts());
        assertNotEquals(composer.compose(1).attributes(), composer.compose(2).attributes());
    }

    @Test
    void everyAttributeValueIsDrawn() {
        EnumSet<Instrument> instruments = EnumSet.noneOf(Instrument.class);
        EnumSet<Mode> modes = EnumSet.noneOf(Mode.class);
        EnumSet<Accompaniment> accompaniments = EnumSet.noneOf(Accompaniment.class);
        EnumSet<AccompanimentInstrument> chordInstruments = EnumSet.noneOf(AccompanimentInstrument.class);
        EnumSet<DrumPattern> drums = EnumSet.noneOf(DrumPattern.class);
        EnumSet<Meter> meters = EnumSet.noneOf(Meter.class);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            Attributes a = composer.drawAttributes(random);
            instruments.add(a.instrument());
            modes.add(a.mode());
            accompaniments.add(a.accompaniment());
            if (a.accompanimentInstrument() != null) chordInstruments.add(a.accompanimentInstrument());
            drums.add(a.drums());
            meters.add(a.meter());
            assertTrue(a.bpm() >= a.tempoClass().minBpm() && a.bpm() <= a.tempoClass().maxBpm());
        }
        assertEquals(EnumSet.allOf(Instrument.class), instruments);
        assertEquals(EnumSet.allOf(Mode.class), modes);
        assertEquals(EnumSet.allOf(Accompaniment.class), accompaniments);
        assertEquals(EnumSet.allOf(AccompanimentInstrument.class), chordInstruments);
        assertEquals(EnumSet.allOf(DrumPattern.class), drums);
        assertEquals(EnumSet.allOf(Meter.class), meters);
    }

    @Test
    void partsMatchTheAttributes() {
        for (long seed = 0; seed < 300; seed++) {
            Composition c = composer.compose(seed);
            Attributes a = c.attributes();
            Part melody = c.parts().get(0);
            assertEquals(a.instrument().program(), melody.program());
            assertEquals(a.accompaniment() != Accompaniment.NONE, c.parts().stream().anyMatch(p -> p.role().equals("chords")));
            assertEquals(a.bass(), c.parts().stream().anyMatch(p -> p.role().equals("bass")));
            assertEquals(a.drums() != DrumPattern.NONE, c.parts().stream().anyMatch(p -> p.channel() == 9));
            for (Note n : melody.notes()) {
                int pitchClass = Math.floorMod(n.pitch() - a.tonic().semitone(), 12);
                boolean inMode = false;
                for (int d = 0; d < 7; d++) inMode |= a.mode().semitones(d) == pitchClass;
                assertTrue(inMode, "melody note outside " + a.tonic() + " " + a.mode() + ": " + n);
            }
            // the melody fills the clip: its notes start from 0 to the last beat
            assertEquals(0.0, melody.notes().get(0).startBeat());
            assertTrue(melody.notes().get(melody.notes().size() - 1).startBeat() > c.beats() - 3.01);
        }
    }

    @Test
    void registersAreAnOctaveApartOnAverage() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 50; i++) {
            Attributes a = composer.drawAttributes(random);
            double low = meanPitch(composer.compose(a.withRegister(Register.LOW), i));
            double middle = meanPitch(composer.compose(a.withRegister(Register.MIDDLE), i));
            double high = meanPitch(composer.compose(a.withRegister(Register.HIGH), i));
            assertEquals(12, middle - low, 1e-9);
            assertEquals(12, high - middle, 1e-9);
        }
    }

    @Test
    void fasterTempoPlaysMoreNotesInTheClip() {
        Attributes a = composer.drawAttributes(new SplittableRandom(3));
        int slow = composer.compose(a.withTempo(TempoClass.SLOW, 64), 1).parts().get(0).notes().size();
        int fast = composer.compose(a.withTempo(TempoClass.FAST, 144), 1).parts().get(0).notes().size();
        assertTrue(fast >= 2 * slow, fast + " notes at 144 BPM vs " + slow + " at 64");
    }

    private static double meanPitch(Composition c) {
        return c.parts().get(0).notes().stream().mapToInt(Note::pitch).average().orElseThrow();
    }
}
