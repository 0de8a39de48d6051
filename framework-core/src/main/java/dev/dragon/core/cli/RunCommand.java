package dev.dragon.core.cli;

import dev.dragon.api.LossType;
import dev.dragon.core.dragon.CheckpointSelection;
import dev.dragon.core.dragon.PairingMode;
import dev.dragon.core.dragon.RunSettings;
import dev.dragon.core.dragon.WeightedReward;
import dev.dragon.core.evaluation.MetricResult;
import dev.dragon.core.run.RunFolder;
import dev.dragon.core.run.RunProgress;
import dev.dragon.core.run.RunService;
import dev.dragon.core.run.StatusBoard;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code dragon run}: a DRAGON fine-tuning run with the given generator and rewards, then the evaluation on
 * held-out prompts and the report; {@code --resume DIR} continues a run from its newest complete checkpoint.
 */
@Component(property = Subcommand.NAME + "=run")
public class RunCommand implements Subcommand {

    static final Set<String> OPTIONS = Set.of("--reward", "--generator", "--iterations", "--batch", "--beta", "--lr", "--loss",
        "--pairing", "--demo-steps", "--eval-steps", "--guidance", "--eval-prompts", "--eval-count", "--eval-audio",
        "--bootstrap", "--train-prompts", "--checkpoint-every", "--out", "--resume", "--seed", "--profile", "--reward-timeout",
        "--max-faults", "--updates", "--select");

