package dev.dragon.clap.tower;

/**
 * How the tower is trained.
 *
 * @param epochs       passes over the training clips
 * @param batchSize    pairs per step (InfoNCE's negatives are the batch's other pairs)
 * @param learningRate Adam's peak learning rate; cosine decay to a tenth of it over the run
 * @param weightDecay  decoupled weight decay (AdamW) on the weights
 * @param seed         decides the initial weights and the batch order
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay, long seed) {

    /** Checks the values. */
    public TrainingSettings {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 2) throw new IllegalArgumentException("batch size must be >= 2 (InfoNCE needs negatives), got " + batchSize);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }

    /**
     * @param seed the seed
     * @return the settings the shipped model was trained with, apart from the seed
     */
    public static TrainingSettings defaults(long seed) {
        // 15 epochs: on the 2000-clip corpus held-out recall stops rising after 10-15 epochs and falls slowly beyond 20
        return new TrainingSettings(15, 128, 1e-3, 1e-4, seed);
    }

    /**
     * @param step  0-based step
     * @param steps all steps of the run
     * @return the learning rate at {@code step}: cosine from the peak down to a tenth
     */
    public double learningRateAt(long step, long steps) {
        double progress = steps <= 1 ? 0 : Math.min(1.0, step / (double) (steps - 1));
        return learningRate * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
