package dev.dragon.clap.tower;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.List;

/** Runs an {@link AudioTower} forward on many clips (no gradients) and L2-normalises the rows. */
public final class TowerEmbeddings {

    private TowerEmbeddings() {
    }

    /**
     * @param tower    the tower
     * @param manager  where the temporary arrays live
     * @param features one [1, frames, mels] feature array per clip
     * @param batch    clips per forward pass
     * @return one normalised row per clip
     */
    public static float[][] embed(AudioTower tower, NDManager manager, List<float[]> features, int batch) {
        TowerShape s = tower.shape();
        int size = s.frames() * s.mels();
        float[][] rows = new float[features.size()][];
        for (int from = 0; from < features.size(); from += batch) {
            int count = Math.min(batch, features.size() - from);
            float[] flat = new float[count * size];
            for (int i = 0; i < count; i++) System.arraycopy(features.get(from + i), 0, flat, i * size, size);
            try (NDManager pass = manager.newSubManager()) {
                NDArray out = ContrastiveLoss.normalised(tower.forward(pass.create(FloatBuffer.wrap(flat), new Shape(count, 1, s.frames(), s.mels()))));
                float[] values = out.toType(DataType.FLOAT32, false).toFloatArray();
                for (int i = 0; i < count; i++) {
                    rows[from + i] = new float[s.dimension()];
                    System.arraycopy(values, i * s.dimension(), rows[from + i], 0, s.dimension());
                }
            }
        }
        return rows;
    }
}
