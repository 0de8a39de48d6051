package dev.dragon.clap.tower;

import java.util.SplittableRandom;

/**
 * Cross-modal retrieval on paired embeddings (row i of the audio matches row i of the text): over several random
 * candidate sets of a fixed size, the fraction of queries whose partner ranks first, and within the first five, by
 * cosine similarity, caption → clip and clip → caption. A tie with the partner counts against it.
 *
 * @param captionToClipAt1 caption → clip recall@1
 * @param captionToClipAt5 caption → clip recall@5
 * @param clipToCaptionAt1 clip → caption recall@1
 * @param clipToCaptionAt5 clip → caption recall@5
 * @param candidates       the size of each candidate set
 * @param rounds           how many random sets were averaged
 */
public record RetrievalRecall(double captionToClipAt1, double captionToClipAt5, double clipToCaptionAt1,
                              double clipToCaptionAt5, int candidates, int rounds) {

    /**
     * @param audio      N audio embeddings (any norm)
     * @param text       N text embeddings, paired by row
     * @param candidates the size of each candidate set (≤ N)
     * @param rounds     random sets to average
     * @param seed       decides the sets
     * @return the recalls
     */
    public static RetrievalRecall measure(float[][] audio, float[][] text, int candidates, int rounds, long seed) {
        int n = audio.length;
        if (text.length != n) throw new IllegalArgumentException(n + " audio rows but " + text.length + " text rows");
        if (candidates < 2 || candidates > n) throw new IllegalArgumentException("candidate sets of " + candidates + " need 2.." + n + " pairs");
        if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1");
        double[][] a = unit(audio);
        double[][] t = unit(text);
        SplittableRandom random = new SplittableRandom(seed);
        double[] hits = new double[4];
        for (int r = 0; r < rounds; r++) {
            int[] set = sample(random, n, candidates);
            double[][] sim = new double[candidates][candidates];
            for (int i = 0; i < candidates; i++) {
                for (int j = 0; j < candidates; j++) sim[i][j] = dot(t[set[i]], a[set[j]]);
            }
            for (int q = 0; q < candidates; q++) {
                int clipRank = 0;
                int captionRank = 0;
                for (int o = 0; o < candidates; o++) {
                    if (o == q) continue;
                    if (sim[q][o] >= sim[q][q]) clipRank++;      // caption q: clip o scores at least as high as its own
                    if (sim[o][q] >= sim[q][q]) captionRank++;   // clip q: caption o scores at least as high as its own
                }
                if (clipRank < 1) hits[0]++;
                if (clipRank < 5) hits[1]++;
                if (captionRank < 1) hits[2]++;
                if (captionRank < 5) hits[3]++;
            }
        }
        double total = (double) rounds * candidates;
        return new RetrievalRecall(hits[0] / total, hits[1] / total, hits[2] / total, hits[3] / total, candidates, rounds);
    }

    private static int[] sample(SplittableRandom random, int n, int k) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        return java.util.Arrays.copyOf(all, k);
    }

    private static double[][] unit(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double norm = 0;
            for (float v : rows[i]) norm += (double) v * v;
            norm = Math.sqrt(norm);
            out[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) out[i][j] = norm > 0 ? rows[i][j] / norm : 0;
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    /** @return one line: caption→clip and clip→caption R@1 and R@5 in percent, with chance */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
            "caption->clip R@1 %.1f %%, R@5 %.1f %%; clip->caption R@1 %.1f %%, R@5 %.1f %% (among %d candidates, %d random sets; chance %.1f %% / %.1f %%)",
            100 * captionToClipAt1, 100 * captionToClipAt5, 100 * clipToCaptionAt1, 100 * clipToCaptionAt5, candidates, rounds,
            100.0 / candidates, 500.0 / candidates);
    }
}
