package dev.dragon.diffusion.sampling;

import ai.djl.ndarray.NDArray;

/** Predicts the noise ε in x_t at one timestep, for a whole batch (the denoiser with its condition bound). */
@FunctionalInterface
public interface NoisePredictor {

    /**
     * @param noisy x_t, shape [B, ...]
     * @param timestep the training timestep t of every sample in the batch
     * @return ε̂, the shape of x_t
     */
    NDArray predict(NDArray noisy, int timestep);
}
