package dev.dragon.fad.cli;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.FadInfinity;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dragon metrics fad-inf --a A.npy --b B.npy [--points N] [--seed S]}: FAD∞ of the rows of A against the
 * statistics of B, extrapolated over subsets of A. Prints each subset's FAD, then FAD∞ alone on the last line.
 */
@Component(property = Subcommand.NAME + "=" + FadInfinityCommand.NAME)
public class FadInfinityCommand implements Subcommand {

    static final String NAME = "metrics fad-inf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "FAD extrapolated to an infinite evaluation set (fit over 1/n on seeded subsets of A)";
    }

    @Override
    public String usage() {
        return "dragon metrics fad-inf --a A.npy --b B.npy [--points N (15)] [--seed S (0)]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        CommandOptions options = CommandOptions.parse(args, Set.of("a", "b", "points", "seed"));
        String fileA = options.require("a");
        String fileB = options.require("b");
        int points = (int) options.number("points", 15);
        long seed = options.number("seed", 0);
        FrameEmbeddings a = CommandOptions.readEmbeddings(fileA);
        ReferenceStatistics b = FadCommand.statistics(fileB);
        try {
            FadInfinity.Estimate estimate = FadInfinity.estimate(a, fileA, b, points, seed);
            for (int i = 0; i < estimate.sizes().length; i++) out.println("n=" + estimate.sizes()[i] + " fad=" + estimate.distances()[i]);
            out.println(estimate.fadInfinity());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CommandException(e.getMessage());
        }
        return 0;
    }
}
