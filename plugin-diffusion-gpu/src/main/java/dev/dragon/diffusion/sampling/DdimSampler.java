package dev.dragon.diffusion.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Deterministic DDIM sampling (η = 0) for ε-prediction: from x_T = seeded Gaussian noise, each step predicts x̂₀ and
 * moves to the next, earlier timestep along the same noise direction. No noise is drawn after the start, so the same
 * seeds, predictor and step count give the same output bit for bit; a predictor that returns the true ε recovers x₀
 * for any step count.
 */
public final class DdimSampler {

    private final NoiseSchedule schedule;

    /** A sampler over the timesteps of {@code schedule}. */
    public DdimSampler(NoiseSchedule schedule) {
        this.schedule = schedule;
    }

    /**
     * The timesteps visited with {@code samplingSteps} steps: evenly spaced from T−1 down to 0 (one step: T−1 only).
     */
    public int[] timesteps(int samplingSteps) {
        int last = schedule.steps() - 1;
        if (samplingSteps < 1 || samplingSteps > schedule.steps()) {
            throw new IllegalArgumentException("sampling steps must be in 1.." + schedule.steps() + ", got " + samplingSteps);
        }
        int[] timesteps = new int[samplingSteps];
        for (int i = 0; i < samplingSteps; i++) {
            timesteps[i] = samplingSteps == 1 ? last
                : (int) Math.round((double) last * (samplingSteps - 1 - i) / (samplingSteps - 1));
        }
        return timesteps;
    }

    /**
     * Runs the reverse process from {@code start} (x_T) and returns the final x̂₀. Intermediate arrays land on the
     * manager of {@code start}: pass a copy on a sub-manager when sampling repeatedly.
     *
     * @param predictor the noise predictor, conditions and guidance bound
     * @param start x_T, usually {@link #gaussianNoise}
     * @param samplingSteps how many denoising steps, 1..T
     */
    public NDArray sample(NoisePredictor predictor, NDArray start, int samplingSteps) {
        int[] timesteps = timesteps(samplingSteps);
        NDArray x = start;
        NDArray cleanEstimate = null;
        for (int i = 0; i < timesteps.length; i++) {
            int t = timesteps[i];
            double alphaBar = schedule.alphaBar(t);
            NDArray noise = predictor.predict(x, t);
            cleanEstimate = x.sub(noise.mul(Math.sqrt(1 - alphaBar))).div(Math.sqrt(alphaBar));
            if (i + 1 < timesteps.length) {
                double previous = schedule.alphaBar(timesteps[i + 1]);
                x = cleanEstimate.mul(Math.sqrt(previous)).add(noise.mul(Math.sqrt(1 - previous)));
            }
        }
        return cleanEstimate;
    }

    /**
     * Standard normal noise of shape [seeds.length, sampleShape...], sample i drawn from {@code java.util.Random(seeds[i])}:
     * Java's generator is specified exactly, so the noise, unlike the engine's, is the same on every machine.
     */
    public static NDArray gaussianNoise(NDManager manager, long[] seeds, Shape sampleShape, DataType type) {
        int perSample = Math.toIntExact(sampleShape.size());
        double[] values = new double[perSample * seeds.length];
        for (int s = 0; s < seeds.length; s++) {
            Random random = new Random(seeds[s]);
            for (int i = 0; i < perSample; i++) values[s * perSample + i] = random.nextGaussian();
        }
        NDArray noise = manager.create(values, new Shape(seeds.length).addAll(sampleShape));
        return type == DataType.FLOAT64 ? noise : noise.toType(type, false);
    }
}
