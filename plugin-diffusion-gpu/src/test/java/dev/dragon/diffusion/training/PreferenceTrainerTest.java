package dev.dragon.diffusion.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.dragon.api.LossSettings;
import dev.dragon.diffusion.model.DenoiserConfig;
import dev.dragon.diffusion.model.LatentDenoiser;
import dev.dragon.diffusion.sampling.DdimSampler;
import dev.dragon.diffusion.sampling.NoiseSchedule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One preference step moves the policy the right way against its frozen reference, and the reference never moves.
 * A tiny denoiser (8 frames × 4 channels, width 16, one layer) keeps each step to milliseconds.
 */
class PreferenceTrainerTest {

    private static final DenoiserConfig TINY = new DenoiserConfig(8, 4, 6, 16, 1, 2, 32);
    private static final Shape LATENT = new Shape(8, 4);
    private static final Shape CONDITION = new Shape(6);

    private final NoiseSchedule schedule = NoiseSchedule.cosine(1000);
    private NDManager manager;
    private LatentDenoiser policy;
    private PreferenceTrainer trainer;

    @BeforeEach
    void open() throws IOException {
        manager = NDManager.newBaseManager();
        policy = freshPolicy();
        trainer = new PreferenceTrainer(policy, schedule, OptimizerSettings.withLearningRate(1e-3), manager);
    }

    @AfterEach
    void close() {
        trainer.close();
        manager.close();
    }

    @Test
    void oneDpoStepRaisesTheImplicitRewardMarginOfWinnerOverLoser() {
        NDArray winner = gaussian(LATENT, 101);
        NDArray loser = gaussian(LATENT, 102);
        NDArray condition = gaussian(CONDITION, 103);
        NDArray noise = gaussian(LATENT, 104);
        int[] t = {400};
        double before = margin(winner, loser, condition, t, noise);
        StepResult step = trainer.dpoStep(winner, loser, condition, t, noise, 500);
        double after = margin(winner, loser, condition, t, noise);
        assertEquals(0, before, 0, "policy starts as the reference");
        assertEquals(Math.log(2), step.loss(), 1e-6, "−log σ(0) while policy = reference");
        assertTrue(step.gradientNorm() > 0);
        assertTrue(after > before, "margin " + before + " → " + after);
        System.out.printf("DPO: implicit reward margin %.3g → %.3g after one step%n", before, after);
    }

    /*
     * One sample per step: there each label's direction is guaranteed to first order. In a mixed batch (below) the
     * first AdamW step is a sign step on the summed gradient, so the directions hold for these inputs, not for all.
     */
    @Test
    void oneKtoStepRaisesAPositiveSamplesImplicitReward() throws IOException {
        double g = ktoStepOnOneSample(1);
        assertTrue(g > 0, "positive sample's g " + g);
        System.out.printf("KTO: g(positive) 0 → %.3g after one step%n", g);
    }

    @Test
    void oneKtoStepLowersANegativeSamplesImplicitReward() throws IOException {
        double g = ktoStepOnOneSample(-1);
        assertTrue(g < 0, "negative sample's g " + g);
        System.out.printf("KTO: g(negative) 0 → %.3g after one step%n", g);
    }

    @Test
    void oneKtoStepOnAMixedBatchMovesEachLabelsImplicitRewardItsWay() {
        NDArray samples = gaussian(LATENT, 201, 202);
        NDArray conditions = gaussian(CONDITION, 203, 204);
        NDArray noise = gaussian(LATENT, 205, 206);
        int[] t = {300, 300};
        StepResult step = trainer.ktoStep(samples, conditions, new int[] {1, -1}, t, noise, 1000, 1, 1);
        double[] g = implicitRewards(samples, conditions, t, noise);
        System.out.printf("KTO mixed batch: g(positive) 0 → %.3g, g(negative) 0 → %.3g after one step%n", g[0], g[1]);
        assertEquals(0.5, step.loss(), 1e-6, "1 − σ(0) while policy = reference");
        assertEquals(0, step.rewardMargin(), 0, "g = 0 for both while policy = reference");
        assertTrue(g[0] > 0, "positive sample's g " + g[0]);
        assertTrue(g[1] < 0, "negative sample's g " + g[1]);
        assertEquals(2, step.examples());
    }

