package dev.dragon.diffusion.training;

/**
 * How the base model is trained from scratch on the corpus.
 *
 * @param autoencoderSteps optimisation steps of the patch autoencoder (reconstruction loss)
 * @param denoiserSteps optimisation steps of the denoiser (ε-prediction loss)
 * @param batch clips per step
 * @param learningRate peak AdamW rate (linear warm-up, then cosine decay to a tenth)
 * @param conditionDropout probability that a caption is replaced by the empty condition (for guidance)
 * @param seed seeds initial weights, batches, timesteps and noise
 */
public record PretrainSettings(int autoencoderSteps, int denoiserSteps, int batch, double learningRate,
                               double conditionDropout, long seed) {

    /** The shipped base model's settings. */
    public static final PretrainSettings DEFAULT = new PretrainSettings(1500, 8000, 64, 1e-3, 0.1, 1);

    public PretrainSettings {
        if (autoencoderSteps < 1 || denoiserSteps < 1 || batch < 1 || !(learningRate > 0)
            || !(conditionDropout >= 0 && conditionDropout < 1)) {
            throw new IllegalArgumentException("invalid pretraining settings: " + this);
        }
    }

    /** The rate at {@code step} of {@code total}: linear warm-up over the first 5 %, then cosine decay to a tenth. */
    public double learningRateAt(int step, int total) {
        int warmUp = Math.max(1, total / 20);
        if (step < warmUp) return learningRate * (step + 1) / warmUp;
        double progress = (step - warmUp) / (double) Math.max(1, total - warmUp);
        return learningRate * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
