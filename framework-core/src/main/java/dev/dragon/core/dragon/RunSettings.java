package dev.dragon.core.dragon;

import dev.dragon.api.LossSettings;
import dev.dragon.api.LossType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that decides what a DRAGON run does; written to the run folder's {@code config.json} and read back by
 * {@code --resume} and {@code dragon eval}.
 *
 * @param generatorId     the generator
 * @param rewards         the rewards and their weights
 * @param iterations      preference updates to take
 * @param batchSize       prompts per iteration (two samples each)
 * @param loss            DPO or KTO
 * @param beta            the loss's β
 * @param learningRate    the optimiser's step size
 * @param lambdaPositive  KTO weight of D+
 * @param lambdaNegative  KTO weight of D−
 * @param pairing         how D+ and D− are built
 * @param demoSteps       sampler steps of the on-policy demonstrations
 * @param evalSteps       sampler steps of the evaluation samples
 * @param guidance        classifier-free guidance scale of both
 * @param checkpointEvery a checkpoint every this many iterations (and after the last)
 * @param seed            the run seed; every random choice derives from it
 * @param trainPrompts    the training prompt file
 * @param evalPrompts     the held-out prompt file, or empty for no evaluation
 * @param evalPromptCount how many held-out prompts to use (0: all)
 * @param evalAudioPairs  how many base/fine-tuned pairs to keep as WAV files for listening
 * @param bootstrap       bootstrap resamples for set rewards' win rates
 * @param rewardTimeoutSeconds the longest one reward call may take before it is abandoned and counted as a fault
 * @param maxFaults       faults in a row after which the run pauses until the faulty reward is replaced
 * @param updates         preference updates per iteration on its batch, each with fresh timesteps and noise
 * @param selection       which checkpoint is evaluated as the fine-tuned model
 */
