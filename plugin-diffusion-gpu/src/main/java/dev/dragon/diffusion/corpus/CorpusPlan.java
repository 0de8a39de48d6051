package dev.dragon.diffusion.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which clips a corpus holds, derived from one seed: the held-out attribute combinations, then each clip's seed,
 * composition and caption. Clip {@code i} of a split depends only on the seed and {@code i}, never on the number
 * of clips, so a larger corpus extends a smaller one and a resumed build plans the same clips.
 *
 * <p>Held out: {@value #HELD_OUT_CELL_PERCENT}% of the {@link AttributeCell}s (instrument × tempo band × register ×
 * dynamics), drawn from the seed. Training clips come only from the other cells, held-out clips only from these, so
 * a held-out prompt asks for a combination never heard in training, made of values that each were.
 */
public final class CorpusPlan {

    /**
     * Version of everything that decides a corpus's content (composer, captions, renderer settings); a change to any
     * of them must change this, so that a resumed build never mixes clips of two versions.
     */
    public static final String GENERATOR_VERSION = "dragon-corpus-1";

    /** Share of the attribute cells held out, in percent. */
    public static final int HELD_OUT_CELL_PERCENT = 12;

    private final long seed;
    private final int trainClips;
    private final int heldOutClips;
    private final Composer composer;
    private final Set<AttributeCell> heldOutCells;

    /**
     * @param seed         the corpus seed
     * @param trainClips   number of training clips, at least 0
     * @param heldOutClips number of held-out clips, at least 0
     * @param composer     what composes the pieces (decides their length)
     */
    public CorpusPlan(long seed, int trainClips, int heldOutClips, Composer composer) {
        if (trainClips < 0 || heldOutClips < 0) throw new IllegalArgumentException("clip counts must not be negative");
        if (trainClips > 999_999 || heldOutClips > 999_999) throw new IllegalArgumentException("at most 999999 clips per split");
        this.seed = seed;
        this.trainClips = trainClips;
        this.heldOutClips = heldOutClips;
        this.composer = composer;
        this.heldOutCells = drawHeldOutCells(seed);
    }

    /** @return the corpus seed */
    public long seed() {
        return seed;
    }

    /** @return the number of training clips */
    public int trainClips() {
        return trainClips;
    }

    /** @return the number of held-out clips */
    public int heldOutClips() {
        return heldOutClips;
    }

    /** @return the attribute combinations no training clip has, in drawing order */
    public Set<AttributeCell> heldOutCells() {
        return Collections.unmodifiableSet(heldOutCells);
    }

    /** @return all clips, training first, each split in index order */
    public List<ClipSpec> clips() {
        List<ClipSpec> all = new ArrayList<>(trainClips + heldOutClips);
        for (int i = 0; i < trainClips; i++) all.add(clip(Split.TRAIN, i));
        for (int i = 0; i < heldOutClips; i++) all.add(clip(Split.HELDOUT, i));
        return all;
    }

    /**
     * @param split the split
     * @param index the clip's index within it
     * @return the clip (computed afresh: composing is cheap, rendering is not)
     */
    public ClipSpec clip(Split split, int index) {
        long clipSeed = Seeds.derive(seed, split.label(), index);
        SplittableRandom random = new SplittableRandom(clipSeed);
        Attributes attributes;
        do {
            attributes = composer.drawAttributes(random);
        } while (heldOutCells.contains(attributes.cell()) != (split == Split.HELDOUT));
        Composition composition = composer.compose(attributes, Seeds.derive(clipSeed, "notes", 0));
        String caption = CaptionWriter.caption(composition, new SplittableRandom(Seeds.derive(clipSeed, "caption", 0)));
        String id = String.format(Locale.ROOT, "%s-%06d", split.label(), index);
        return new ClipSpec(id, split, clipSeed, composition, caption);
    }

    private static Set<AttributeCell> drawHeldOutCells(long seed) {
        int total = AttributeCell.count();
        int[] order = new int[total];
        for (int i = 0; i < total; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "held-out cells", 0));
        for (int i = total - 1; i > 0; i--) { // Fisher–Yates
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int count = Math.max(1, Math.round(total * HELD_OUT_CELL_PERCENT / 100f));
        Set<AttributeCell> cells = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) cells.add(AttributeCell.byIndex(order[i]));
        return cells;
    }
}
