package dev.dragon.core.run;

import dev.dragon.api.Generator;
import dev.dragon.api.Prompt;
import dev.dragon.api.Reward;
import dev.dragon.core.dragon.CheckpointSelection;
import dev.dragon.core.dragon.DragonLoop;
import dev.dragon.core.dragon.IterationMetrics;
import dev.dragon.core.dragon.LoopListener;
import dev.dragon.core.dragon.PreferenceStrategy;
import dev.dragon.core.dragon.PromptFile;
import dev.dragon.core.dragon.RewardDirectory;
import dev.dragon.core.dragon.RewardFault;
import dev.dragon.core.dragon.RewardPanel;
import dev.dragon.core.dragon.RunSeeds;
import dev.dragon.core.dragon.RunSettings;
import dev.dragon.core.dragon.WeightedReward;
import dev.dragon.core.evaluation.Evaluation;
import dev.dragon.core.evaluation.Evaluator;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import dev.dragon.runtime.PluginType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs DRAGON end to end against the plugins the framework holds: checks the ids, lays out the run folder
 * ({@link RunFolder}), runs or resumes the loop, evaluates the final checkpoint (or the best, {@link BestCheckpoint})
 * against the base on held-out prompts, and writes the report. The commands {@code run}, {@code demo} and {@code eval} are thin shells around it.
 */
public final class RunService {

    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final Orchestrator orchestrator;

