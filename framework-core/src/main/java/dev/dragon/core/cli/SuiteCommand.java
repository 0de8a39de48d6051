package dev.dragon.core.cli;

import dev.dragon.api.Generator;
import dev.dragon.api.LossType;
import dev.dragon.api.Reward;
import dev.dragon.core.dragon.CheckpointSelection;
import dev.dragon.core.dragon.PairingMode;
import dev.dragon.core.dragon.RunSettings;
import dev.dragon.core.dragon.WeightedReward;
import dev.dragon.core.evaluation.MetricResult;
import dev.dragon.core.run.AtomicFiles;
import dev.dragon.core.run.RunFolder;
import dev.dragon.core.run.RunProgress;
import dev.dragon.core.run.RunService;
import dev.dragon.core.run.StatusBoard;
import dev.dragon.core.suite.RunOverrides;
import dev.dragon.core.suite.SuiteReward;
import dev.dragon.core.suite.SuiteRow;
import dev.dragon.core.suite.SuiteTable;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginType;
import dev.dragon.runtime.Subcommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dragon suite}: one fine-tuned model per reward of a suite, each from the same base model, and the average
 * reward win rate over the suite (the DRAGON paper's headline figure). For each reward, in order: restore the base
 * model, create the reward through ConfigurationAdmin (a factory configuration; exemplar sets drawn from the
 * corpus), run DRAGON and evaluate on the held-out prompts (a run folder under the suite folder), remove the
 * reward's configuration again so that the next evaluation measures only what it should, and rewrite
 * {@code suite.json}, {@code suite.csv} and {@code suite.html}. Running it again on the same {@code --out} skips the
 * rewards already finished and resumes an interrupted run from its newest checkpoint. Numbers and rewards come
 * from {@link SuiteConfiguration} (PID {@value #PID}); a reward's line may change its own training settings
 * ({@code run.NAME=VALUE}, {@link dev.dragon.core.suite.RunOverrides}), never its evaluation.
 */
@Component(configurationPid = SuiteCommand.PID, property = Subcommand.NAME + "=suite")
@Designate(ocd = SuiteConfiguration.class)
public class SuiteCommand implements Subcommand {

    /** The configuration PID. */
    static final String PID = "dev.dragon.suite";
    /** Property that marks the configurations the suite creates (removed when left over by a killed suite). */
    static final String MARKER = "dragon.suite";
    /** Name of the base model's folder inside the suite folder. */
    static final String BASE_MODEL = "base-model";
    /** A finished reward's row, inside its run folder. */
    static final String ROW_FILE = "suite-row.json";

    private static final Logger LOG = LoggerFactory.getLogger(SuiteCommand.class);

    @Reference
    private Orchestrator orchestrator;
    @Reference
    private ConfigurationAdmin configurationAdmin;
    private BundleContext context;
    private volatile SuiteConfiguration config;
    private volatile Map<String, Object> properties;

    @Activate
    @Modified
    void activate(BundleContext context, SuiteConfiguration config, Map<String, Object> properties) {
        this.context = context;
        this.config = config;
        this.properties = new HashMap<>(properties);
    }

    @Override
    public String name() {
        return "suite";
    }

    @Override
    public String summary() {
        return "one DRAGON run per reward of a suite from the same base model, and the average reward win rate (prints the suite folder)";
    }

    @Override
    public String usage() {
        return "dragon suite [--out DIR] [--iterations N] [--eval-count N] [--seed S] [--only ID,ID...] [--corpus DIR]\n"
            + "       (rewards and numbers: launcher/profiles/PROFILE/" + PID + ".cfg; an existing --out folder is continued:\n"
            + "       finished rewards are skipped; --iterations overrides every reward's own; --corpus another corpus folder,\n"
            + "       e.g. a validation split to choose settings on)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        CommandOptions o = CommandOptions.parse("suite", args, Set.of("--out", "--iterations", "--eval-count", "--seed", "--only", "--corpus"), Set.of());
        SuiteConfiguration c = config;
        List<SuiteReward> rewards;
        try {
            rewards = SuiteReward.fromConfiguration(properties);
        } catch (IllegalArgumentException e) {
            throw new CommandException(PID + ": " + e.getMessage());
        }
        try {
            if (o.has("--only")) rewards = SuiteReward.only(rewards, List.of(o.string("--only", "").split(",")));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
        Path home = DragonHome.of(context);
        RunService service = new RunService(orchestrator);
        Generator generator = service.generator(c.generator());
        Path corpus = o.has("--corpus") ? Path.of(o.string("--corpus", "")).toAbsolutePath().normalize() : home.resolve(c.corpus_dir());
        if (!Files.isRegularFile(corpus.resolve("captions.tsv")) || !Files.isRegularFile(corpus.resolve("prompts-heldout.tsv"))) {
            DemoCommand.makeCorpus(context, corpus, c.corpus_clips(), c.corpus_heldout(), c.corpus_seed());
        }
        RunSettings settings = settings(c, o.integer("--iterations", c.iterations()), o.integer("--eval-count", c.eval_prompts()),
            o.longValue("--seed", c.seed()), corpus);
        Integer iterationsForAll = o.has("--iterations") ? settings.iterations() : null;
        for (SuiteReward r : rewards) {
            // refused combinations (e.g. run.pairing=unpaired with DPO) stop the suite before any run, not as a row's error
            try {
                r.run().applyTo(settings);
            } catch (IllegalArgumentException e) {
                throw new CommandException(r.key() + " in " + PID + ".cfg: " + e.getMessage());
            }
        }
        Path folder = (o.has("--out") ? Path.of(o.string("--out", "")) : RunCommand.defaultFolder(home.resolve(c.runs_dir()), "suite"))
            .toAbsolutePath().normalize();
        Files.createDirectories(folder);
        removeLeftoverConfigurations();
        Path base = saveOrFindBase(generator, folder.resolve(BASE_MODEL));

        JsonObject recorded = Json.createObjectBuilder(settings.toJson()).remove("rewards").build();
        List<SuiteRow> rows = new ArrayList<>();
        long suiteStart = System.nanoTime();
        for (int i = 0; i < rewards.size(); i++) {
            SuiteReward r = rewards.get(i);
            String runName = r.runName();
            Path runDir = folder.resolve(runName);
            String position = (i + 1) + "/" + rewards.size();
            SuiteRow row = finishedRow(runDir, runName);
            if (row != null) {
                System.err.printf(Locale.ROOT, "suite %s: '%s' already finished in %s: skipped%n", position, r.id(), runDir);
            } else {
                row = runOne(r, position, runName, runDir, base, generator, corpus, c, settings, iterationsForAll, args, service);
            }
            rows.add(row);
            SuiteTable table = new SuiteTable(rows, rewards.size(), recorded);
            table.write(folder);
            System.err.printf(Locale.ROOT, "suite %s: %s; average so far %s over %d measured%n", position, describe(row),
                percent(table.averageWinRate()), table.measured());
        }
        SuiteTable table = new SuiteTable(rows, rewards.size(), recorded);
        table.write(folder);
        for (SuiteRow row : rows) out.println(describe(row));
        out.printf(Locale.ROOT, "average reward win rate %s over %d of %d rewards (%d above 50 %%; the paper: %s over 20), %.0f s%n",
            percent(table.averageWinRate()), table.measured(), rewards.size(), table.improved(), percent(SuiteTable.PAPER_AVERAGE),
            (System.nanoTime() - suiteStart) / 1e9);
        out.println("report: " + folder.resolve("suite.html"));
        out.println(folder);
        return 0;
    }

    /** The run settings every reward shares; the reward is filled in per run. */
    private static RunSettings settings(SuiteConfiguration c, int iterations, int evalCount, long seed, Path corpus)
            throws CommandException {
        try {
            return new RunSettings(c.generator(), List.of(new WeightedReward("-", 1)), iterations, c.batch(),
                LossType.valueOf(c.loss().toUpperCase(Locale.ROOT)), c.beta(), c.lr(), 1, 1, PairingMode.parse(c.pairing()),
                c.demo_steps(), c.eval_steps(), c.guidance(), c.checkpoint_every(), seed,
                corpus.resolve("captions.tsv").toString(), corpus.resolve("prompts-heldout.tsv").toString(), evalCount,
                c.eval_audio(), c.bootstrap()).withUpdates(c.updates()).withSelection(CheckpointSelection.parse(c.select()));
        } catch (IllegalArgumentException e) {
            throw new CommandException(PID + ": " + e.getMessage());
        }
    }

    /** Runs one reward from the base model; a failure becomes the row's error, not the suite's end. */
    private SuiteRow runOne(SuiteReward r, String position, String runName, Path runDir, Path base, Generator generator, Path corpus,
                            SuiteConfiguration c, RunSettings shared, Integer iterationsForAll, List<String> args, RunService service)
        throws Exception {
        long start = System.nanoTime();
        Configuration created = null;
        String described = "";
        try {
            RunSettings settings;
            try {
                settings = r.run().applyTo(shared).withRewards(List.of(new WeightedReward(r.id(), 1)));
                if (iterationsForAll != null) settings = settings.withIterations(iterationsForAll);
            } catch (IllegalArgumentException e) {
                throw new CommandException(r.key() + " in " + PID + ".cfg: " + e.getMessage());
            }
            described = RunOverrides.describe(settings);
            // the generator keeps the weights of the previous reward's run: every reward starts from the same base
            generator.restore(base);
            if (r.configured()) created = configure(r, corpus, c);
            else if (orchestrator.reward(r.id()).isEmpty()) {
                throw new CommandException("reward '" + r.id() + "' is not there (available: " + service.available(PluginType.REWARD) + ")");
            }
            Reward reward = orchestrator.reward(r.id()).orElseThrow();
            RunFolder rf = new RunFolder(runDir);
            boolean resume = rf.exists();
            if (!resume && Files.exists(runDir)) deleteTree(runDir); // started but never wrote its config: nothing to keep
            System.err.printf(Locale.ROOT, "suite %s: '%s' (%s), %s, %s%n", position, r.id(), reward.kind().name(), described,
                resume ? "resuming " + runDir : "run folder " + runDir);
            List<String> commandLine = new ArrayList<>(List.of("dragon", "suite"));
            commandLine.addAll(args);
            RunService.Outcome outcome;
            try (RunProgress progress = RunProgress.onConsole(runDir, settings.iterations(), new StatusBoard(DragonHome.of(context)))) {
                outcome = service.run(settings, runDir, resume, commandLine, progress);
            }
            MetricResult headline = outcome.evaluation() == null ? null : outcome.evaluation().headline();
            if (headline == null) throw new CommandException(runDir + ": the evaluation has no row for '" + r.id() + "'");
            SuiteRow row = SuiteRow.of(headline, runName, (System.nanoTime() - start) / 1e9, described);
            AtomicFiles.writeJson(runDir.resolve(ROW_FILE), row.toJson());
            return row;
        } catch (CommandException | IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
            LOG.error("suite: reward '{}' failed: {}", r.id(), message);
            LOG.debug("suite: reward '{}' failed", r.id(), e);
            String kind = orchestrator.reward(r.id()).map(x -> x.kind().name()).orElse("");
            return new SuiteRow(r.id(), kind, "", null, Double.NaN, Double.NaN, runName, (System.nanoTime() - start) / 1e9, message, described);
        } finally {
            if (created != null) created.delete();
        }
    }

    /** @return the row a previous suite wrote for this run folder, or null when the reward still has to run */
    static SuiteRow finishedRow(Path runDir, String runName) throws IOException {
        Path file = runDir.resolve(ROW_FILE);
        if (!Files.isRegularFile(file)) return null;
        try {
            return SuiteRow.fromJson(RunFolder.readJson(file), runName, Double.NaN);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a suite row (" + e.getMessage() + "); delete it to run the reward again", e);
        }
    }

    /** Creates the reward's factory configuration, exemplar sets written first, and waits until the reward is bound. */
    private Configuration configure(SuiteReward r, Path corpus, SuiteConfiguration c) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("reward.id", r.id());
        props.put(MARKER, "true");
        for (Map.Entry<String, String> e : r.properties().entrySet()) {
            SuiteReward.ExemplarSet set = r.exemplarSet(e.getKey());
            if (set == null) {
                props.put(e.getKey(), e.getValue());
                continue;
            }
            ExemplarSets.Content content = e.getKey().equals("reference.captions") ? ExemplarSets.Content.CAPTIONS : ExemplarSets.Content.AUDIO;
            Path list = ExemplarSets.write(corpus, set.column(), set.value(), c.exemplar_max(), content, "change " + r.key() + " in " + PID + ".cfg");
            props.put(e.getKey(), list.toAbsolutePath().toString());
        }
        Configuration cfg = configurationAdmin.getFactoryConfiguration(r.factoryPid(), "suite-" + r.id(), "?");
        cfg.updateIfDifferent(props);
        long deadline = System.nanoTime() + c.wait_seconds() * 1_000_000_000L;
        while (orchestrator.reward(r.id()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                cfg.delete();
                throw new CommandException("reward '" + r.id() + "' did not appear within " + c.wait_seconds() + " s after configuring "
                    + r.factoryPid() + " (" + r.key() + " in " + PID + ".cfg: is the plugin in the profile, is its encoder there? encoders: "
                    + new RunService(orchestrator).available(PluginType.ENCODER) + ")");
            }
            Thread.sleep(100);
        }
        return cfg;
    }

    /** Deletes the reward configurations a killed suite left behind, so that they do not join the evaluations. */
    private void removeLeftoverConfigurations() throws Exception {
        Configuration[] left = configurationAdmin.listConfigurations("(" + MARKER + "=true)");
        if (left == null) return;
        for (Configuration cfg : left) {
            LOG.info("suite: removing the leftover configuration {}", cfg.getPid());
            cfg.delete();
        }
    }

    /**
     * The base model: saved from the generator the first time (before any reward trained it), found on a later
     * run of the same suite.
     */
    private static Path saveOrFindBase(Generator generator, Path base) throws IOException {
        if (Files.isDirectory(base)) return base;
        Path partial = base.resolveSibling(".partial-" + BASE_MODEL + "-" + System.nanoTime());
        try {
            generator.checkpoint(partial);
            AtomicFiles.move(partial, base);
        } finally {
            if (Files.exists(partial)) deleteTree(partial);
        }
        return base;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** @return one line for a row: id, kind, win rate with its statistics, before → after */
    static String describe(SuiteRow row) {
        if (!row.measured()) return String.format(Locale.ROOT, "%-28s %-24s not measured: %s", row.id(), row.kind(), row.error());
        var w = row.winRate();
        return String.format(Locale.ROOT, "%-28s %-24s win rate %6.2f %% (%d/%d, %d ties)%s  before %.6g after %.6g", row.id(), row.kind(),
            100 * w.rate(), w.wins(), w.trials(), w.ties(),
            Double.isFinite(w.pValue()) ? String.format(Locale.ROOT, "  CP95 lower %.2f %%  p=%.3g  P(WR>0.5)=%.4f", 100 * w.lowerBound95(),
                w.pValue(), w.posteriorAboveHalf()) : "  (" + row.method() + ")", row.before(), row.after())
            + (row.settings().isEmpty() ? "" : "  [" + row.settings() + "]");
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f %%", 100 * v) : "–";
    }
}
