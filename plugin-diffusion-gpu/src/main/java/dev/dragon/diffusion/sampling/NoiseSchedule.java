package dev.dragon.diffusion.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * A discrete DDPM noise schedule for ε-prediction: timesteps 0..T−1, ᾱ_t = Π_{s≤t}(1 − β_s), and the forward process
 * x_t = √ᾱ_t·x₀ + √(1 − ᾱ_t)·ε.
 *
 * <p>The default is the cosine schedule of Nichol and Dhariwal (offset 0.008, β clipped at 0.999), which keeps some
 * signal at small t where a linear-β schedule destroys it quickly on short sampling runs. Values are kept in double.
 */
public final class NoiseSchedule {

    private static final double COSINE_OFFSET = 0.008;
    private static final double MAX_BETA = 0.999;

    private final double[] betas;
    private final double[] alphaBar;

    private NoiseSchedule(double[] betas) {
        this.betas = betas;
        this.alphaBar = new double[betas.length];
        double product = 1;
        for (int t = 0; t < betas.length; t++) {
            product *= 1 - betas[t];
            alphaBar[t] = product;
        }
    }

    /** The cosine schedule with {@code steps} training timesteps. */
    public static NoiseSchedule cosine(int steps) {
        if (steps < 1) throw new IllegalArgumentException("a schedule needs at least one timestep, got " + steps);
        double[] betas = new double[steps];
        for (int t = 0; t < steps; t++) {
            double ratio = cosineCurve(t + 1, steps) / cosineCurve(t, steps);
            betas[t] = Math.min(1 - ratio, MAX_BETA);
        }
        return new NoiseSchedule(betas);
    }

    /** A linear-β schedule (the original DDPM one: 1e-4 to 0.02 over 1000 steps). */
    public static NoiseSchedule linear(int steps, double firstBeta, double lastBeta) {
        if (steps < 1) throw new IllegalArgumentException("a schedule needs at least one timestep, got " + steps);
        if (!(firstBeta > 0 && lastBeta < 1 && firstBeta <= lastBeta)) {
            throw new IllegalArgumentException("betas must satisfy 0 < first ≤ last < 1, got " + firstBeta + ", " + lastBeta);
        }
        double[] betas = new double[steps];
        for (int t = 0; t < steps; t++) {
            betas[t] = steps == 1 ? firstBeta : firstBeta + (lastBeta - firstBeta) * t / (steps - 1);
        }
        return new NoiseSchedule(betas);
    }

    private static double cosineCurve(double t, int steps) {
        double c = Math.cos((t / steps + COSINE_OFFSET) / (1 + COSINE_OFFSET) * Math.PI / 2);
        return c * c;
    }

    /** Number of training timesteps T. */
    public int steps() {
        return betas.length;
    }

    /** β_t for t in 0..T−1. */
    public double beta(int t) {
        return betas[t];
    }

    /** ᾱ_t = Π_{s≤t}(1 − β_s) for t in 0..T−1. */
    public double alphaBar(int t) {
        return alphaBar[t];
    }

    /** All ᾱ_t, a copy. */
    public double[] alphaBars() {
        return alphaBar.clone();
    }

    /** All β_t, a copy. */
    public double[] betas() {
        return betas.clone();
    }

    /**
     * The forward process for a batch: x_t = √ᾱ_t·x₀ + √(1 − ᾱ_t)·ε with one timestep per sample.
     *
     * @param cleanSamples x₀, shape [B, ...]
     * @param noise ε, the shape of x₀
     * @param timesteps one timestep per sample, length B
     */
    public NDArray addNoise(NDArray cleanSamples, NDArray noise, int[] timesteps) {
        Shape shape = cleanSamples.getShape();
        if (shape.get(0) != timesteps.length) {
            throw new IllegalArgumentException(timesteps.length + " timesteps for a batch of " + shape.get(0));
        }
        double[] signal = new double[timesteps.length];
        double[] noiseLevel = new double[timesteps.length];
        for (int i = 0; i < timesteps.length; i++) {
            double a = alphaBar(timesteps[i]);
            signal[i] = Math.sqrt(a);
            noiseLevel[i] = Math.sqrt(1 - a);
        }
        NDManager manager = cleanSamples.getManager();
        Shape perSample = broadcastShape(shape);
        NDArray signalScale = manager.create(signal, perSample).toType(cleanSamples.getDataType(), false);
        NDArray noiseScale = manager.create(noiseLevel, perSample).toType(cleanSamples.getDataType(), false);
        return cleanSamples.mul(signalScale).add(noise.mul(noiseScale));
    }

    /** [B, 1, 1, ...]: one coefficient per sample, broadcast over its elements. */
    static Shape broadcastShape(Shape shape) {
        long[] dims = new long[shape.dimension()];
        Arrays.fill(dims, 1);
        dims[0] = shape.get(0);
        return new Shape(dims);
    }
}
