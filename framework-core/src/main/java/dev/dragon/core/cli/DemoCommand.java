package dev.dragon.core.cli;

import dev.dragon.api.LossType;
import dev.dragon.core.dragon.PairingMode;
import dev.dragon.core.dragon.RunSettings;
import dev.dragon.core.dragon.WeightedReward;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
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
 * {@code dragon demo}: the product's main job, offline on the built-in models. Makes the built-in corpus when it
 * is missing (through the {@code corpus} command service, whichever bundle offers it), picks an exemplar set from
 * its training clips, configures a per-song FAD reward against it on the generator's latent encoder, runs DRAGON,
 * evaluates on held-out prompts, writes the report and prints the run folder. Every number comes from
 * {@link DemoConfiguration} (PID {@value #PID}).
 */
@Component(configurationPid = DemoCommand.PID, property = Subcommand.NAME + "=demo")
@Designate(ocd = DemoConfiguration.class)
public class DemoCommand implements Subcommand {

    /** The configuration PID. */
    static final String PID = "dev.dragon.demo";
    /** Name of the factory configuration the demo owns. */
    static final String CONFIGURATION_NAME = "dragon-demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Reference
    private Orchestrator orchestrator;
    @Reference
    private ConfigurationAdmin configurationAdmin;
    private BundleContext context;
    private volatile DemoConfiguration config;

    @Activate
    @Modified
    void activate(BundleContext context, DemoConfiguration config) {
        this.context = context;
        this.config = config;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "offline DRAGON run on the built-in models toward an exemplar reward, evaluation and report (prints the run folder)";
    }

    @Override
    public String usage() {
        return "dragon demo [--iterations N] [--seed S] [--out DIR]     (numbers: launcher/profiles/PROFILE/" + PID + ".cfg)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        CommandOptions o = CommandOptions.parse("demo", args, Set.of("--iterations", "--seed", "--out"), Set.of());
        DemoConfiguration c = config;
        Path home = DragonHome.of(context);
        RunService service = new RunService(orchestrator);
        service.generator(c.generator());

        Path corpus = home.resolve(c.corpus_dir());
        if (!Files.isRegularFile(corpus.resolve("captions.tsv")) || !Files.isRegularFile(corpus.resolve("prompts-heldout.tsv"))) {
            makeCorpus(context, corpus, c.corpus_clips(), c.corpus_heldout(), c.corpus_seed());
        }
        Path exemplars = writeExemplarList(corpus, c);
        configureReward(exemplars, c);

        RunSettings settings;
        try {
            settings = new RunSettings(c.generator(), List.of(new WeightedReward(c.reward_id(), 1)),
                o.integer("--iterations", c.iterations()), c.batch(), LossType.valueOf(c.loss().toUpperCase()), c.beta(), c.lr(), 1, 1,
                PairingMode.parse(c.pairing()), c.demo_steps(), c.eval_steps(), c.guidance(), c.checkpoint_every(), o.longValue("--seed", c.seed()),
                corpus.resolve("captions.tsv").toString(), corpus.resolve("prompts-heldout.tsv").toString(), c.eval_prompts(),
                c.eval_audio(), c.bootstrap()).withUpdates(c.updates());
        } catch (IllegalArgumentException e) {
            throw new CommandException(PID + ": " + e.getMessage());
        }
        Path folder = o.has("--out") ? Path.of(o.string("--out", "")) : RunCommand.defaultFolder(home.resolve(c.runs_dir()), "demo");
        List<String> commandLine = new ArrayList<>(List.of("dragon", "demo"));
        commandLine.addAll(args);
        RunService.Outcome outcome;
        try (RunProgress progress = RunProgress.onConsole(folder.toAbsolutePath(), settings.iterations(), new StatusBoard(home))) {
            outcome = service.run(settings, folder, false, commandLine, progress);
        }
        RunCommand.printOutcome(out, outcome);
        return 0;
    }

    /**
     * Makes the built-in corpus by running the {@code corpus} command service by name: no compile-time tie to the
     * bundle that offers it.
     */
    static void makeCorpus(BundleContext context, Path corpus, int clips, int heldout, long seed) throws Exception {
        Collection<ServiceReference<Subcommand>> refs = context.getServiceReferences(Subcommand.class, "(" + Subcommand.NAME + "=corpus)");
        if (refs.isEmpty()) throw new CommandException("the built-in corpus is needed at " + corpus + ", and no bundle offers the 'corpus' command");
        ServiceReference<Subcommand> ref = refs.iterator().next();
        Subcommand command = context.getService(ref);
        if (command == null) throw new CommandException("the 'corpus' command went away");
        try {
            LOG.info("making the built-in corpus in {} ({} clips, {} held out)", corpus, clips, heldout);
            List<String> args = List.of("--out", corpus.toString(), "--clips", Integer.toString(clips),
                "--heldout", Integer.toString(heldout), "--seed", Long.toString(seed));
            // the corpus prints its folder on stdout: keep the caller's stdout for its own result
            int code = command.run(args, System.err);
            if (code != 0) throw new CommandException("dragon corpus " + String.join(" ", args) + " failed with exit code " + code);
        } finally {
            context.ungetService(ref);
        }
    }

    /**
     * Writes the exemplar list: training clips whose {@code exemplar.column} equals {@code exemplar.value}, one WAV
     * path a line, relative to the list.
     */
    static Path writeExemplarList(Path corpus, DemoConfiguration c) throws IOException, CommandException {
        return ExemplarSets.write(corpus, c.exemplar_column(), c.exemplar_value(), c.exemplar_max(), ExemplarSets.Content.AUDIO,
            "set exemplar.column / exemplar.value in " + PID + ".cfg");
    }

    /** Creates (or updates) the demo's per-song FAD reward through ConfigAdmin and waits until it is bound. */
    private void configureReward(Path exemplars, DemoConfiguration c) throws Exception {
        Configuration cfg = configurationAdmin.getFactoryConfiguration(c.reward_factory(), CONFIGURATION_NAME, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("reward.id", c.reward_id());
        props.put("encoder.target", "(encoder.id=" + c.encoder() + ")");
        props.put("reference.audio", exemplars.toAbsolutePath().toString());
        cfg.updateIfDifferent(props);
        long deadline = System.nanoTime() + c.reward_wait_seconds() * 1_000_000_000L;
        while (orchestrator.reward(c.reward_id()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new CommandException("reward '" + c.reward_id() + "' did not appear within " + c.reward_wait_seconds()
                    + " s after configuring " + c.reward_factory() + " (is plugin-fad in the profile, and encoder '" + c.encoder()
                    + "' available? encoders: " + new RunService(orchestrator).available(dev.dragon.runtime.PluginType.ENCODER) + ")");
            }
            Thread.sleep(100);
        }
    }
}
