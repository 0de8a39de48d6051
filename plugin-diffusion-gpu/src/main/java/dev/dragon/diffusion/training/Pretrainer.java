package dev.dragon.diffusion.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.dragon.diffusion.music.MusicModel;
import java.util.Random;

/**
 * Trains the base model from scratch: first the patch autoencoder on log-mel frames (mean squared reconstruction
 * error), then — with the autoencoder frozen and the latent normalised per channel — the denoiser on ε-prediction,
 * with captions dropped to the empty condition at the configured rate so that classifier-free guidance works.
 */
public final class Pretrainer {

    /** Receives progress: phase ("autoencoder" or "denoiser"), steps done, steps in the phase, the latest loss. */
    @FunctionalInterface
    public interface Progress {
        /** Called after every step. */
        void step(String phase, int done, int total, double loss);
    }

    private static final double WEIGHT_DECAY = 0.01;
    private static final double MAX_GRADIENT_NORM = 1.0;

    private final PretrainSettings settings;
    private final Progress progress;

    public Pretrainer(PretrainSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Trains {@code model} (freshly initialised) on the clips and their caption conditions, and sets its latent
     * statistics. Returns the final losses {autoencoder, denoiser} (means over the last 100 steps).
     *
     * @param clips mono clips at the model's rate
     * @param conditions one caption condition per clip ({@link MusicModel#condition})
     */
    public double[] train(MusicModel model, float[][] clips, float[][] conditions) {
        if (clips.length != conditions.length || clips.length == 0) {
            throw new IllegalArgumentException(clips.length + " clips and " + conditions.length + " captions");
        }
        Random random = new Random(settings.seed());
        try (NDManager data = model.manager().newSubManager()) {
            NDArray logMel = logMel(model, data, clips);
            double autoencoderLoss = trainAutoencoder(model, data, logMel, random);
            model.autoencoder().freezeParameters(true); // from here on the latent is fixed
            NDArray rawLatents = encodeAll(model, data, logMel);
            setLatentStatistics(model, rawLatents);
            NDArray latents = model.normalise(rawLatents);
            NDArray conditionArray = data.create(MusicModel.flatten(conditions), new Shape(conditions.length, conditions[0].length));
            double denoiserLoss = trainDenoiser(model, data, latents, conditionArray, random);
            return new double[] {autoencoderLoss, denoiserLoss};
        }
    }

    private static NDArray logMel(MusicModel model, NDManager data, float[][] clips) {
        try (NDManager scratch = data.newSubManager()) {
            NDList parts = new NDList();
            for (int start = 0; start < clips.length; start += 64) {
                float[][] chunk = java.util.Arrays.copyOfRange(clips, start, Math.min(clips.length, start + 64));
                parts.add(model.mel().normalisedLogMel(scratch, chunk));
            }
            NDArray all = NDArrays.concat(parts, 0);
            all.attach(data);
            return all;
        }
    }

    private double trainAutoencoder(MusicModel model, NDManager data, NDArray logMel, Random random) {
        int total = settings.autoencoderSteps();
        RunningMean recent = new RunningMean(100);
        try (AdamW optimizer = new AdamW(model.autoencoder(), WEIGHT_DECAY, MAX_GRADIENT_NORM, data)) {
            for (int step = 0; step < total; step++) {
                try (NDManager scratch = data.newSubManager()) {
                    NDArray batch = logMel.get(scratch.create(batchIndices(random, logMel.getShape().get(0))));
                    batch.attach(scratch);
                    double loss;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray reconstruction = model.autoencoder().decode(model.autoencoder().encode(batch, true), true);
                        NDArray lossArray = reconstruction.sub(batch).square().mean();
                        collector.backward(lossArray);
                        loss = lossArray.getFloat();
                    }
                    optimizer.step(settings.learningRateAt(step, total));
                    progress.step("autoencoder", step + 1, total, recent.add(loss));
                }
            }
        }
        return recent.mean();
    }

    private static NDArray encodeAll(MusicModel model, NDManager data, NDArray logMel) {
        try (NDManager scratch = data.newSubManager()) {
            NDList parts = new NDList();
            long n = logMel.getShape().get(0);
            for (long start = 0; start < n; start += 256) {
                NDArray slice = logMel.get(start + ":" + Math.min(n, start + 256));
                slice.attach(scratch);
                parts.add(model.autoencoder().encode(slice, false));
            }
            NDArray all = NDArrays.concat(parts, 0);
            all.attach(data);
            return all;
        }
    }

    private static void setLatentStatistics(MusicModel model, NDArray rawLatents) {
        NDArray rows = rawLatents.reshape(-1, rawLatents.getShape().get(2));
        NDArray mean = rows.mean(new int[] {0});
        NDArray std = rows.sub(mean).square().mean(new int[] {0}).sqrt().maximum(1e-6f);
        model.updateSpec(model.spec().with(mean.toFloatArray(), std.toFloatArray(), model.spec().provenance()));
    }

    private double trainDenoiser(MusicModel model, NDManager data, NDArray latents, NDArray conditions, Random random) {
        int total = settings.denoiserSteps();
        int scheduleSteps = model.schedule().steps();
        Shape latentShape = new Shape(latents.getShape().get(1), latents.getShape().get(2));
        RunningMean recent = new RunningMean(100);
        try (AdamW optimizer = new AdamW(model.denoiser(), WEIGHT_DECAY, MAX_GRADIENT_NORM, data)) {
            for (int step = 0; step < total; step++) {
                try (NDManager scratch = data.newSubManager()) {
                    long[] indices = batchIndices(random, latents.getShape().get(0));
                    NDArray x0 = latents.get(scratch.create(indices));
                    x0.attach(scratch);
                    NDArray c = conditions.get(scratch.create(indices));
                    c.attach(scratch);
                    float[] keep = new float[indices.length];
                    int[] timesteps = new int[indices.length];
                    long[] noiseSeeds = new long[indices.length];
                    for (int i = 0; i < indices.length; i++) {
                        keep[i] = random.nextDouble() < settings.conditionDropout() ? 0f : 1f;
                        timesteps[i] = random.nextInt(scheduleSteps);
                        noiseSeeds[i] = random.nextLong();
                    }
                    c = c.mul(scratch.create(keep, new Shape(indices.length, 1)));
                    NDArray noise = dev.dragon.diffusion.sampling.DdimSampler.gaussianNoise(scratch, noiseSeeds, latentShape,
                        DataType.FLOAT32);
                    NDArray noisy = model.schedule().addNoise(x0, noise, timesteps);
                    NDArray t = scratch.create(timesteps).toType(DataType.FLOAT32, false);
                    double loss;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray predicted = model.denoiser().predictNoise(noisy, t, c, true);
                        NDArray lossArray = predicted.sub(noise).square().mean();
                        collector.backward(lossArray);
                        loss = lossArray.getFloat();
                    }
                    optimizer.step(settings.learningRateAt(step, total));
                    progress.step("denoiser", step + 1, total, recent.add(loss));
                }
            }
        }
        return recent.mean();
    }

    private long[] batchIndices(Random random, long n) {
        long[] indices = new long[settings.batch()];
        for (int i = 0; i < indices.length; i++) indices[i] = (long) (random.nextDouble() * n);
        return indices;
    }

    /** Mean of the last few values, for a loss that reads steadily. */
    private static final class RunningMean {
        private final double[] window;
        private int count;

        RunningMean(int size) {
            window = new double[size];
        }

        double add(double value) {
            window[count++ % window.length] = value;
            return mean();
        }

        double mean() {
            int n = Math.min(count, window.length);
            double sum = 0;
            for (int i = 0; i < n; i++) sum += window[i];
            return n == 0 ? Double.NaN : sum / n;
        }
    }
}