    private double ktoStepOnOneSample(int label) {
        NDArray sample = gaussian(LATENT, 301);
        NDArray condition = gaussian(CONDITION, 302);
        NDArray noise = gaussian(LATENT, 303);
        int[] t = {300};
        trainer.ktoStep(sample, condition, new int[] {label}, t, noise, 1000, 1, 1);
        return implicitRewards(sample, condition, t, noise)[0];
    }

    @Test
    void theReferenceNeverChangesWhileThePolicyDoes() {
        List<float[]> referenceBefore = snapshot(trainer.reference());
        List<float[]> policyBefore = snapshot(policy);
        for (int i = 0; i < 3; i++) {
            trainer.dpoStep(gaussian(LATENT, 10 * i + 1), gaussian(LATENT, 10 * i + 2), gaussian(CONDITION, 10 * i + 3),
                new int[] {100 + 200 * i}, gaussian(LATENT, 10 * i + 4), 500);
            trainer.ktoStep(gaussian(LATENT, 10 * i + 5, 10 * i + 6), gaussian(CONDITION, 10 * i + 7, 10 * i + 7),
                new int[] {-1, 1}, new int[] {700, 700}, gaussian(LATENT, 10 * i + 8, 10 * i + 8), 1000, 1, 1);
        }
        List<float[]> referenceAfter = snapshot(trainer.reference());
        for (int i = 0; i < referenceBefore.size(); i++) {
            assertArrayEquals(referenceBefore.get(i), referenceAfter.get(i), "reference parameter " + i);
        }
        List<float[]> policyAfter = snapshot(policy);
        boolean policyMoved = false;
        for (int i = 0; i < policyBefore.size(); i++) {
            policyMoved |= !java.util.Arrays.equals(policyBefore.get(i), policyAfter.get(i));
        }
        assertTrue(policyMoved, "the policy trained");
        for (Pair<String, Parameter> parameter : trainer.reference().getParameters()) {
            assertFalse(parameter.getValue().requiresGradient(), parameter.getKey() + " is frozen");
        }
    }

    @Test
    void stepsFreeWhatTheyAllocate() {
        NDArray winner = gaussian(LATENT, 401);
        NDArray loser = gaussian(LATENT, 402);
        NDArray condition = gaussian(CONDITION, 403);
        NDArray noise = gaussian(LATENT, 404);
        trainer.dpoStep(winner, loser, condition, new int[] {50}, noise, 500);
        trainer.ktoStep(winner, condition, new int[] {1}, new int[] {50}, noise, 1000, 1, 1);
        int arraysAfterFirstSteps = manager.getManagedArrays().size();
        for (int i = 0; i < 5; i++) {
            trainer.dpoStep(winner, loser, condition, new int[] {50}, noise, 500);
            trainer.ktoStep(winner, condition, new int[] {1}, new int[] {50}, noise, 1000, 1, 1);
        }
        assertEquals(arraysAfterFirstSteps, manager.getManagedArrays().size(), "arrays left behind by training steps");
    }

    @Test
    void pairedStepWithDpoSettingsIsTheDpoStepAtTheSettingsLearningRate() throws IOException {
        NDArray winner = gaussian(LATENT, 501);
        NDArray loser = gaussian(LATENT, 502);
        NDArray condition = gaussian(CONDITION, 503);
        NDArray noise = gaussian(LATENT, 504);
        List<float[]> before = snapshot(policy);
        trainer.pairedStep(LossSettings.dpo(500, 1e-5), winner, loser, condition, new int[] {200}, noise);
        double largestChange = largestChange(before, snapshot(policy));
        // AdamW's first step moves each weight by about the learning rate (plus a 1e-7 relative decay)
        assertTrue(largestChange > 0.5e-5 && largestChange < 1.1e-5, "largest weight change " + largestChange);

        LatentDenoiser twin = freshPolicy();
        try (PreferenceTrainer twinTrainer = new PreferenceTrainer(twin, schedule,
                new OptimizerSettings(1e-5, 0.01, 1.0), manager)) {
            twinTrainer.dpoStep(winner, loser, condition, new int[] {200}, noise, 500);
        }
        List<float[]> viaPaired = snapshot(policy);
        List<float[]> viaDpo = snapshot(twin);
        for (int i = 0; i < viaPaired.size(); i++) assertArrayEquals(viaDpo.get(i), viaPaired.get(i), "parameter " + i);
    }

