package dev.dragon.fad;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.linalg.MatrixProducts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fréchet distance between one clip's frame embeddings (T×d, T ≥ 2) and reference statistics.
 *
 * <p>When T &lt; d the song covariance is Σ_s = CCᵀ with C = (X−μ)ᵀ/√(T−1) (d×T), and
 * tr(Σ_sΣ_ref)^½ = Σ √eig(CᵀΣ_ref C): a T×T symmetric problem instead of a d×d one. tr Σ_s = ‖C‖²_F. When T ≥ d
 * the full route ({@link FrechetDistance}) is used on the song's own statistics.
 */
public final class PerSongFrechetDistance {

    /** Rows of centred songs multiplied by Σ_ref in one BLAS call: big enough to be efficient, small in memory. */
    private static final int BATCH_ROWS = 4096;

    private PerSongFrechetDistance() {
    }

    /**
     * @param song      the clip's frames, T×d, T ≥ 2, finite
     * @param songName  how to name the clip in errors
     * @param reference the reference statistics, dimension d
     * @return the Fréchet distance, finite
     */
    public static double of(FrameEmbeddings song, String songName, ReferenceStatistics reference) {
        return ofEach(List.of(song), List.of(songName), reference)[0];
    }

    /**
     * Distances of many clips to one reference; short clips share one large product with Σ_ref.
     *
     * @param songs     the clips, each T×d with T ≥ 2
     * @param names     how to name each clip in errors, same order
     * @param reference the reference statistics
     * @return one finite distance per clip
     */
    public static double[] ofEach(List<FrameEmbeddings> songs, List<String> names, ReferenceStatistics reference) {
        if (songs.size() != names.size()) throw new IllegalArgumentException("one name per song is needed");
        int d = reference.dimension();
        double referenceTrace = FrechetDistance.trace(reference.covariance(), d);
        double[] result = new double[songs.size()];
        List<Integer> batch = new ArrayList<>();
        int batchRows = 0;
        for (int i = 0; i < songs.size(); i++) {
            FrameEmbeddings song = songs.get(i);
            String name = names.get(i);
            EmbeddingChecks.requireDimension(song.dimension(), d, name);
            EmbeddingChecks.requireAtLeastTwoRows(song.frames(), name);
            EmbeddingChecks.requireFinite(song, name);
            if (song.frames() >= d) {
                ReferenceStatistics own = new GaussianAccumulator(d, name).add(song, name).toStatistics("", "");
                result[i] = FrechetDistance.between(own.mean(), own.covariance(), name, reference.mean(), reference.covariance(), "reference statistics");
                continue;
            }
            if (batchRows + song.frames() > BATCH_ROWS && !batch.isEmpty()) {
                reduceBatch(songs, names, batch, batchRows, reference, referenceTrace, result);
                batch.clear();
                batchRows = 0;
            }
            batch.add(i);
            batchRows += song.frames();
        }
        if (!batch.isEmpty()) reduceBatch(songs, names, batch, batchRows, reference, referenceTrace, result);
        return result;
    }

    private static void reduceBatch(List<FrameEmbeddings> songs, List<String> names, List<Integer> batch, int rows,
                                    ReferenceStatistics reference, double referenceTrace, double[] result) {
        int d = reference.dimension();
        double[] centred = new double[rows * d];
        double[][] means = new double[batch.size()][];
        int offset = 0;
        for (int b = 0; b < batch.size(); b++) {
            FrameEmbeddings song = songs.get(batch.get(b));
            means[b] = song.meanPooled();
            double[] x = song.values();
            for (int t = 0; t < song.frames(); t++) {
                for (int j = 0; j < d; j++) centred[offset + t * d + j] = x[t * d + j] - means[b][j];
            }
            offset += song.frames() * d;
        }
        // (X−μ)·Σ_ref for every clip of the batch at once
        double[] timesReference = MatrixProducts.multiply(centred, rows, d, false, reference.covariance(), d, d, false);
        offset = 0;
        for (int b = 0; b < batch.size(); b++) {
            int index = batch.get(b);
            int frames = songs.get(index).frames();
            double[] y = Arrays.copyOfRange(centred, offset, offset + frames * d);
            double[] ys = Arrays.copyOfRange(timesReference, offset, offset + frames * d);
            double[] reduced = MatrixProducts.multiply(ys, frames, d, false, y, frames, d, true);
            double scale = 1.0 / (frames - 1);
            for (int k = 0; k < reduced.length; k++) reduced[k] *= scale;
            FrechetDistance.symmetrise(reduced, frames);
            double songTrace = 0;
            for (double v : y) songTrace += v * v;
            songTrace *= scale;
            double meanTerm = 0;
            for (int j = 0; j < d; j++) {
                double diff = means[b][j] - reference.mean()[j];
                meanTerm += diff * diff;
            }
            double fd = meanTerm + songTrace + referenceTrace - 2 * SpectralSquareRootTrace.of(reduced, frames);
            result[index] = EmbeddingChecks.requireFiniteResult(fd, "per-song Fréchet distance of " + names.get(index));
            offset += frames * d;
        }
    }
}
