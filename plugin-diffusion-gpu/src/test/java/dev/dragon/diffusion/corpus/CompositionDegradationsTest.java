package dev.dragon.diffusion.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Wrong notes and timing jitter change exactly what they should, as often and as much as set. */
class CompositionDegradationsTest {

    /** A long piece at 100 BPM: a melody of 2000 notes one beat apart and drums on every beat. */
    private static Composition longPiece() {
        Attributes a = new Composer().drawAttributes(new SplittableRandom(3)).withTempo(TempoClass.MODERATE, 100);
        List<Note> melody = new ArrayList<>(), drums = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            melody.add(new Note(60 + i % 12, 80, 10 + i, 0.5));
            drums.add(new Note(36, 90, 10 + i, 0.25));
        }
        return new Composition(1, a, 1300, List.of(new Part("melody", 0, 0, melody), new Part("drums", 9, 0, drums)));
    }

    @Test
    void wrongNotesMoveTheSetShareOfPitchedNotesBySemitoneAndLeaveDrumsAlone() {
        Composition clean = longPiece();
        Composition spoilt = CompositionDegradations.wrongNotes(clean, 0.25, new SplittableRandom(5));
        List<Note> before = clean.parts().get(0).notes(), after = spoilt.parts().get(0).notes();
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            int step = after.get(i).pitch() - before.get(i).pitch();
            assertTrue(step == 0 || Math.abs(step) == 1, "a semitone at most: " + step);
            if (step != 0) changed++;
            assertEquals(before.get(i).startBeat(), after.get(i).startBeat());
            assertEquals(before.get(i).velocity(), after.get(i).velocity());
        }
        // binomial(2000, 0.25): mean 500, sd 19.4; ±4 sd
        assertEquals(500, changed, 78);
        assertEquals(clean.parts().get(1), spoilt.parts().get(1), "drums untouched");
        assertEquals(clean, CompositionDegradations.wrongNotes(clean, 0, new SplittableRandom(5)));
        assertEquals(spoilt, CompositionDegradations.wrongNotes(clean, 0.25, new SplittableRandom(5)), "same seed, same mistakes");
    }

    @Test
    void timingJitterShiftsOnsetsWithTheSetStandardDeviation() {
        Composition clean = longPiece();
        double sdSeconds = 0.04, sdBeats = sdSeconds * 100 / 60.0;
        Composition spoilt = CompositionDegradations.timingJitter(clean, sdSeconds, new SplittableRandom(9));
        for (int p = 0; p < 2; p++) {
            List<Note> before = clean.parts().get(p).notes(), after = spoilt.parts().get(p).notes();
            double sum = 0, squares = 0;
            for (int i = 0; i < before.size(); i++) {
                // notes are a beat apart and the jitter 0.067 beats: the order never changes here
                double shift = after.get(i).startBeat() - before.get(i).startBeat();
                sum += shift;
                squares += shift * shift;
                assertEquals(before.get(i).pitch(), after.get(i).pitch());
                assertEquals(before.get(i).lengthBeats(), after.get(i).lengthBeats());
            }
            double mean = sum / before.size(), sd = Math.sqrt(squares / before.size() - mean * mean);
            // 2000 draws: the sample sd is within ~1.6 % (1 sd) of the true one; mean within 0.0015 beats (1 sd)
            assertEquals(sdBeats, sd, 0.08 * sdBeats, "jitter sd in beats");
            assertEquals(0, mean, 0.006);
        }
    }
}
