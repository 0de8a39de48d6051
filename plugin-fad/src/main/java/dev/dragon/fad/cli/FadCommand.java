package dev.dragon.fad.cli;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.FrechetDistance;
import dev.dragon.fad.GaussianAccumulator;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** {@code dragon metrics fad --a A.npy --b B.npy}: the Fréchet distance between the rows of two embedding files. */
@Component(property = Subcommand.NAME + "=" + FadCommand.NAME)
public class FadCommand implements Subcommand {

    static final String NAME = "metrics fad";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Fréchet (audio) distance between two sets of embeddings";
    }

    @Override
    public String usage() {
        return "dragon metrics fad --a A.npy --b B.npy   (rows = frames/examples, columns = dimensions)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        CommandOptions options = CommandOptions.parse(args, Set.of("a", "b"));
        String fileA = options.require("a");
        String fileB = options.require("b");
        ReferenceStatistics a = statistics(fileA);
        ReferenceStatistics b = statistics(fileB);
        try {
            out.println(FrechetDistance.between(a.mean(), a.covariance(), fileA, b.mean(), b.covariance(), fileB));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CommandException(e.getMessage());
        }
        return 0;
    }

    static ReferenceStatistics statistics(String file) throws CommandException {
        FrameEmbeddings rows = CommandOptions.readEmbeddings(file);
        try {
            return new GaussianAccumulator(rows.dimension(), file).add(rows, file).toStatistics("", file);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
