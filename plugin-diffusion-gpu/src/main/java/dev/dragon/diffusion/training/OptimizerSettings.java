package dev.dragon.diffusion.training;

/**
 * AdamW and clipping settings for preference training.
 *
 * @param learningRate AdamW step size
 * @param weightDecay decoupled weight decay
 * @param maxGradientNorm the global L2 norm gradients are clipped to before the update (∞: no clipping)
 */
public record OptimizerSettings(double learningRate, double weightDecay, double maxGradientNorm) {

    public OptimizerSettings {
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must not be negative, got " + weightDecay);
        if (!(maxGradientNorm > 0)) throw new IllegalArgumentException("max gradient norm must be positive, got " + maxGradientNorm);
    }

    /** Defaults used by Diffusion-DPO style fine-tuning: the given rate, weight decay 0.01, clipping at norm 1. */
    public static OptimizerSettings withLearningRate(double learningRate) {
        return new OptimizerSettings(learningRate, 0.01, 1.0);
    }
}
