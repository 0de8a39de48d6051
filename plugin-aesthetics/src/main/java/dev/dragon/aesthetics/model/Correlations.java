package dev.dragon.aesthetics.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation measures of an aesthetics predictor: PLCC (Pearson's linear correlation) and SRCC (Spearman's
 * rank correlation: Pearson's correlation of the ranks, tied values sharing their average rank, as
 * {@code scipy.stats.spearmanr} does), over all items or as the mean over prompt groups.
 */
public final class Correlations {

    private Correlations() {
    }

    /**
     * The per-group SRCC summary.
     *
     * @param mean          mean SRCC over the groups counted, NaN when none counts
     * @param groupsCounted groups with at least 2 items and ratings that are not all equal
     * @param groupsSkipped groups with at least 2 items whose ratings are all equal (nothing to rank)
     */
    public record GroupedSpearman(double mean, int groupsCounted, int groupsSkipped) {
    }

    /**
     * @return Pearson's r of two equally long series, NaN when either is constant (r is undefined there)
     */
    public static double pearson(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("series differ in length: " + a.length + " vs " + b.length);
        int n = a.length;
        if (n < 2) return Double.NaN;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) return Double.NaN;
        return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
    }

    /** @return Spearman's ρ (Pearson's r of average ranks), NaN when either series is constant */
    public static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    /** @return the 1-based ranks of {@code x}, tied values sharing the mean of their ranks */
    public static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Double.compare(x[p], x[q]));
        double[] r = new double[x.length];
        for (int start = 0; start < x.length; ) {
            int end = start;
            while (end + 1 < x.length && x[order[end + 1]] == x[order[start]]) end++;
            double shared = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) r[order[k]] = shared;
            start = end + 1;
        }
        return r;
    }

    /**
     * Mean SRCC within groups (prompts): each group with at least 2 items contributes its SRCC between
     * predictions and ratings. A group whose ratings are all equal has nothing to rank and is skipped; a group whose
     * predictions are all equal while its ratings differ counts as 0 (the predictor failed to rank it).
     *
     * @param predicted the predictions
     * @param rated     the ratings
     * @param groups    each item's group label
     * @return the mean and the counts
     */
    public static GroupedSpearman groupedSpearman(double[] predicted, double[] rated, String[] groups) {
        if (predicted.length != rated.length || rated.length != groups.length) throw new IllegalArgumentException("series differ in length");
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        double sum = 0;
        int counted = 0, skipped = 0;
        for (List<Integer> items : members.values()) {
            if (items.size() < 2) continue;
            double[] p = new double[items.size()], r = new double[items.size()];
            for (int k = 0; k < p.length; k++) {
                p[k] = predicted[items.get(k)];
                r[k] = rated[items.get(k)];
            }
            if (isConstant(r)) {
                skipped++;
                continue;
            }
            double rho = isConstant(p) ? 0 : spearman(p, r);
            sum += rho;
            counted++;
        }
        return new GroupedSpearman(counted == 0 ? Double.NaN : sum / counted, counted, skipped);
    }

    private static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) return false;
        }
        return true;
    }
}
