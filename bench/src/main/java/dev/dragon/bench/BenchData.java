package dev.dragon.bench;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.GaussianAccumulator;
import java.util.SplittableRandom;

/** Random inputs of the benchmark sizes; the values do not matter for timing, only the shapes and full rank. */
final class BenchData {

    private BenchData() {
    }

    /** @return rows×cols standard-normal-ish values with correlated neighbouring columns */
    static FrameEmbeddings rows(long seed, int rows, int cols) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] u = new double[rows * cols];
        for (int i = 0; i < u.length; i++) u[i] = random.nextDouble(-1, 1);
        double[] x = new double[u.length];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) x[r * cols + j] = u[r * cols + j] + 0.5 * u[r * cols + (j + 1) % cols];
        }
        return new FrameEmbeddings(rows, cols, x);
    }

    /** @return the statistics of {@code 2·d} random rows (full rank) */
    static ReferenceStatistics statistics(long seed, int d) {
        return new GaussianAccumulator(d, "bench").add(rows(seed, 2 * d, d), "bench").toStatistics("bench", "bench");
    }
}