    @Test
    void pairedStepWithKtoSettingsLabelsPositivesUpAndNegativesDown() {
        NDArray positive = gaussian(LATENT, 601);
        NDArray negative = gaussian(LATENT, 602);
        NDArray condition = gaussian(CONDITION, 603);
        NDArray noise = gaussian(LATENT, 604);
        int[] t = {300};
        StepResult step = trainer.pairedStep(LossSettings.kto(1000, 1e-3), positive, negative, condition, t, noise);
        assertEquals(2, step.examples());
        double gPositive = implicitRewards(positive, condition, t, noise)[0];
        double gNegative = implicitRewards(negative, condition, t, noise)[0];
        assertTrue(gPositive > 0 && gNegative < 0, "g(positive) " + gPositive + ", g(negative) " + gNegative);
    }

    @Test
    void gradientsAreClippedBeforeAdamW() throws IOException {
        // with the gradient clipped to a norm far below Adam's ε, the first step is ε-dominated and tiny;
        // weight decay off so that nothing else moves the weights
        LatentDenoiser clippedPolicy = freshPolicy();
        LatentDenoiser freePolicy = freshPolicy();
        List<float[]> start = snapshot(clippedPolicy);
        try (PreferenceTrainer clipped = new PreferenceTrainer(clippedPolicy, schedule, new OptimizerSettings(1e-3, 0, 1e-15), manager);
             PreferenceTrainer free = new PreferenceTrainer(freePolicy, schedule, new OptimizerSettings(1e-3, 0, 1e9), manager)) {
            NDArray winner = gaussian(LATENT, 701);
            NDArray loser = gaussian(LATENT, 702);
            NDArray condition = gaussian(CONDITION, 703);
            NDArray noise = gaussian(LATENT, 704);
            StepResult clippedStep = clipped.dpoStep(winner, loser, condition, new int[] {100}, noise, 500);
            StepResult freeStep = free.dpoStep(winner, loser, condition, new int[] {100}, noise, 500);
            assertEquals(freeStep.gradientNorm(), clippedStep.gradientNorm(), 1e-6 * freeStep.gradientNorm(),
                "the reported norm is the norm before clipping");
        }
        double clippedChange = largestChange(start, snapshot(clippedPolicy));
        double freeChange = largestChange(start, snapshot(freePolicy));
        assertTrue(freeChange > 0.5e-3, "unclipped step " + freeChange);
        assertTrue(clippedChange < 1e-6, "clipped step " + clippedChange);
    }

    private LatentDenoiser freshPolicy() {
        Engine.getInstance().setRandomSeed(5);
        LatentDenoiser fresh = new LatentDenoiser(TINY);
        fresh.initialize(manager, DataType.FLOAT32);
        return fresh;
    }

    private static double largestChange(List<float[]> before, List<float[]> after) {
        double largest = 0;
        for (int i = 0; i < before.size(); i++) {
            for (int j = 0; j < before.get(i).length; j++) {
                largest = Math.max(largest, Math.abs(after.get(i)[j] - before.get(i)[j]));
            }
        }
        return largest;
    }

    private double margin(NDArray winner, NDArray loser, NDArray condition, int[] t, NDArray noise) {
        double[] policyWinner = trainer.denoisingErrors(policy, winner, condition, t, noise);
        double[] policyLoser = trainer.denoisingErrors(policy, loser, condition, t, noise);
        double[] referenceWinner = trainer.denoisingErrors(trainer.reference(), winner, condition, t, noise);
        double[] referenceLoser = trainer.denoisingErrors(trainer.reference(), loser, condition, t, noise);
        return (referenceWinner[0] - policyWinner[0]) - (referenceLoser[0] - policyLoser[0]);
    }

    private double[] implicitRewards(NDArray samples, NDArray conditions, int[] t, NDArray noise) {
        double[] policyErrors = trainer.denoisingErrors(policy, samples, conditions, t, noise);
        double[] referenceErrors = trainer.denoisingErrors(trainer.reference(), samples, conditions, t, noise);
        double[] g = new double[policyErrors.length];
        for (int i = 0; i < g.length; i++) g[i] = referenceErrors[i] - policyErrors[i];
        return g;
    }

    private static List<float[]> snapshot(LatentDenoiser denoiser) {
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> parameter : denoiser.getParameters()) {
            values.add(parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }

    private NDArray gaussian(Shape shape, long... seeds) {
        return DdimSampler.gaussianNoise(manager, seeds, shape, DataType.FLOAT32);
    }
}
