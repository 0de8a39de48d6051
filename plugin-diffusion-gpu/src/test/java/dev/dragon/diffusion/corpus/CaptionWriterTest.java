package dev.dragon.diffusion.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CaptionWriterTest {

    private static final Pattern SOLO = Pattern.compile("played solo|unaccompanied|with no accompaniment");
    private static final Pattern BPM = Pattern.compile("at (\\d+) BPM");

    private final CorpusPlan plan = new CorpusPlan(11, 600, 100, new Composer());

    @Test
    void captionsStateEveryCoreAttributeAndNoContradictingOne() {
        for (ClipSpec clip : plan.clips()) {
            String caption = clip.caption();
            Attributes a = clip.composition().attributes();
            assertTrue(has(caption, a.instrument().noun()), caption);
            assertTrue(caption.contains(a.tonic().spelling() + " " + a.mode().word()), caption);
            for (TempoClass t : TempoClass.values()) assertEquals(t == a.tempoClass(), hasAny(caption, t.adjectives()), caption);
            for (Dynamics d : Dynamics.values()) assertEquals(d == a.dynamics(), hasAny(caption, d.adjectives()), caption);
            for (Register r : Register.values()) {
                boolean said = hasAny(caption, r.adjectives()) || caption.contains("the " + r.word() + " register");
                assertEquals(r == a.register(), said, caption);
            }
        }
    }

    @Test
    void captionsNameTheOtherPartsOrSayTheInstrumentPlaysAlone() {
        for (ClipSpec clip : plan.clips()) {
            String caption = clip.caption();
            Attributes a = clip.composition().attributes();
            assertEquals(a.solo(), SOLO.matcher(caption).find(), caption);
            if (a.accompanimentInstrument() != null) {
                assertTrue(caption.contains(a.accompanimentInstrument().noun() + " " + a.accompaniment().verbPhrase()), caption);
            }
            for (Accompaniment style : Accompaniment.values()) {
                if (style != Accompaniment.NONE && style != a.accompaniment()) assertFalse(caption.contains(style.verbPhrase()), caption);
            }
            assertEquals(a.bass(), caption.contains("upright bass"), caption);
            for (DrumPattern d : DrumPattern.values()) {
                if (d != DrumPattern.NONE) assertEquals(d == a.drums(), caption.contains(d.nounPhrase()), caption);
            }
        }
    }

    @Test
    void optionalDetailsAreTrueWhenPresent() {
        int mentionedBpm = 0;
        for (ClipSpec clip : plan.clips()) {
            String caption = clip.caption();
            Attributes a = clip.composition().attributes();
            Matcher bpm = BPM.matcher(caption);
            if (bpm.find()) {
                mentionedBpm++;
                assertEquals(a.bpm(), Integer.parseInt(bpm.group(1)), caption);
            }
            if (caption.contains("3/4")) assertEquals(Meter.THREE_FOUR, a.meter(), caption);
            if (caption.contains("4/4")) assertEquals(Meter.FOUR_FOUR, a.meter(), caption);
            for (MelodyRhythm r : MelodyRhythm.values()) {
                if (caption.contains(r.phrase())) assertEquals(a.rhythm(), r, caption);
            }
            for (Contour c : Contour.values()) {
                if (caption.contains(c.verbPhrase())) assertEquals(a.contour(), c, caption);
            }
            if (caption.contains("following the chords")) {
                assertTrue(caption.contains(a.progression().numerals(a.mode(), 2)), caption);
            }
        }
        assertTrue(mentionedBpm > 100 && mentionedBpm < 400, mentionedBpm + " of 700 captions give the BPM");
    }

    @Test
    void sameSeedSameCaptionAndWordingVaries() {
        Composition c = new Composer().compose(77);
        assertEquals(CaptionWriter.caption(c, new SplittableRandom(3)), CaptionWriter.caption(c, new SplittableRandom(3)));
        Set<String> wordings = new HashSet<>();
        for (int seed = 0; seed < 40; seed++) wordings.add(CaptionWriter.caption(c, new SplittableRandom(seed)));
        assertTrue(wordings.size() > 20, wordings.size() + " wordings of one composition");
        for (String w : wordings) assertFalse(w.contains("\t") || w.contains("\n"));
    }

    private static boolean hasAny(String caption, String[] words) {
        for (String w : words) {
            if (has(caption, w)) return true;
        }
        return false;
    }

    private static boolean has(String caption, String word) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(word) + "(?![\\w-])").matcher(caption).find();
    }
}
