package dev.dragon.diffusion.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusPlanTest {

    private final CorpusPlan plan = new CorpusPlan(1, 2000, 200, new Composer());

    @Test
    void heldOutCombinationsNeverOccurInTraining() {
        Set<AttributeCell> held = plan.heldOutCells();
        assertEquals(Math.round(AttributeCell.count() * CorpusPlan.HELD_OUT_CELL_PERCENT / 100f), held.size());
        Set<String> trainCaptions = new HashSet<>();
        EnumSet<Instrument> trainInstruments = EnumSet.noneOf(Instrument.class);
        for (ClipSpec c : plan.clips()) {
            boolean inHeldCell = held.contains(c.composition().attributes().cell());
            assertEquals(c.split() == Split.HELDOUT, inHeldCell, c.id());
            if (c.split() == Split.TRAIN) {
                trainCaptions.add(c.caption());
                trainInstruments.add(c.composition().attributes().instrument());
            }
        }
        for (ClipSpec c : plan.clips()) {
            if (c.split() == Split.HELDOUT) assertFalse(trainCaptions.contains(c.caption()), c.caption());
        }
        // every single value is still taught: only combinations are held out
        assertEquals(EnumSet.allOf(Instrument.class), trainInstruments);
    }

    @Test
    void clipsDependOnTheirIndexNotOnTheCorpusSize() {
        CorpusPlan small = new CorpusPlan(1, 5, 3, new Composer());
        assertEquals(plan.clip(Split.TRAIN, 4), small.clip(Split.TRAIN, 4));
        assertEquals(plan.clip(Split.HELDOUT, 2), small.clip(Split.HELDOUT, 2));
        assertEquals(plan.heldOutCells(), small.heldOutCells());
    }

    @Test
    void differentSeedsPlanDifferentCorpora() {
        CorpusPlan other = new CorpusPlan(2, 5, 3, new Composer());
        assertNotEquals(plan.heldOutCells(), other.heldOutCells());
        assertNotEquals(plan.clip(Split.TRAIN, 0).composition(), other.clip(Split.TRAIN, 0).composition());
    }

    @Test
    void idsAreUniqueAndCaptionsMostlyDistinct() {
        List<ClipSpec> clips = plan.clips();
        Set<String> ids = new HashSet<>();
        Set<String> captions = new HashSet<>();
        for (ClipSpec c : clips) {
            assertTrue(ids.add(c.id()), c.id());
            captions.add(c.caption());
        }
        assertEquals("train-000000", clips.get(0).id());
        assertEquals("heldout-000199", clips.get(clips.size() - 1).id());
        assertTrue(captions.size() > 0.98 * clips.size(), captions.size() + " distinct captions of " + clips.size());
    }
}