    @Reference
    private Orchestrator orchestrator;
    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "fine-tune a generator toward rewards with DRAGON, evaluate on held-out prompts, write the run folder and report";
    }

    @Override
    public String usage() {
        return "dragon run --generator ID --reward ID[=WEIGHT]... --train-prompts FILE [--eval-prompts FILE] [--iterations N]\n"
            + "       [--batch B] [--updates K] [--loss dpo|kto] [--beta X] [--lr X] [--pairing auto|paired|unpaired|set]\n"
            + "       [--demo-steps N] [--eval-steps N] [--guidance X] [--eval-count N] [--eval-audio N] [--bootstrap N]\n"
            + "       [--checkpoint-every N] [--seed S] [--out DIR] [--reward-timeout SECONDS] [--max-faults K] [--select final|best]\n"
            + "   or: dragon run --resume DIR [--iterations N] [--reward-timeout SECONDS] [--max-faults K] [--select final|best]\n"
            + "A reward call that takes longer than --reward-timeout (default 600 s) is abandoned and costs its iteration, like a\n"
            + "reward that throws or returns NaN/Inf; after --max-faults (default 3) such faults of one reward in a row the run\n"
            + "pauses until that reward is replaced. A run whose reward is not available pauses until it returns. --updates K\n"
            + "(default 1) takes K preference updates on each iteration's batch, each with fresh timesteps and noise.\n"
            + "--select best evaluates the checkpoint whose last 5 iterations scored best on-policy (the run's own samples;\n"
            + "it keeps a run that collapsed late from losing its good earlier model) instead of the final one (default).";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        CommandOptions o = CommandOptions.parse("run", args, OPTIONS, Set.of());
        checkProfile(o, context);
        RunSettings settings;
        Path folder;
        boolean resume = o.has("--resume");
        if (resume) {
            for (String only : List.of("--reward", "--generator", "--train-prompts", "--out", "--seed", "--batch", "--updates", "--loss", "--beta", "--lr", "--pairing")) {
                if (o.has(only)) throw CommandException.usage(only + " cannot change on --resume (the run keeps its config.json); only --iterations, --reward-timeout, --max-faults and --select may");
            }
            folder = Path.of(o.string("--resume", "")).toAbsolutePath();
            RunFolder rf = new RunFolder(folder);
            if (!rf.exists()) throw new CommandException(rf.config() + ": no run to resume (no such file)");
            settings = RunSettings.fromJson(RunFolder.readJson(rf.config()));
            if (o.has("--iterations")) settings = settings.withIterations(o.integer("--iterations", settings.iterations()));
            settings = faultPolicy(o, settings);
            if (o.has("--select")) settings = settings.withSelection(selection(o));
        } else {
            settings = settings(o, defaults());
            folder = o.has("--out") ? Path.of(o.string("--out", "")) : defaultFolder(DragonHome.of(context).resolve("runs"), "run");
        }
        List<String> commandLine = new ArrayList<>(List.of("dragon", "run"));
        commandLine.addAll(args);
        RunService.Outcome outcome;
        try (RunProgress progress = RunProgress.onConsole(folder.toAbsolutePath(), settings.iterations(), new StatusBoard(DragonHome.of(context)))) {
            outcome = new RunService(orchestrator).run(settings, folder, resume, commandLine, progress);
        }
        printOutcome(out, outcome);
        return 0;
    }

    /** Built-in defaults of {@code run}; the demo has its own in its configuration. */
    static RunSettings defaults() {
        return new RunSettings("builtin-music", List.of(new WeightedReward("trivial-loudness", 1)), 20, 8, LossType.DPO, 2000, 1e-4,
            1, 1, PairingMode.AUTO, 10, 20, 1, 5, 1, "-", "", 0, 8, 100);
    }

    /**
     * @param o        the parsed options
     * @param defaults what applies where an option is absent
     * @return the run settings
     * @throws CommandException naming the bad option
     */
    static RunSettings settings(CommandOptions o, RunSettings defaults) throws CommandException {
        try {
            List<WeightedReward> rewards = o.has("--reward") ? o.all("--reward").stream().map(WeightedReward::parse).toList() : defaults.rewards();
            LossType loss = defaults.loss();
            if (o.has("--loss")) {
                String l = o.string("--loss", "");
                if (l.equalsIgnoreCase("dpo")) loss = LossType.DPO;
                else if (l.equalsIgnoreCase("kto")) loss = LossType.KTO;
                else throw CommandException.usage("option --loss: unknown loss '" + l + "' (one of: dpo, kto)");
            }
            PairingMode pairing = o.has("--pairing") ? PairingMode.parse(o.string("--pairing", "")) : defaults.pairing();
            String train = o.string("--train-prompts", defaults.trainPrompts());
            if (train.equals("-")) throw CommandException.usage("--train-prompts FILE is missing");
            String eval = o.string("--eval-prompts", defaults.evalPrompts());
            return new RunSettings(o.string("--generator", defaults.generatorId()), rewards,
                o.integer("--iterations", defaults.iterations()), o.integer("--batch", defaults.batchSize()), loss,
                o.number("--beta", defaults.beta()), o.number("--lr", defaults.learningRate()), defaults.lambdaPositive(),
                defaults.lambdaNegative(), pairing, o.integer("--demo-steps", defaults.demoSteps()),
                o.integer("--eval-steps", defaults.evalSteps()), o.number("--guidance", defaults.guidance()),
                o.integer("--checkpoint-every", defaults.checkpointEvery()), o.longValue("--seed", defaults.seed()),
                Path.of(train).toAbsolutePath().toString(), eval.isEmpty() ? "" : Path.of(eval).toAbsolutePath().toString(),
                o.integer("--eval-count", defaults.evalPromptCount()), o.integer("--eval-audio", defaults.evalAudioPairs()),
                o.integer("--bootstrap", defaults.bootstrap()), o.number("--reward-timeout", defaults.rewardTimeoutSeconds()),
                o.integer("--max-faults", defaults.maxFaults()), o.integer("--updates", defaults.updates()),
                o.has("--select") ? selection(o) : defaults.selection());
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
    }

    /** {@code --select} changes no training, so a resumed run may change it too. */
    private static CheckpointSelection selection(CommandOptions o) throws CommandException {
        try {
            return CheckpointSelection.parse(o.string("--select", ""));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage("option --select: " + e.getMessage());
        }
    }

    /** {@code --reward-timeout} and {@code --max-faults} change no result, so a resumed run may change them too. */
    private static RunSettings faultPolicy(CommandOptions o, RunSettings settings) throws CommandException {
        try {
            return settings.withFaultPolicy(o.number("--reward-timeout", settings.rewardTimeoutSeconds()),
                o.integer("--max-faults", settings.maxFaults()));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
    }

    /** {@code --profile} belongs before the command; accepted here only when it names the profile this process runs. */
    static void checkProfile(CommandOptions o, BundleContext context) throws CommandException {
        if (!o.has("--profile")) return;
        String running = String.valueOf(context.getProperty("dragon.profile"));
        String asked = o.string("--profile", "");
        if (!asked.equals(running)) {
            throw CommandException.usage("this process runs profile '" + running + "': start it as ./dragon --profile " + asked + " " + o.command() + " ...");
        }
    }

    /** @return {@code <runs>/<what>-<date>-<time>} */
    static Path defaultFolder(Path runs, String what) {
        return runs.resolve(what + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** Prints the headline and, as the last line, the run folder. */
    static void printOutcome(PrintStream out, RunService.Outcome outcome) {
        if (outcome.evaluation() != null) {
            for (MetricResult m : outcome.evaluation().results()) {
                if (m.winRate() == null) {
                    out.printf(Locale.ROOT, "%-32s not measured: %s%n", m.rewardId(), m.error());
                    continue;
                }
                var w = m.winRate();
                out.printf(Locale.ROOT, "%-32s %s win rate %6.2f %% (%d/%d, %d ties)%s  before %.6g after %.6g%n", m.rewardId(),
                    m.target() ? "TARGET" : "      ", 100 * w.rate(), w.wins(), w.trials(), w.ties(),
                    Double.isFinite(w.pValue()) ? String.format(Locale.ROOT, "  CP95 lower %.2f %%  p=%.3g  P(WR>0.5)=%.4f",
                        100 * w.lowerBound95(), w.pValue(), w.posteriorAboveHalf()) : "  (" + m.method() + ")",
                    m.before(), m.after());
            }
        }
        out.println("report: " + outcome.folder().report());
        out.println(outcome.folder().root());
    }
}
