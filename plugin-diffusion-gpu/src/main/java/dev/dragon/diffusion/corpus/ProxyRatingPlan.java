package dev.dragon.diffusion.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Which clips the proxy rating set holds, from one seed: pieces 0 … N−1 of the training split of the corpus with that
 * seed ({@link CorpusPlan}), each clean and in {@code copies} spoilt versions, whose (degradation, severity) pairs are
 * drawn without replacement from the {@value #PAIRS} possible ones. Piece {@code i} and its versions depend only on
 * the seed and {@code i}.
 */
public final class ProxyRatingPlan {

    /** Version of everything that decides the set's content; change it with any change to the degradations or ratings. */
    public static final String GENERATOR_VERSION = "dragon-proxy-ratings-1";

    /** The number of (degradation, severity) pairs. */
    public static final int PAIRS = 6 * Degradation.MAX_SEVERITY;

    private final long seed;
    private final int clips;
    private final int copies;
    private final CorpusPlan corpus;

    /**
     * @param seed     the seed
     * @param clips    the number of pieces, at least 1
     * @param copies   spoilt versions per piece, 1 … {@value #PAIRS}
     * @param composer what composes the pieces (decides their length)
     */
    public ProxyRatingPlan(long seed, int clips, int copies, Composer composer) {
        if (clips < 1 || clips > 999_999) throw new IllegalArgumentException("clips must be 1 to 999999, got " + clips);
        if (copies < 1 || copies > PAIRS) throw new IllegalArgumentException("copies must be 1 to " + PAIRS + ", got " + copies);
        if (Degradation.values().length * Degradation.MAX_SEVERITY != PAIRS) throw new IllegalStateException("PAIRS is stale");
        this.seed = seed;
        this.clips = clips;
        this.copies = copies;
        this.corpus = new CorpusPlan(seed, clips, 0, composer);
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the number of pieces */
    public int clips() {
        return clips;
    }

    /** @return spoilt versions per piece */
    public int copies() {
        return copies;
    }

    /**
     * @param index the piece, 0 … clips−1
     * @return its clean version first, then its spoilt versions ordered by degradation and severity
     */
    public List<ProxyItem> itemsOf(int index) {
        ClipSpec source = corpus.clip(Split.TRAIN, index);
        String clipId = String.format(Locale.ROOT, "clip-%06d", index);
        List<ProxyItem> items = new ArrayList<>();
        items.add(new ProxyItem(clipId, source, null, 0, 0));
        int[] order = new int[PAIRS];
        for (int k = 0; k < PAIRS; k++) order[k] = k;
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "proxy copies", index));
        for (int k = PAIRS - 1; k > 0; k--) { // Fisher–Yates
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        List<ProxyItem> spoilt = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            Degradation d = Degradation.values()[order[k] / Degradation.MAX_SEVERITY];
            int severity = 1 + order[k] % Degradation.MAX_SEVERITY;
            spoilt.add(new ProxyItem(clipId, source, d, severity, Seeds.derive(seed, "proxy " + d.label() + " " + severity, index)));
        }
        spoilt.sort(Comparator.comparing(ProxyItem::degradation).thenComparingInt(ProxyItem::severity));
        items.addAll(spoilt);
        return items;
    }
}
