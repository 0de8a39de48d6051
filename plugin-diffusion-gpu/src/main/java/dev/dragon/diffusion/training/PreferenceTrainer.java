package dev.dragon.diffusion.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import dev.dragon.api.LossSettings;
import dev.dragon.api.LossType;
import dev.dragon.diffusion.model.ModelWeights;
import dev.dragon.diffusion.model.LatentDenoiser;
import dev.dragon.diffusion.sampling.NoiseSchedule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Diffusion-DPO and Diffusion-KTO fine-tuning of a policy denoiser against a frozen copy of itself.
 *
 * <p>One step: form x_t from x₀ with the given timesteps and noise (the caller shares t and ε within a pair), let the
 * frozen reference and the policy predict ε, take the per-sample denoising errors m, the preference loss, its
 * gradient, clip the gradient to a global norm and apply AdamW. The reference is copied from the policy when the
 * trainer is made and is never updated.
 */
public final class PreferenceTrainer implements AutoCloseable {

    private final LatentDenoiser policy;
    private final LatentDenoiser reference;
    private final NoiseSchedule schedule;
    private final OptimizerSettings settings;
    private final NDManager manager;
    private final AdamW optimizer;
    private volatile double learningRate;

    /**
     * @param policy the denoiser to train (initialised); its current weights become the frozen reference
     * @param manager where the reference copy and the optimizer state live; the trainer closes a sub-manager of it
     */
    public PreferenceTrainer(LatentDenoiser policy, NoiseSchedule schedule, OptimizerSettings settings, NDManager manager)
            throws IOException {
        this.policy = policy;
        this.schedule = schedule;
        this.settings = settings;
        this.manager = manager.newSubManager();
        this.reference = ModelWeights.frozenCopy(policy, this.manager);
        this.learningRate = settings.learningRate();
        this.optimizer = new AdamW(policy, settings.weightDecay(), settings.maxGradientNorm(), this.manager);
    }

    /** The frozen reference model. */
    public LatentDenoiser reference() {
        return reference;
    }

    /**
     * One step on P (positive, negative) pairs with the loss the orchestrator chose: Diffusion-DPO on the pairs, or
     * Diffusion-KTO on the 2P samples labelled +1 / −1 (the paper's paired-KTO ablation). Either way a pair's members
     * share t and ε. The settings' learning rate applies from this step on.
     *
     * @param positives x₀ of the preferred samples [P, frames, channels]
     * @param negatives x₀ of the others, same shape
     * @param conditions one per pair [P, conditionDimension]
     * @param timesteps one t per pair
     * @param noise one ε per pair, shape of positives
     */
    public StepResult pairedStep(LossSettings loss, NDArray positives, NDArray negatives, NDArray conditions,
                                 int[] timesteps, NDArray noise) {
        learningRate = loss.learningRate();
        if (loss.type() == LossType.DPO) return dpoStep(positives, negatives, conditions, timesteps, noise, loss.beta());
        int pairs = timesteps.length;
        int[] labels = new int[2 * pairs];
        java.util.Arrays.fill(labels, 0, pairs, 1);
        java.util.Arrays.fill(labels, pairs, 2 * pairs, -1);
        try (NDManager joined = manager.newSubManager()) {
            NDArray samples = owned(joined, positives.concat(negatives, 0));
            NDArray both = owned(joined, conditions.concat(conditions, 0));
            NDArray sharedNoise = owned(joined, noise.concat(noise, 0));
            return ktoStep(samples, both, labels, concat(timesteps, timesteps), sharedNoise, loss.beta(),
                loss.lambdaPositive(), loss.lambdaNegative());
        }
    }

