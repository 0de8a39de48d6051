package dev.dragon.aesthetics.cli;

import dev.dragon.aesthetics.data.RatingRow;
import dev.dragon.aesthetics.data.RatingsCsv;
import dev.dragon.aesthetics.data.RatingsEmbedder;
import dev.dragon.aesthetics.model.AestheticsModel;
import dev.dragon.aesthetics.model.Evaluation;
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
 * {@code dragon aesthetics eval --model DIR --ratings FILE.csv [--encoder ID] [--predictions OUT.csv]}: predicts a rating
 * for every clip of a ratings file with a trained model and prints PLCC and SRCC (over all clips and per prompt). The
 * encoder is the one the model names unless {@code --encoder} picks another with the same fingerprint.
 * {@code --predictions} also writes {@code file,rating,prompt,predicted} for every clip (atomically).
 */
@Component(property = Subcommand.NAME + "=" + AestheticsEvalCommand.NAME)
public class AestheticsEvalCommand implements Subcommand {

    static final String NAME = "aesthetics eval";

    private final Orchestrator orchestrator;

    /** @param orchestrator where the encoders are found */
    @Activate
    public AestheticsEvalCommand(@Reference Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "evaluate an aesthetics predictor on a ratings CSV: PLCC and per-prompt SRCC";
    }

    @Override
    public String usage() {
        return "dragon aesthetics eval --model DIR --ratings FILE.csv [--encoder ID] [--predictions OUT.csv]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        CommandOptions options = CommandOptions.parse(args, Set.of("model", "ratings", "encoder", "predictions"), usage());
        Path folder = Path.of(options.require("model", usage()));
        Path csv = Path.of(options.require("ratings", usage()));
        try {
            AestheticsModel model = ModelFolder.read(folder);
            String encoderId = options.values().getOrDefault("encoder", model.provenance().encoderId());
            Encoder encoder = orchestrator.encoder(encoderId)
                .orElseThrow(() -> new CommandException("no encoder '" + encoderId + "' in this framework (the model " + folder
                    + " was trained with it; dragon plugins lists the encoders)"));
            model.requireEncoder(encoder, folder.toString());
            List<RatingRow> rows = RatingsCsv.read(csv);
            RatedEmbeddings data = RatingsEmbedder.embed(csv, rows, encoder, new ProgressPrinter(System.err));
            if (data.dataHash().equals(model.provenance().dataHash())) {
                System.err.println("note: " + csv + " is the data this model was trained on; these are training figures, not held-out ones");
            }
            double[] predicted = model.predict(data.rows(), data.size());
            Evaluation e = Evaluation.of(predicted, data.ratings(), data.groups());
            String predictions = options.values().get("predictions");
            if (predictions != null) PredictionsCsv.write(Path.of(predictions), rows, predicted);
            out.println("model: " + folder + " (kernel " + model.kernel() + ", lambda " + model.lambda() + ", encoder '" + encoder.id() + "')");
            Reports.print(out, "evaluation", e);
            return 0;
        } catch (InputFormatException e) {
            throw new CommandException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
