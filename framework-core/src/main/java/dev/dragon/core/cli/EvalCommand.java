package dev.dragon.core.cli;

import dev.dragon.api.Prompt;
import dev.dragon.core.dragon.RunSettings;
import dev.dragon.core.evaluation.Evaluation;
import dev.dragon.core.run.AtomicFiles;
import dev.dragon.core.run.BestCheckpoint;
import dev.dragon.core.run.CheckpointStore;
import dev.dragon.core.run.MetricsLog;
import dev.dragon.core.run.RunFolder;
import dev.dragon.core.run.RunProgress;
import dev.dragon.core.run.RunService;
import dev.dragon.core.run.StatusBoard;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code dragon eval}: a checkpoint against a baseline (by default the run's base model, iteration 0) on held-out
 * prompts with the same seeds, every reward present measured; writes {@code eval/} and {@code report.html}.
 */
@Component(property = Subcommand.NAME + "=eval")
public class EvalCommand implements Subcommand {

    @Reference
    private Orchestrator orchestrator;
    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "evaluate a checkpoint against its base (or --baseline) on held-out prompts: win rates and every reward";
    }

    @Override
    public String usage() {
        return "dragon eval --checkpoint RUN_DIR|CHECKPOINT_DIR [--baseline CHECKPOINT_DIR] [--prompts FILE] [--count N] [--out DIR]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        CommandOptions o = CommandOptions.parse("eval", args, Set.of("--checkpoint", "--baseline", "--prompts", "--count", "--out", "--profile"), Set.of());
        RunCommand.checkProfile(o, context);
        if (!o.has("--checkpoint")) throw CommandException.usage("--checkpoint is missing (a run folder or one of its checkpoints)");
        Path given = Path.of(o.string("--checkpoint", "")).toAbsolutePath().normalize();
        RunFolder run;
        Path tuned;
        if (Files.isRegularFile(given.resolve("config.json"))) {
            run = new RunFolder(given);
            // the checkpoint the run reported: the one selection.json chose (select = best), else the newest
            int latest = new CheckpointStore(run).latest().orElseThrow(() -> new CommandException(run.checkpoints() + ": no complete checkpoint"));
            tuned = new CheckpointStore(run).path(BestCheckpoint.chosen(run).orElse(latest));
        } else if (CheckpointStore.iterationOf(given).isPresent()) {
            tuned = given;
            run = new RunFolder(given.getParent().getParent());
            if (!run.exists()) throw new CommandException(run.config() + ": the checkpoint is not inside a run folder (no such file)");
        } else {
            throw new CommandException(given + ": neither a run folder (config.json) nor a complete checkpoint (state.json)");
        }
        Path base = o.has("--baseline") ? Path.of(o.string("--baseline", "")).toAbsolutePath().normalize() : new CheckpointStore(run).path(0);
        if (CheckpointStore.iterationOf(base).isEmpty()) throw new CommandException(base + ": not a complete checkpoint (state.json missing or unreadable)");
        RunSettings settings = RunSettings.fromJson(RunFolder.readJson(run.config()));
        String promptFile = o.string("--prompts", settings.evalPrompts());
        if (promptFile.isEmpty()) throw CommandException.usage("--prompts is missing (the run has no held-out prompt file)");
        List<Prompt> prompts = RunService.prompts(Path.of(promptFile).toAbsolutePath().toString(), "heldout");
        int count = o.integer("--count", settings.evalPromptCount());
        if (count > 0 && count < prompts.size()) prompts = prompts.subList(0, count);

        RunFolder target = o.has("--out") ? new RunFolder(Path.of(o.string("--out", "")).toAbsolutePath().normalize()) : run;
        if (!target.root().equals(run.root())) copyRunRecords(run, target);
        Evaluation e;
        try (RunProgress progress = RunProgress.onConsole(target.root(), settings.iterations(), new StatusBoard(DragonHome.of(context)))) {
            e = new RunService(orchestrator).evaluate(target, settings, CheckpointStore.modelOf(base), CheckpointStore.modelOf(tuned), prompts, progress);
        }
        RunService.writeReport(target, e);
        RunCommand.printOutcome(out, new RunService.Outcome(target, CheckpointStore.iterationOf(tuned).orElse(-1), e));
        return 0;
    }

    /** An evaluation written elsewhere still gets the run's configuration, provenance and curves in its report. */
    private static void copyRunRecords(RunFolder from, RunFolder to) throws IOException {
        Files.createDirectories(to.root());
        AtomicFiles.writeJson(to.config(), RunFolder.readJson(from.config()));
        if (Files.exists(from.provenance())) AtomicFiles.writeJson(to.provenance(), RunFolder.readJson(from.provenance()));
        if (Files.exists(from.metricsJsonLines())) {
            AtomicFiles.writeText(to.metricsJsonLines(), Files.readString(from.metricsJsonLines()));
            if (Files.exists(from.metricsCsv())) AtomicFiles.writeText(to.metricsCsv(), Files.readString(from.metricsCsv()));
        }
        MetricsLog.read(to);
    }
}
