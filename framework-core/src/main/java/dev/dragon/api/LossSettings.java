package dev.dragon.api;

import java.util.Objects;

/**
 * How a preference update is computed.
 *
 * @param type           DPO (paired) or KTO (unpaired)
 * @param beta           the inverse temperature β, positive
 * @param lambdaPositive KTO weight λ₊ of desirable examples (ignored by DPO)
 * @param lambdaNegative KTO weight λ₋ of undesirable examples (ignored by DPO)
 * @param learningRate   the optimiser's step size, positive
 */
public record LossSettings(LossType type, double beta, double lambdaPositive, double lambdaNegative, double learningRate) {

    /** Checks ranges. */
    public LossSettings {
        Objects.requireNonNull(type, "loss type");
        if (!(beta > 0)) throw new IllegalArgumentException("beta must be positive, got " + beta);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (lambdaPositive < 0 || lambdaNegative < 0) throw new IllegalArgumentException("KTO weights must not be negative");
    }

    /** @return Diffusion-DPO with inverse temperature {@code beta} */
    public static LossSettings dpo(double beta, double learningRate) {
        return new LossSettings(LossType.DPO, beta, 1, 1, learningRate);
    }

    /** @return Diffusion-KTO with inverse temperature {@code beta} and unit weights */
    public static LossSettings kto(double beta, double learningRate) {
        return new LossSettings(LossType.KTO, beta, 1, 1, learningRate);
    }
}