public record RunSettings(String generatorId, List<WeightedReward> rewards, int iterations, int batchSize, LossType loss,
                          double beta, double learningRate, double lambdaPositive, double lambdaNegative,
                          PairingMode pairing, int demoSteps, int evalSteps, double guidance, int checkpointEvery,
                          long seed, String trainPrompts, String evalPrompts, int evalPromptCount, int evalAudioPairs,
                          int bootstrap, double rewardTimeoutSeconds, int maxFaults, int updates,
                          CheckpointSelection selection) {

    /**
     * Default per-call reward timeout: generous, because a set reward scoring 64 clips with greedy swaps takes
     * minutes on a loaded 2-core machine; the timeout is there to catch a plugin that hangs, not a slow one.
     */
    public static final double DEFAULT_REWARD_TIMEOUT_SECONDS = 600;
    /** Default number of faults in a row of one reward after which the run pauses. */
    public static final int DEFAULT_MAX_FAULTS = 3;
    /** Default number of preference updates per iteration (the paper's loop: one). */
    public static final int DEFAULT_UPDATES = 1;

    /**
     * Settings with the default fault policy ({@link #DEFAULT_REWARD_TIMEOUT_SECONDS}, {@link #DEFAULT_MAX_FAULTS}),
     * {@link #DEFAULT_UPDATES} update per iteration and the final checkpoint evaluated.
     *
     * @param generatorId     the generator
     * @param rewards         the rewards and their weights
     * @param iterations      preference updates to take
     * @param batchSize       prompts per iteration
     * @param loss            DPO or KTO
     * @param beta            the loss's β
     * @param learningRate    the optimiser's step size
     * @param lambdaPositive  KTO weight of D+
     * @param lambdaNegative  KTO weight of D−
     * @param pairing         how D+ and D− are built
     * @param demoSteps       sampler steps of the demonstrations
     * @param evalSteps       sampler steps of the evaluation samples
     * @param guidance        guidance scale
     * @param checkpointEvery checkpoint interval
     * @param seed            the run seed
     * @param trainPrompts    the training prompt file
     * @param evalPrompts     the held-out prompt file, or empty
     * @param evalPromptCount held-out prompts to use (0: all)
     * @param evalAudioPairs  WAV pairs to keep
     * @param bootstrap       bootstrap resamples
     */
    public RunSettings(String generatorId, List<WeightedReward> rewards, int iterations, int batchSize, LossType loss,
                       double beta, double learningRate, double lambdaPositive, double lambdaNegative,
                       PairingMode pairing, int demoSteps, int evalSteps, double guidance, int checkpointEvery,
                       long seed, String trainPrompts, String evalPrompts, int evalPromptCount, int evalAudioPairs,
                       int bootstrap) {
        this(generatorId, rewards, iterations, batchSize, loss, beta, learningRate, lambdaPositive, lambdaNegative, pairing,
            demoSteps, evalSteps, guidance, checkpointEvery, seed, trainPrompts, evalPrompts, evalPromptCount, evalAudioPairs,
            bootstrap, DEFAULT_REWARD_TIMEOUT_SECONDS, DEFAULT_MAX_FAULTS, DEFAULT_UPDATES, CheckpointSelection.FINAL);
    }

    /** Checks ranges; every message names the option. */
    public RunSettings {
        rewards = List.copyOf(rewards);
        if (generatorId == null || generatorId.isBlank()) throw new IllegalArgumentException("--generator is missing");
        if (rewards.isEmpty()) throw new IllegalArgumentException("--reward is missing (at least one)");
        positive("--iterations", iterations);
        positive("--batch", batchSize);
        positive("--demo-steps", demoSteps);
        positive("--eval-steps", evalSteps);
        positive("--checkpoint-every", checkpointEvery);
        if (evalPromptCount < 0) throw new IllegalArgumentException("--eval-count must not be negative");
        if (evalAudioPairs < 0) throw new IllegalArgumentException("--eval-audio must not be negative");
        if (bootstrap < 1) throw new IllegalArgumentException("--bootstrap must be at least 1");
        if (!(rewardTimeoutSeconds > 0) || !Double.isFinite(rewardTimeoutSeconds)) {
            throw new IllegalArgumentException("--reward-timeout must be a positive number of seconds, got " + rewardTimeoutSeconds);
        }
        positive("--max-faults", maxFaults);
        positive("--updates", updates);
        if (selection == null) selection = CheckpointSelection.FINAL;
        if (trainPrompts == null || trainPrompts.isBlank()) throw new IllegalArgumentException("--train-prompts is missing");
        if (evalPrompts == null) evalPrompts = "";
        lossSettingsOf(loss, beta, learningRate, lambdaPositive, lambdaNegative);
        if (loss == LossType.DPO && pairing == PairingMode.UNPAIRED) {
            throw new IllegalArgumentException("--loss dpo needs pairs: use --pairing paired, set or auto, or --loss kto");
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) throw new IllegalArgumentException(option + " must be at least 1, got " + value);
    }

    private static LossSettings lossSettingsOf(LossType loss, double beta, double lr, double lp, double ln) {
        try {
            return new LossSettings(loss, beta, lp, ln, lr);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("--beta/--lr: " + e.getMessage());
        }
    }

    /** @return the loss settings handed to {@link dev.dragon.api.Generator#train} */
    public LossSettings lossSettings() {
        return lossSettingsOf(loss, beta, learningRate, lambdaPositive, lambdaNegative);
    }

    /** @return this configuration as JSON */
    public JsonObject toJson() {
        JsonArrayBuilder r = Json.createArrayBuilder();
        for (WeightedReward w : rewards) r.add(Json.createObjectBuilder().add("id", w.id()).add("weight", w.weight()));
        return Json.createObjectBuilder()
            .add("generator", generatorId).add("rewards", r).add("iterations", iterations).add("batch", batchSize)
            .add("loss", loss.name().toLowerCase()).add("beta", beta).add("learningRate", learningRate)
            .add("lambdaPositive", lambdaPositive).add("lambdaNegative", lambdaNegative)
            .add("pairing", pairing.name().toLowerCase()).add("demoSteps", demoSteps).add("evalSteps", evalSteps)
            .add("guidance", guidance).add("checkpointEvery", checkpointEvery).add("seed", seed)
            .add("trainPrompts", trainPrompts).add("evalPrompts", evalPrompts).add("evalPromptCount", evalPromptCount)
            .add("evalAudioPairs", evalAudioPairs).add("bootstrap", bootstrap)
            .add("rewardTimeout", rewardTimeoutSeconds).add("maxFaults", maxFaults).add("updates", updates)
            .add("select", selection.name().toLowerCase()).build();
    }

    /**
     * @param json what {@link #toJson} wrote (runs written before the fault policy, the updates or the selection setting
     *             existed get their defaults)
     * @return the configuration
     */
    public static RunSettings fromJson(JsonObject json) {
        List<WeightedReward> rewards = new ArrayList<>();
        for (JsonValue v : json.getJsonArray("rewards")) {
            JsonObject o = v.asJsonObject();
            rewards.add(new WeightedReward(o.getString("id"), o.getJsonNumber("weight").doubleValue()));
        }
        return new RunSettings(json.getString("generator"), rewards, json.getInt("iterations"), json.getInt("batch"),
            LossType.valueOf(json.getString("loss").toUpperCase()), number(json, "beta"), number(json, "learningRate"),
            number(json, "lambdaPositive"), number(json, "lambdaNegative"),
            PairingMode.parse(json.getString("pairing")), json.getInt("demoSteps"), json.getInt("evalSteps"),
            number(json, "guidance"), json.getInt("checkpointEvery"), json.getJsonNumber("seed").longValue(),
            json.getString("trainPrompts"), json.getString("evalPrompts"), json.getInt("evalPromptCount"),
            json.getInt("evalAudioPairs"), json.getInt("bootstrap"),
            json.containsKey("rewardTimeout") ? number(json, "rewardTimeout") : DEFAULT_REWARD_TIMEOUT_SECONDS,
            json.containsKey("maxFaults") ? json.getInt("maxFaults") : DEFAULT_MAX_FAULTS,
            json.containsKey("updates") ? json.getInt("updates") : DEFAULT_UPDATES,
            json.containsKey("select") ? CheckpointSelection.parse(json.getString("select")) : CheckpointSelection.FINAL);
    }

    private static double number(JsonObject json, String key) {
        return json.getJsonNumber(key).doubleValue();
    }

    /** @return a copy with another iteration count (a resumed run may be extended) */
    public RunSettings withIterations(int n) {
        return new RunSettings(generatorId, rewards, n, batchSize, loss, beta, learningRate, lambdaPositive, lambdaNegative,
            pairing, demoSteps, evalSteps, guidance, checkpointEvery, seed, trainPrompts, evalPrompts, evalPromptCount,
            evalAudioPairs, bootstrap, rewardTimeoutSeconds, maxFaults, updates, selection);
    }

    /**
     * @param timeoutSeconds the longest one reward call may take
     * @param faults         faults in a row after which the run pauses
     * @return a copy with another fault policy (it changes no result, so a resumed run may change it)
     */
    public RunSettings withFaultPolicy(double timeoutSeconds, int faults) {
        return new RunSettings(generatorId, rewards, iterations, batchSize, loss, beta, learningRate, lambdaPositive, lambdaNegative,
            pairing, demoSteps, evalSteps, guidance, checkpointEvery, seed, trainPrompts, evalPrompts, evalPromptCount,
            evalAudioPairs, bootstrap, timeoutSeconds, faults, updates, selection);
    }

    /** @return a copy optimising other rewards (a suite runs the same settings for one reward after another) */
    public RunSettings withRewards(List<WeightedReward> other) {
        return new RunSettings(generatorId, other, iterations, batchSize, loss, beta, learningRate, lambdaPositive, lambdaNegative,
            pairing, demoSteps, evalSteps, guidance, checkpointEvery, seed, trainPrompts, evalPrompts, evalPromptCount,
            evalAudioPairs, bootstrap, rewardTimeoutSeconds, maxFaults, updates, selection);
    }

    /** @return a copy that takes {@code n} preference updates per iteration */
    public RunSettings withUpdates(int n) {
        return new RunSettings(generatorId, rewards, iterations, batchSize, loss, beta, learningRate, lambdaPositive, lambdaNegative,
            pairing, demoSteps, evalSteps, guidance, checkpointEvery, seed, trainPrompts, evalPrompts, evalPromptCount,
            evalAudioPairs, bootstrap, rewardTimeoutSeconds, maxFaults, n, selection);
    }

    /** @return a copy that evaluates the checkpoint {@code s} picks (it changes no training, so a resumed run may change it) */
    public RunSettings withSelection(CheckpointSelection s) {
        return new RunSettings(generatorId, rewards, iterations, batchSize, loss, beta, learningRate, lambdaPositive, lambdaNegative,
            pairing, demoSteps, evalSteps, guidance, checkpointEvery, seed, trainPrompts, evalPrompts, evalPromptCount,
            evalAudioPairs, bootstrap, rewardTimeoutSeconds, maxFaults, updates, s);
    }
}
