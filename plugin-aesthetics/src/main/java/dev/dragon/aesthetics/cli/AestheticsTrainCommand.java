package dev.dragon.aesthetics.cli;

import dev.dragon.aesthetics.data.RatingRow;
import dev.dragon.aesthetics.data.RatingsCsv;
import dev.dragon.aesthetics.data.RatingsEmbedder;
import dev.dragon.aesthetics.model.AestheticsModel;
import dev.dragon.aesthetics.model.AestheticsTrainer;
import dev.dragon.aesthetics.model.HyperparameterGrid;
import dev.dragon.aesthetics.model.ModelFolder;
import dev.dragon.aesthetics.model.RatedEmbeddings;
import dev.dragon.api.Encoder;
import dev.dragon.io.InputFormatException;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code dragon aesthetics train --ratings FILE.csv --encoder ID --out DIR [--seed S]}: embeds every rated clip with
 * the encoder, chooses the kernel and λ on a seeded validation split, refits on all clips and writes the model folder
 * (see {@link ModelFolder}). Prints the choice and the validation and training PLCC/SRCC; the folder on the last line.
 */
@Component(property = Subcommand.NAME + "=" + AestheticsTrainCommand.NAME)
public class AestheticsTrainCommand implements Subcommand {

    static final String NAME = "aesthetics train";
    static final long DEFAULT_SEED = 1;

    private final Orchestrator orchestrator;

    /** @param orchestrator where the encoders are found */
    @Activate
    public AestheticsTrainCommand(@Reference Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "train an aesthetics predictor (kernel ridge regression on an encoder's embeddings) from a ratings CSV";
    }

    @Override
    public String usage() {
        return "dragon aesthetics train --ratings FILE.csv --encoder ID --out DIR [--seed S]   (CSV rows: file,rating[,prompt])";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        CommandOptions options = CommandOptions.parse(args, Set.of("ratings", "encoder", "out", "seed"), usage());
        Path csv = Path.of(options.require("ratings", usage()));
        String encoderId = options.require("encoder", usage());
        Path folder = Path.of(options.require("out", usage()));
        long seed = options.number("seed", DEFAULT_SEED);
        try {
            List<RatingRow> rows = RatingsCsv.read(csv); // a bad ratings file is reported before anything is embedded
            Encoder encoder = orchestrator.encoder(encoderId)
                .orElseThrow(() -> new CommandException("no encoder '" + encoderId + "' in this framework (dragon plugins lists them)"));
            RatedEmbeddings data = RatingsEmbedder.embed(csv, rows, encoder, new ProgressPrinter(System.err));
            AestheticsModel model = new AestheticsTrainer(HyperparameterGrid.standard()).train(data, seed, encoder.id(), encoder.fingerprint(), csv.toString());
            ModelFolder.write(folder, model);
            out.println("clips: " + model.size() + " in " + model.provenance().groups() + " prompt group(s); encoder '" + encoder.id() + "', d = " + model.dimension());
            out.println("chosen: kernel " + model.kernel() + ", lambda " + model.lambda() + " (on " + model.provenance().validationItems()
                + " validation clips, seed " + seed + "; refitted on all " + model.size() + ")");
            Reports.print(out, "validation", model.provenance().validation());
            Reports.print(out, "training", model.provenance().training());
            out.println(folder.toAbsolutePath().normalize());
            return 0;
        } catch (InputFormatException e) {
            throw new CommandException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException(folder + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
