package dev.dragon.clap.cli;

import dev.dragon.api.Encoder;
import dev.dragon.api.Modality;
import dev.dragon.clap.encoders.MiniLmTextEncoder;
import dev.dragon.clap.tower.RetrievalRecall;
import dev.dragon.clap.tower.TowerTraining;
import dev.dragon.clap.tower.TrainingSettings;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code dragon clap-train --corpus DIR --out DIR [--epochs N] [--seed S] [--batch B] [--lr R] [--text-encoder ID]}:
 * trains the built-in CLAP-style audio tower against a frozen text encoder (MiniLM by default, looked up by id)
 * and writes a LAION-CLAP-style export ({@link TowerTraining}). Progress lines go to stderr (features, captions, one
 * line per epoch with held-out recall every five); stdout gets the held-out figures and the model's path. Needs the
 * DJL/PyTorch infrastructure bundle.
 */
@Component(property = Subcommand.NAME + "=clap-train")
public class ClapTrainCommand implements Subcommand {

    private final Orchestrator orchestrator;

    /** @param orchestrator where the text encoder is found */
    @Activate
    public ClapTrainCommand(@Reference Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return "clap-train";
    }

    @Override
    public String summary() {
        return "train the built-in CLAP-style audio tower on a captioned corpus and export it as ONNX";
    }

    @Override
    public String usage() {
        return "dragon clap-train --corpus DIR --out DIR [--epochs N] [--seed S] [--batch B] [--lr R] [--threads N] [--text-encoder ID]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        TrainingSettings defaults = TrainingSettings.defaults(1);
        String corpus = null;
        String output = null;
        String textId = "minilm-l6-v2";
        int epochs = defaults.epochs();
        int batch = defaults.batchSize();
        double rate = defaults.learningRate();
        long seed = defaults.seed();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) throw CommandException.usage(option + " needs a value (usage: " + usage() + ")");
            String value = args.get(++i);
            try {
                switch (option) {
                    case "--corpus" -> corpus = value;
                    case "--out" -> output = value;
                    case "--text-encoder" -> textId = value;
                    case "--epochs" -> epochs = Integer.parseInt(value);
                    case "--batch" -> batch = Integer.parseInt(value);
                    case "--lr" -> rate = Double.parseDouble(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    default -> throw CommandException.usage("unknown argument '" + option + "' (usage: " + usage() + ")");
                }
            } catch (NumberFormatException e) {
                throw CommandException.usage(option + " needs a number, got '" + value + "'");
            }
        }
        if (corpus == null || output == null) throw CommandException.usage("give --corpus and --out (usage: " + usage() + ")");
        if (!Files.isDirectory(Path.of(corpus))) throw new CommandException(corpus + ": no such corpus folder (make one with: dragon corpus --out DIR)");
        TrainingSettings settings;
        try {
            settings = new TrainingSettings(epochs, batch, rate, defaults.weightDecay(), seed);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
        String id = textId;
        Encoder text = orchestrator.encoder(id).orElseThrow(() -> new CommandException("no encoder '" + id + "' in this framework (dragon plugins lists them)"));
        if (!text.modalities().contains(Modality.TEXT)) throw new CommandException("encoder '" + id + "' does not embed text");
        Function<List<String>, double[][]> embed = text instanceof MiniLmTextEncoder batched ? batched::embedTexts
            : captions -> captions.stream().map(text::embedText).toArray(double[][]::new);
        try {
            RetrievalRecall recall = TowerTraining.train(Path.of(corpus), Path.of(output), id, embed, settings, threads,
                line -> System.err.println("clap-train: " + line));
            out.println("held out: " + (recall == null ? "no held-out clips" : recall.describe()));
            out.println(Path.of(output).resolve(TowerTraining.MODEL));
        } catch (IllegalStateException | IllegalArgumentException | NoClassDefFoundError e) {
            // a missing DJL bundle, an export that disagrees with the tower, a corpus smaller than a batch
            throw new CommandException(e.getMessage());
        }
        return 0;
    }
}
