package dev.dragon.clap.tower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training steps on a tiny tower and batch: the loss must fall, and a seed must decide everything. */
class TowerTrainerTest {

    private static final TowerShape TINY = new TowerShape(64, 8, 2, new int[] {8, 8, 8}, 16, 16, -40f, 20f);

    private static float[][] texts(Random r, int batch, int d) {
        float[][] t = new float[batch][d];
        for (float[] row : t) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                row[j] = (float) r.nextGaussian();
                norm += row[j] * row[j];
            }
            for (int j = 0; j < d; j++) row[j] /= (float) Math.sqrt(norm);
        }
        return t;
    }

    private static float[] features(Random r, int batch) {
        float[] f = new float[batch * TINY.frames() * TINY.mels()];
        for (int i = 0; i < f.length; i++) f[i] = (float) (-40 + 20 * r.nextGaussian());
        return f;
    }

    private static double[] train(long seed, int steps) {
        Random r = new Random(7);
        float[] features = features(r, 8);
        float[][] texts = texts(r, 8, TINY.dimension());
        try (NDManager m = PytorchEngine.get().newBaseManager();
             AudioTower tower = AudioTower.initialised(TINY, m, seed);
             TowerTrainer trainer = new TowerTrainer(tower, new TrainingSettings(1, 8, 3e-3, 1e-4, seed), m)) {
            double before = trainer.loss(features, texts);
            for (int s = 0; s < steps; s++) trainer.step(features, texts, 3e-3);
            return new double[] {before, trainer.loss(features, texts), tower.values("head2.weight")[0]};
        }
    }

    @Test
    void stepsLowerTheLossOnAFixedBatch() {
        double[] r = train(1, 30);
        assertTrue(r[1] < 0.5 * r[0], "loss " + r[0] + " -> " + r[1]);
    }

    @Test
    void theSeedDecidesTheRun() {
        double[] a = train(5, 3);
        double[] b = train(5, 3);
        double[] c = train(6, 3);
        assertArrayEquals(a, b);
        assertNotEquals(a[2], c[2]);
    }
}
