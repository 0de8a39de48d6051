package dev.dragon.core.suite;

import dev.dragon.api.LossType;
import dev.dragon.core.dragon.CheckpointSelection;
import dev.dragon.core.dragon.PairingMode;
import dev.dragon.core.dragon.RunSettings;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One suite reward's training settings that differ from the suite's shared ones: the {@code run.NAME=VALUE}
 * properties of its line (the DRAGON paper tunes its settings per reward too). Only training settings, which checkpoint
 * is evaluated and how often one is kept to choose from may change (guidance also sets the evaluation sampler's scale,
 * for the base and the fine-tuned model alike); the evaluation's prompts, sampler steps, seed and bootstrap stay the
 * same for every reward so that the win rates remain comparable.
 * Values are checked when the line is read, so that a bad one names its key before any run.
 *
 * @param values the overrides by name (without {@code run.}), in the order given
 */
public record RunOverrides(Map<String, String> values) {

    /** Prefix of the properties of a suite line that override a run setting. */
    public static final String PREFIX = "run.";
    /** The names an override may have. */
    public static final List<String> NAMES = List.of("iterations", "batch", "updates", "loss", "beta", "lr", "lambda.positive",
        "lambda.negative", "pairing", "demo.steps", "guidance", "select", "checkpoint.every");
    /** No override: the suite's shared settings. */
    public static final RunOverrides NONE = new RunOverrides(Map.of());

    /** Canonical constructor: copies the values. */
    public RunOverrides {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return true when there is no override */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Checks one override.
     *
     * @param key   the configuration key of the line, named in errors
     * @param name  the setting's name, without {@code run.}
     * @param value its value
     * @throws IllegalArgumentException naming the key and the setting, when the name is unknown or the value bad
     */
    public static void check(String key, String name, String value) {
        String where = key + ": " + PREFIX + name + "=" + value;
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(key + ": '" + PREFIX + name + "' is not a run setting a reward may change (one of: "
                + String.join(", ", NAMES.stream().map(n -> PREFIX + n).toList()) + "; the evaluation is the same for every reward)");
        }
        try {
            switch (name) {
                case "iterations", "batch", "demo.steps", "checkpoint.every" -> {
                    if (Integer.parseInt(value) < 1) throw new IllegalArgumentException("must be at least 1");
                }
                case "loss" -> LossType.valueOf(value.toUpperCase(Locale.ROOT));
                case "pairing" -> PairingMode.parse(value);
                case "select" -> CheckpointSelection.parse(value);
                default -> {
                    double d = Double.parseDouble(value);
                    if (!Double.isFinite(d) || d < 0 || (d == 0 && !name.equals("guidance"))) {
                        throw new IllegalArgumentException(name.equals("guidance") ? "must not be negative" : "must be above 0");
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": not a number");
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() != null && e.getMessage().startsWith("No enum constant") ? "one of: dpo, kto" : e.getMessage();
            throw new IllegalArgumentException(where + ": " + m);
        }
    }

    /**
     * @param shared the suite's settings
     * @return the settings with these overrides applied (everything else, the evaluation included, as shared)
     * @throws IllegalArgumentException when the combination is refused (e.g. DPO with unpaired preferences)
     */
    public RunSettings applyTo(RunSettings shared) {
        int iterations = integer("iterations", shared.iterations());
        int batch = integer("batch", shared.batchSize());
        LossType loss = values.containsKey("loss") ? LossType.valueOf(values.get("loss").toUpperCase(Locale.ROOT)) : shared.loss();
        double beta = number("beta", shared.beta());
        double lr = number("lr", shared.learningRate());
        double lambdaPositive = number("lambda.positive", shared.lambdaPositive());
        double lambdaNegative = number("lambda.negative", shared.lambdaNegative());
        PairingMode pairing = values.containsKey("pairing") ? PairingMode.parse(values.get("pairing")) : shared.pairing();
        int demoSteps = integer("demo.steps", shared.demoSteps());
        double guidance = number("guidance", shared.guidance());
        return new RunSettings(shared.generatorId(), shared.rewards(), iterations, batch, loss, beta, lr, lambdaPositive, lambdaNegative,
            pairing, demoSteps, shared.evalSteps(), guidance, integer("checkpoint.every", shared.checkpointEvery()), shared.seed(),
            shared.trainPrompts(), shared.evalPrompts(), shared.evalPromptCount(), shared.evalAudioPairs(), shared.bootstrap(),
            shared.rewardTimeoutSeconds(), shared.maxFaults(), integer("updates", shared.updates()),
            values.containsKey("select") ? CheckpointSelection.parse(values.get("select")) : shared.selection());
    }

    /**
     * @param s run settings
     * @return the training settings of a run in one short line, e.g. {@code 12×8 dpo β=2000 lr=0.0001 demo 10 steps guidance 1 auto}
     */
    public static String describe(RunSettings s) {
        String lambdas = s.loss() == LossType.KTO ? String.format(Locale.ROOT, " λ+=%s λ−=%s", fmt(s.lambdaPositive()), fmt(s.lambdaNegative())) : "";
        String updates = s.updates() == 1 ? "" : " ×" + s.updates() + " updates";
        String select = s.selection() == CheckpointSelection.BEST ? " best checkpoint" : "";
        return String.format(Locale.ROOT, "%d×%d%s %s β=%s lr=%s%s demo %d steps guidance %s %s%s", s.iterations(), s.batchSize(),
            updates, s.loss().name().toLowerCase(Locale.ROOT), fmt(s.beta()), fmt(s.learningRate()), lambdas, s.demoSteps(), fmt(s.guidance()),
            s.pairing().name().toLowerCase(Locale.ROOT), select);
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
    }

    private int integer(String name, int shared) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : shared;
    }

    private double number(String name, double shared) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : shared;
    }
}
