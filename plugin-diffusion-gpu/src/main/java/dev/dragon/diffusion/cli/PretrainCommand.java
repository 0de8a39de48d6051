package dev.dragon.diffusion.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.dragon.api.Encoder;
import dev.dragon.diffusion.audio.MelSettings;
import dev.dragon.diffusion.model.AutoencoderConfig;
import dev.dragon.diffusion.model.DenoiserConfig;
import dev.dragon.diffusion.music.MusicModel;
import dev.dragon.diffusion.music.MusicModelSpec;
import dev.dragon.diffusion.training.PretrainSettings;
import dev.dragon.diffusion.training.Pretrainer;
import dev.dragon.djl.Djl;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code dragon pretrain}: trains the built-in music model from scratch on a corpus folder (autoencoder, then
 * denoiser), conditioned on a text encoder service's caption embeddings, and writes a model folder with its
 * provenance. Deterministic from the seed on one machine and engine build.
 */
@Component(property = Subcommand.NAME + "=pretrain")
public class PretrainCommand implements Subcommand {

    private static final String USAGE = "dragon pretrain --corpus DIR --out DIR [--text-encoder ID] [--clips N]"
        + " [--ae-steps N] [--steps N] [--batch B] [--lr X] [--width W] [--layers L] [--seed S]";
    private static final Set<String> OPTIONS = Set.of("corpus", "out", "text-encoder", "clips", "ae-steps", "steps",
        "batch", "lr", "width", "layers", "seed");

    private final Orchestrator orchestrator;

    /** For DS. */
    @Activate
    public PretrainCommand(@Reference Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return "pretrain";
    }

    @Override
    public String summary() {
        return "train the built-in text-to-music model from scratch on a corpus folder";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options o = Options.parse(args, OPTIONS, USAGE);
        Path corpus = Path.of(o.required("corpus", USAGE));
        Path target = Path.of(o.required("out", USAGE));
        String textId = o.text("text-encoder", "minilm-l6-v2");
        Encoder text = orchestrator.encoder(textId).orElseThrow(() -> new CommandException("no encoder '" + textId
            + "' (see dragon plugins)"));
        PretrainSettings d = PretrainSettings.DEFAULT;
        PretrainSettings settings = new PretrainSettings((int) o.whole("ae-steps", d.autoencoderSteps(), 1, 10_000_000),
            (int) o.whole("steps", d.denoiserSteps(), 1, 10_000_000), (int) o.whole("batch", d.batch(), 1, 4096),
            o.real("lr", d.learningRate(), 1e-7, 1), d.conditionDropout(), o.whole("seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE));
        int width = (int) o.whole("width", 128, 8, 4096);
        int layers = (int) o.whole("layers", 4, 0, 64);
        MelSettings mel = MelSettings.BUILT_IN;
        TrainingCorpus data = TrainingCorpus.read(corpus, mel.sampleRate(), (int) o.whole("clips", Integer.MAX_VALUE, 1, Integer.MAX_VALUE));
        System.err.printf(Locale.ROOT, "pretrain: %d clips from %s, text encoder %s, seed %d%n", data.clips().length,
            corpus, textId, settings.seed());
        long started = System.nanoTime();
        float[][] conditions = new float[data.captions().size()][];
        AutoencoderConfig autoencoder = new AutoencoderConfig(mel.melBands(), mel.frames(), 10, 384, 32);
        MusicModelSpec spec = new MusicModelSpec(mel, autoencoder, new DenoiserConfig(autoencoder.latentFrames(),
            autoencoder.latentChannels(), text.dimension(), width, layers, 4, 2 * width), 1000,
            new float[autoencoder.latentChannels()], ones(autoencoder.latentChannels()), text.id(), text.fingerprint(),
            MusicModelSpec.noProvenance());
        Engine engine = Djl.pytorch();
        engine.setRandomSeed((int) settings.seed());
        try (NDManager manager = NDManager.newBaseManager(); MusicModel model = MusicModel.initialise(spec, manager, 32)) {
            for (int i = 0; i < conditions.length; i++) conditions[i] = model.condition(text.embedText(data.captions().get(i)));
            StepProgress progress = new StepProgress(System.err);
            double[] losses = new Pretrainer(settings, progress::step).train(model, data.clips(), conditions);
            double seconds = (System.nanoTime() - started) / 1e9;
            model.updateSpec(model.spec().with(model.spec().latentMean(), model.spec().latentStd(),
                provenance(corpus, data, settings, losses, seconds, args)));
            Files.createDirectories(target);
            model.save(target);
            out.printf(Locale.ROOT, "autoencoder loss %.5f, denoiser loss %.5f, %.0f s%n", losses[0], losses[1], seconds);
        } catch (IOException e) {
            throw new CommandException(CorpusCommand.describe(e));
        }
        out.println(target.toAbsolutePath().normalize());
        return 0;
    }

    private static JsonObject provenance(Path corpus, TrainingCorpus data, PretrainSettings s, double[] losses,
                                         double seconds, List<String> args) throws IOException {
        Path manifest = corpus.resolve("manifest.json");
        String corpusFingerprint = "";
        if (Files.exists(manifest)) {
            try (var reader = Json.createReader(Files.newBufferedReader(manifest))) {
                corpusFingerprint = reader.readObject().getString("renderFingerprint", "");
            }
        }
        return Json.createObjectBuilder()
            .add("command", "dragon pretrain " + String.join(" ", args))
            .add("created", Instant.now().toString())
            .add("corpusRenderFingerprint", corpusFingerprint)
            .add("clips", data.clips().length)
            .add("autoencoderSteps", s.autoencoderSteps()).add("denoiserSteps", s.denoiserSteps())
            .add("batch", s.batch()).add("learningRate", s.learningRate()).add("conditionDropout", s.conditionDropout())
            .add("seed", s.seed())
            .add("finalAutoencoderLoss", losses[0]).add("finalDenoiserLoss", losses[1])
            .add("seconds", Math.round(seconds))
            .add("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion())
            .add("java", System.getProperty("java.version"))
            .build();
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }
}
