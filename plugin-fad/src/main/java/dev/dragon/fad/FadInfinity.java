package dev.dragon.fad;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import java.util.SplittableRandom;

/**
 * FAD∞: the Fréchet distance extrapolated to an infinitely large evaluation set. FAD is biased upward by about
 * b/n for a set of n rows, so FAD is measured on seeded random subsets of several sizes n, a least-squares line
 * FAD = a + b·(1/n) is fitted, and its intercept a is FAD∞ (after Chong and Forsyth's FID∞). An evaluation
 * metric, not a training reward.
 */
public final class FadInfinity {

    private FadInfinity() {
    }

    /**
     * @param fadInfinity the intercept of the fit: FAD at 1/n = 0
     * @param slope       the fitted slope b over 1/n
     * @param sizes       the subset sizes used
     * @param distances   the FAD measured at each size
     */
    public record Estimate(double fadInfinity, double slope, int[] sizes, double[] distances) {
    }

    /**
     * Measures at {@code points} sizes evenly spaced from N/10 (at least 2) to N, the full set.
     *
     * @param rows      the evaluation set's embedding rows, N×d
     * @param input     how to name the set in errors
     * @param reference the reference statistics
     * @param points    how many sizes, at least 2
     * @param seed      seeds the subsets, so that the estimate is reproducible
     * @return the estimate
     */
    public static Estimate estimate(FrameEmbeddings rows, String input, ReferenceStatistics reference, int points, long seed) {
        int n = rows.frames();
        if (points < 2) throw new IllegalArgumentException("FAD-infinity needs at least 2 subset sizes, got " + points);
        int smallest = Math.max(2, n / 10);
        if (n < 3 || smallest >= n) throw new IllegalArgumentException(input + ": " + n + " rows are too few to extrapolate FAD");
        int[] sizes = new int[points];
        for (int i = 0; i < points; i++) sizes[i] = (int) Math.round(smallest + (double) (n - smallest) * i / (points - 1));
        return estimate(rows, input, reference, sizes, seed);
    }

    /**
     * @param rows      the evaluation set's embedding rows, N×d
     * @param input     how to name the set in errors
     * @param reference the reference statistics
     * @param sizes     subset sizes, each in 2..N, at least two distinct
     * @param seed      seeds the subsets
     * @return the estimate
     */
    public static Estimate estimate(FrameEmbeddings rows, String input, ReferenceStatistics reference, int[] sizes, long seed) {
        int d = rows.dimension();
        EmbeddingChecks.requireDimension(d, reference.dimension(), input);
        EmbeddingChecks.requireFinite(rows, input);
        double[] distances = new double[sizes.length];
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[rows.frames()];
        for (int i = 0; i < sizes.length; i++) {
            int size = sizes[i];
            if (size < 2 || size > rows.frames()) throw new IllegalArgumentException(input + ": subset size " + size + " outside 2.." + rows.frames());
            for (int k = 0; k < order.length; k++) order[k] = k;
            double[] subset = new double[size * d];
            for (int k = 0; k < size; k++) {
                // partial Fisher–Yates: the first `size` slots become a uniform sample without replacement
                int pick = k + random.nextInt(order.length - k);
                int swap = order[k];
                order[k] = order[pick];
                order[pick] = swap;
                System.arraycopy(rows.values(), order[k] * d, subset, k * d, d);
            }
            ReferenceStatistics stats = new GaussianAccumulator(d, input).add(new FrameEmbeddings(size, d, subset), input).toStatistics("", "");
            distances[i] = FrechetDistance.between(stats.mean(), stats.covariance(), input, reference.mean(), reference.covariance(), "reference statistics");
        }
        double[] line = fitOverInverseN(sizes, distances);
        return new Estimate(line[0], line[1], sizes.clone(), distances);
    }

    /**
     * Ordinary least squares of values against 1/n.
     *
     * @param sizes  the n of each point, at least two distinct
     * @param values the measured values
     * @return {intercept, slope}
     */
    static double[] fitOverInverseN(int[] sizes, double[] values) {
        int m = sizes.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < m; i++) {
            meanX += 1.0 / sizes[i];
            meanY += values[i];
        }
        meanX /= m;
        meanY /= m;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < m; i++) {
            double dx = 1.0 / sizes[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (values[i] - meanY);
        }
        if (sxx == 0) throw new IllegalArgumentException("FAD-infinity needs at least two different subset sizes");
        double slope = sxy / sxx;
        return new double[] {meanY - slope * meanX, slope};
    }
}