    /**
     * One Diffusion-DPO step on P pairs.
     *
     * @param winners x₀ of the preferred samples [P, frames, channels]
     * @param losers x₀ of the other samples, same shape
     * @param conditions the pair's condition [P, conditionDimension]
     * @param timesteps one t per pair
     * @param noise one ε per pair, shape of winners
     */
    public StepResult dpoStep(NDArray winners, NDArray losers, NDArray conditions, int[] timesteps, NDArray noise,
                              double beta) {
        int pairs = timesteps.length;
        try (NDManager step = manager.newSubManager()) {
            NDArray samples = owned(step, winners.concat(losers, 0));
            NDArray both = owned(step, conditions.concat(conditions, 0));
            NDArray sharedNoise = owned(step, noise.concat(noise, 0));
            int[] sharedTimesteps = concat(timesteps, timesteps);
            NDArray referenceErrors = errors(reference, samples, both, sharedTimesteps, sharedNoise, false);
            double loss;
            double margin;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray policyErrors = errors(policy, samples, both, sharedTimesteps, sharedNoise, true);
                NDList policySplit = policyErrors.split(2);
                NDList referenceSplit = referenceErrors.split(2);
                NDArray lossArray = PreferenceLosses.dpo(policySplit.get(0), policySplit.get(1), referenceSplit.get(0),
                    referenceSplit.get(1), beta);
                collector.backward(lossArray);
                loss = lossArray.toType(DataType.FLOAT64, false).toDoubleArray()[0];
                margin = PreferenceLosses.implicitRewardMargin(policySplit.get(0), policySplit.get(1),
                    referenceSplit.get(0), referenceSplit.get(1)).mean().toType(DataType.FLOAT64, false)
                    .toDoubleArray()[0];
            }
            double norm = optimizer.step(learningRate);
            return new StepResult(loss, margin, norm, 2 * pairs);
        }
    }

    /**
     * One Diffusion-KTO step on B unpaired samples.
     *
     * @param samples x₀ [B, frames, channels]
     * @param conditions [B, conditionDimension]
     * @param labels +1 (desirable) or −1 (undesirable) per sample
     * @param timesteps one t per sample (share them, and the noise, between a pair's members where there are pairs)
     * @param noise ε, shape of samples
     */
    public StepResult ktoStep(NDArray samples, NDArray conditions, int[] labels, int[] timesteps, NDArray noise,
                              double beta, double lambdaPositive, double lambdaNegative) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x0 = local(step, samples);
            NDArray c = local(step, conditions);
            NDArray eps = local(step, noise);
            NDArray labelArray = step.create(labels).toType(x0.getDataType(), false);
            NDArray referenceErrors = errors(reference, x0, c, timesteps, eps, false);
            double loss;
            double[] implicitRewards;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray policyErrors = errors(policy, x0, c, timesteps, eps, true);
                NDArray lossArray = PreferenceLosses.kto(policyErrors, referenceErrors, labelArray, beta, lambdaPositive,
                    lambdaNegative);
                collector.backward(lossArray);
                loss = lossArray.toType(DataType.FLOAT64, false).toDoubleArray()[0];
                implicitRewards = PreferenceLosses.ktoImplicitReward(policyErrors, referenceErrors)
                    .toType(DataType.FLOAT64, false).toDoubleArray();
            }
            double norm = optimizer.step(learningRate);
            return new StepResult(loss, meanByLabel(implicitRewards, labels, 1) - meanByLabel(implicitRewards, labels, -1),
                norm, labels.length);
        }
    }

    /**
     * Per-sample denoising errors m of {@code model} (policy or reference) on x₀ at the given t and ε, without
     * gradients: for evaluating margins before and after steps.
     */
    public double[] denoisingErrors(LatentDenoiser model, NDArray samples, NDArray conditions, int[] timesteps,
                                    NDArray noise) {
        try (NDManager step = manager.newSubManager()) {
            return errors(model, local(step, samples), local(step, conditions), timesteps, local(step, noise), false)
                .toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    private NDArray errors(LatentDenoiser model, NDArray samples, NDArray conditions, int[] timesteps, NDArray noise,
                           boolean training) {
        NDArray noisy = schedule.addNoise(samples, noise, timesteps);
        NDArray t = samples.getManager().create(timesteps).toType(samples.getDataType(), false);
        NDArray predicted = model.predictNoise(noisy, t, conditions, training);
        return PreferenceLosses.denoisingError(noise, predicted);
    }

    /** The optimizer, whose state a checkpoint saves and restores. */
    public AdamW optimizer() {
        return optimizer;
    }

    /** Moves an array this step created (on the caller's manager) into the step's manager, so the step frees it. */
    private static NDArray owned(NDManager step, NDArray created) {
        created.attach(step);
        return created;
    }

    /** A copy of a caller's array in the step's manager: everything computed from it is freed with the step. */
    private static NDArray local(NDManager step, NDArray array) {
        NDArray copy = array.duplicate();
        copy.attach(step);
        return copy;
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = new int[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static double meanByLabel(double[] values, int[] labels, int label) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (Integer.signum(labels[i]) == label) {
                sum += values[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Frees the reference copy and the optimizer state. */
    @Override
    public void close() {
        manager.close();
    }
}
