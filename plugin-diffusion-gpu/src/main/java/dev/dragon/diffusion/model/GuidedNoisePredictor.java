package dev.dragon.diffusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.dragon.diffusion.sampling.NoisePredictor;

/**
 * A denoiser bound to a batch of conditions, with classifier-free guidance: ε̂ = ε̂(∅) + w·(ε̂(c) − ε̂(∅)), where the
 * empty condition ∅ is the all-zeros vector. w = 1 is plain conditional prediction and costs one pass; any other
 * w runs the conditional and unconditional halves as one batch of 2B.
 */
public final class GuidedNoisePredictor implements NoisePredictor {

    private final LatentDenoiser denoiser;
    private final NDArray conditions;
    private final double guidanceScale;

    /**
     * @param conditions [B, conditionDimension], one per sample being generated
     * @param guidanceScale w; 1 disables guidance, 0 ignores the condition
     */
    public GuidedNoisePredictor(LatentDenoiser denoiser, NDArray conditions, double guidanceScale) {
        if (!Double.isFinite(guidanceScale)) throw new IllegalArgumentException("guidance scale must be finite");
        this.denoiser = denoiser;
        this.conditions = conditions;
        this.guidanceScale = guidanceScale;
    }

    @Override
    public NDArray predict(NDArray noisy, int timestep) {
        long batch = noisy.getShape().get(0);
        if (guidanceScale == 1.0) {
            return denoiser.predictNoise(noisy, timesteps(noisy, batch, timestep), conditions, false);
        }
        NDArray both = noisy.concat(noisy, 0);
        NDArray withEmpty = conditions.concat(conditions.zerosLike(), 0);
        NDList halves = denoiser.predictNoise(both, timesteps(noisy, 2 * batch, timestep), withEmpty, false).split(2);
        NDArray conditional = halves.get(0);
        NDArray unconditional = halves.get(1);
        return unconditional.add(conditional.sub(unconditional).mul(guidanceScale));
    }

    private static NDArray timesteps(NDArray like, long count, int timestep) {
        return like.getManager().full(new ai.djl.ndarray.types.Shape(count), (float) timestep)
            .toType(like.getDataType(), false);
    }
}