    /** @param orchestrator where generators and rewards are found */
    public RunService(Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    /**
     * What a run produced.
     *
     * @param folder     the run folder
     * @param checkpoint the iteration of the evaluated checkpoint (the final one unless the run selects its best)
     * @param evaluation the evaluation, or null when the run has no held-out prompts
     */
    public record Outcome(RunFolder folder, int checkpoint, Evaluation evaluation) {
    }

    /**
     * Starts a fresh run in {@code out}, or continues the run there.
     *
     * @param settings    the run's settings (for a resumed run: those of its config.json, possibly extended)
     * @param out         the run folder
     * @param resume      true to continue the run in {@code out}
     * @param commandLine the command line, for provenance
     * @param progress    progress of the loop and evaluation
     * @return what the run produced
     * @throws CommandException for unknown ids, unreadable prompt files, a folder that already holds a run
     * @throws IOException      when the run folder cannot be written
     */
    public Outcome run(RunSettings settings, Path out, boolean resume, List<String> commandLine, RunProgress progress)
        throws CommandException, IOException {
        RunFolder folder = new RunFolder(out.toAbsolutePath().normalize());
        if (!resume && nonEmpty(folder.root())) {
            throw CommandException.usage(folder.root() + " is not empty" + (folder.exists() ? " and holds a run: continue it with --resume " + folder.root() : ": choose a new --out folder"));
        }
        if (resume && !folder.exists()) throw new CommandException(folder.config() + ": no run to resume (no such file)");
        Generator generator = generator(settings.generatorId());
        checkRewards(settings.rewards());
        List<Prompt> train = prompts(settings.trainPrompts(), "train");
        List<Prompt> heldOut = settings.evalPrompts().isEmpty() ? List.of() : heldOut(settings);
        int last;
        CheckpointStore checkpoints = new CheckpointStore(folder);
        try (RewardPanel panel = new RewardPanel(settings.rewards(), directory(orchestrator), settings.rewardTimeoutSeconds(), settings.maxFaults())) {
            try {
                PreferenceStrategy.forMode(settings.pairing(), panel.hasSetRewards());
            } catch (IllegalArgumentException e) {
                throw CommandException.usage(e.getMessage());
            } catch (RewardFault e) {
                throw new CommandException(e.getMessage());
            }

            Files.createDirectories(folder.root());
            AtomicFiles.writeJson(folder.config(), settings.toJson());
            recordSession(folder, settings, commandLine, resume);

            MetricsLog metrics = new MetricsLog(folder, settings.rewards().stream().map(WeightedReward::id).toList());
            last = new DragonLoop(generator, panel, settings, train, checkpoints, metrics, progress).run();
        }

        int chosen = last;
        if (settings.selection() == CheckpointSelection.BEST) {
            BestCheckpoint.Choice choice = BestCheckpoint.choose(MetricsLog.read(folder), checkpoints.iterations(), settings.rewards(),
                Math.min(BestCheckpoint.WINDOW, settings.checkpointEvery()), last);
            AtomicFiles.writeJson(folder.selection(), choice.toJson());
            chosen = choice.iteration();
            LOG.info("evaluating checkpoint {} (best on-policy score over its last {} iterations; final: {})", chosen, choice.window(), last);
        } else {
            Files.deleteIfExists(folder.selection()); // a resumed run that no longer selects: no stale choice left behind
        }
        Evaluation evaluation = null;
        if (!heldOut.isEmpty()) {
            evaluation = evaluate(folder, settings, checkpoints.modelPath(0), checkpoints.modelPath(chosen), heldOut, progress);
        }
        writeReport(folder, evaluation);
        return new Outcome(folder, chosen, evaluation);
    }

    /**
     * @param orchestrator the framework's orchestrator
     * @return it as a {@link RewardDirectory} when it signals plugin changes (the framework's does), else a directory
     *         over its lookup that a paused run re-checks every 50 ms
     */
    static RewardDirectory directory(Orchestrator orchestrator) {
        return orchestrator instanceof RewardDirectory d ? d : RewardDirectory.of(orchestrator::reward);
    }

    /**
     * Evaluates {@code tunedModel} against {@code baseModel}, writing WAV pairs and {@code eval/evaluation.json} into
     * {@code folder}.
     *
     * @param folder     where the evaluation goes
     * @param settings   the run's settings (generator, rewards, steps, seed)
     * @param baseModel  the base checkpoint's model folder
     * @param tunedModel the fine-tuned checkpoint's model folder
     * @param prompts    held-out prompts
     * @param progress   progress
     * @return the evaluation
     * @throws CommandException when the generator is missing
     * @throws IOException      when a checkpoint cannot be restored or the results written
     */
    public Evaluation evaluate(RunFolder folder, RunSettings settings, Path baseModel, Path tunedModel, List<Prompt> prompts,
                               Evaluator.Progress progress) throws CommandException, IOException {
        Generator generator = generator(settings.generatorId());
        List<Reward> all = new ArrayList<>();
        for (PluginEntry p : orchestrator.plugins()) {
            if (p.type() == PluginType.REWARD && all.stream().noneMatch(r -> r.id().equals(p.id()))) {
                orchestrator.reward(p.id()).ifPresent(all::add);
            }
        }
        Evaluator evaluator = new Evaluator(new Evaluator.Settings(settings.evalSteps(), settings.guidance(),
            new RunSeeds(settings.seed()), settings.evalAudioPairs(), settings.bootstrap(), settings.rewardTimeoutSeconds()));
        Evaluation e = evaluator.evaluate(generator, baseModel, tunedModel, prompts,
            settings.rewards().stream().map(WeightedReward::id).toList(), all, folder.root(), progress);
        Evaluator.write(folder.root(), e);
        return e;
    }

    /**
     * (Re)writes {@code report.html} from the folder's files.
     *
     * @param folder     the run folder
     * @param evaluation the evaluation, or null
     * @throws IOException when a file cannot be read or the report written
     */
    public static void writeReport(RunFolder folder, Evaluation evaluation) throws IOException {
        JsonObject config = RunFolder.readJson(folder.config());
        JsonObject provenance = Files.exists(folder.provenance()) ? RunFolder.readJson(folder.provenance()) : Json.createObjectBuilder().build();
        List<IterationMetrics> rows = MetricsLog.read(folder);
        dev.dragon.core.report.ReportWriter.write(folder, config, provenance, rows, evaluation);
    }

    /**
     * @param settings the run's settings
     * @return its held-out prompts, the first {@code evalPromptCount} when that is set
     * @throws CommandException when the file cannot be read
     */
    public static List<Prompt> heldOut(RunSettings settings) throws CommandException {
        List<Prompt> p = prompts(settings.evalPrompts(), "heldout");
        return settings.evalPromptCount() > 0 && settings.evalPromptCount() < p.size() ? p.subList(0, settings.evalPromptCount()) : p;
    }

    /**
     * @param file  a prompt file
     * @param split the split to prefer when the file has a split column
     * @return its prompts
     * @throws CommandException naming the file and the problem
     */
    public static List<Prompt> prompts(String file, String split) throws CommandException {
        try {
            return PromptFile.read(Path.of(file), split);
        } catch (IOException e) {
            throw new CommandException(e.getMessage());
        }
    }

    /**
     * @param id a generator id
     * @return the generator
     * @throws CommandException listing the generators there are when it is unknown
     */
    public Generator generator(String id) throws CommandException {
        return orchestrator.generator(id).orElseThrow(() -> new CommandException("unknown generator '" + id + "' (available: "
            + available(PluginType.GENERATOR) + ")"));
    }

    private void checkRewards(List<WeightedReward> rewards) throws CommandException {
        for (WeightedReward w : rewards) {
            if (orchestrator.reward(w.id()).isEmpty()) {
                throw new CommandException("unknown reward '" + w.id() + "' (available: " + available(PluginType.REWARD) + ")");
            }
        }
    }

    /** @return the ids of a plugin type, comma-separated, or {@code none} */
    public String available(PluginType type) {
        List<String> ids = orchestrator.plugins().stream().filter(p -> p.type() == type).map(PluginEntry::id).distinct().toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private void recordSession(RunFolder folder, RunSettings settings, List<String> commandLine, boolean resume) throws IOException {
        JsonArrayBuilder sessions = Json.createArrayBuilder();
        if (Files.exists(folder.provenance())) {
            var old = RunFolder.readJson(folder.provenance()).getJsonArray("sessions");
            if (old != null) old.forEach(sessions::add);
        }
        JsonArrayBuilder plugins = Json.createArrayBuilder();
        for (PluginEntry p : orchestrator.plugins()) {
            plugins.add(Json.createObjectBuilder().add("type", p.type().name().toLowerCase()).add("id", p.id()).add("kind", p.kind())
                .add("version", p.version()).add("bundle", p.bundle()).add("fingerprint", p.fingerprint()));
        }
        JsonArrayBuilder args = Json.createArrayBuilder();
        commandLine.forEach(args::add);
        sessions.add(Json.createObjectBuilder().add("started", Instant.now().toString()).add("resume", resume)
            .add("commandLine", args).add("seed", settings.seed()).add("plugins", plugins)
            .add("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
            .add("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
            .add("cpus", Runtime.getRuntime().availableProcessors()));
        AtomicFiles.writeJson(folder.provenance(), Json.createObjectBuilder().add("sessions", sessions).build());
    }

    private static boolean nonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return Files.exists(dir);
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    /** @return a listener that ignores everything */
    public static LoopListener silent() {
        return new LoopListener() { };
    }
}
