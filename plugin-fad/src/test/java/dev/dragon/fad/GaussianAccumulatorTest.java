package dev.dragon.fad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import org.junit.jupiter.api.Test;

class GaussianAccumulatorTest {

    private static final int D = 64;
    private static final int FRAMES = 100_000;
    private static final int BLOCK = 997;

    /** Block b of the stream, regenerated on demand so that no test ever holds the whole stream. */
    private static FrameEmbeddings block(int b) {
        int rows = Math.min(BLOCK, FRAMES - b * BLOCK);
        return GeneratedEmbeddings.generate(1000 + b, rows, D, 0.5, -0.25, 3.0 + b % 5);
    }

    private static int blocks() {
        return (FRAMES + BLOCK - 1) / BLOCK;
    }

    @Test
    void streamsAHundredThousandFramesInConstantStateAndMatchesTwoPasses() {
        GaussianAccumulator acc = new GaussianAccumulator(D, "stream");
        for (int b = 0; b < blocks(); b++) {
            acc.add(block(b), "block " + b);
            // the state never grows with the number of frames: d + d² doubles, nothing per row
            assertEquals(D + D * D, acc.retainedDoubles());
        }
        ReferenceStatistics streamed = acc.toStatistics("enc", "set");
        assertEquals(FRAMES, streamed.count());

        // two passes over the regenerated stream: mean, then centred second moments
        double[] mean = new double[D];
        for (int b = 0; b < blocks(); b++) {
            double[] x = block(b).values();
            for (int i = 0; i < x.length; i++) mean[i % D] += x[i];
        }
        for (int j = 0; j < D; j++) mean[j] /= FRAMES;
        double[] cov = new double[D * D];
        for (int b = 0; b < blocks(); b++) {
            FrameEmbeddings f = block(b);
            double[] x = f.values();
            for (int t = 0; t < f.frames(); t++) {
                for (int i = 0; i < D; i++) {
                    double di = x[t * D + i] - mean[i];
                    for (int j = 0; j < D; j++) cov[i * D + j] += di * (x[t * D + j] - mean[j]);
                }
            }
        }
        double scale = 0;
        for (int i = 0; i < cov.length; i++) {
            cov[i] /= FRAMES - 1;
            scale = Math.max(scale, Math.abs(cov[i]));
        }
        for (int j = 0; j < D; j++) assertEquals(mean[j], streamed.mean()[j], 1e-9 * Math.abs(mean[j]));
        for (int i = 0; i < cov.length; i++) assertEquals(cov[i], streamed.covariance()[i], 1e-9 * scale);
    }

    @Test
    void mergingWorkersEqualsOneAccumulator() {
        GaussianAccumulator whole = new GaussianAccumulator(D, "whole");
        GaussianAccumulator left = new GaussianAccumulator(D, "left");
        GaussianAccumulator right = new GaussianAccumulator(D, "right");
        for (int b = 0; b < 6; b++) {
            whole.add(block(b), "block");
            (b % 2 == 0 ? left : right).add(block(b), "block");
        }
        ReferenceStatistics expected = whole.toStatistics("e", "h");
        ReferenceStatistics merged = left.merge(right).toStatistics("e", "h");
        assertEquals(expected.count(), merged.count());
        assertArrayEquals(expected.mean(), merged.mean(), 1e-12);
        assertArrayEquals(expected.covariance(), merged.covariance(), 1e-12);
    }

    @Test
    void singleRowsAccumulateLikeABlock() {
        FrameEmbeddings f = GeneratedEmbeddings.generate(5, 7, 3, 0.1, 0.2, 1.0);
        GaussianAccumulator rows = new GaussianAccumulator(3, "rows");
        for (int t = 0; t < 7; t++) rows.add(new FrameEmbeddings(1, 3, f.row(t)), "row " + t);
        ReferenceStatistics byRow = rows.toStatistics("e", "h");
        ReferenceStatistics byBlock = new GaussianAccumulator(3, "block").add(f, "block").toStatistics("e", "h");
        assertArrayEquals(byBlock.mean(), byRow.mean(), 1e-14);
        assertArrayEquals(byBlock.covariance(), byRow.covariance(), 1e-14);
    }

    @Test
    void emptySetIsRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GaussianAccumulator(4, "reference set /refs").toStatistics("e", "h"));
        assertTrue(e.getMessage().startsWith("reference set /refs: empty set"), e.getMessage());
    }

    @Test
    void nanRowIsRejectedByName() {
        double[] v = new double[12];
        v[9] = Double.NaN;
        var e = assertThrows(IllegalArgumentException.class, () -> new GaussianAccumulator(4, "set").add(new FrameEmbeddings(3, 4, v), "a.wav"));
        assertTrue(e.getMessage().startsWith("a.wav: row 2 holds NaN"), e.getMessage());
    }

    @Test
    void dimensionMismatchIsRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GaussianAccumulator(4, "set").add(new FrameEmbeddings(2, 3, new double[6]), "b.wav"));
        assertTrue(e.getMessage().startsWith("b.wav: dimension mismatch"), e.getMessage());
    }
}
