package dev.dragon.vendi.cli;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.io.Npy;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import dev.dragon.vendi.VendiScore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** {@code dragon metrics vendi --x X.npy [--q Q]}: the Vendi score of the rows of an embedding file. */
@Component(property = Subcommand.NAME + "=" + VendiCommand.NAME)
public class VendiCommand implements Subcommand {

    static final String NAME = "metrics vendi";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Vendi diversity score (cosine kernel) of a set of embeddings";
    }

    @Override
    public String usage() {
        return "dragon metrics vendi --x X.npy [--q Q]   (rows = examples; q > 0, 1 by default, 'inf' for q = infinity)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        String file = null;
        double q = 1;
        // two options: a hand parser is shorter than any library's setup
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!option.equals("--x") && !option.equals("--q")) throw CommandException.usage("unexpected argument '" + option + "'");
            if (i + 1 >= args.size()) throw CommandException.usage("option " + option + " needs a value");
            String value = args.get(i + 1);
            if (option.equals("--x")) file = value;
            else q = parseOrder(value);
        }
        if (file == null) throw CommandException.usage("missing option --x");
        FrameEmbeddings x = read(file);
        try {
            out.println(VendiScore.of(x, q, file));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CommandException(e.getMessage());
        }
        return 0;
    }

    static double parseOrder(String value) throws CommandException {
        String v = value.trim().toLowerCase();
        if (v.equals("inf") || v.equals("infinity")) return Double.POSITIVE_INFINITY;
        try {
            double q = Double.parseDouble(v);
            if (q > 0) return q;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CommandException.usage("--q must be a number > 0 or 'inf', got '" + value + "'");
    }

    private static FrameEmbeddings read(String file) throws CommandException {
        Path path = Path.of(file);
        try {
            return Npy.read(path).toFrameEmbeddings();
        } catch (IllegalArgumentException e) {
            throw new CommandException(path + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CommandException(e.getMessage() != null && e.getMessage().startsWith(path.toString()) ? e.getMessage() : path + ": " + e);
        }
    }
}
