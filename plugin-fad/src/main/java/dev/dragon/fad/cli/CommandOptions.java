package dev.dragon.fad.cli;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.io.Npy;
import dev.dragon.runtime.CommandException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of a metrics command. Two options and a handful of commands do not justify a
 * parsing library; this stays a dozen lines.
 */
final class CommandOptions {

    private final Map<String, String> values = new HashMap<>();

    private CommandOptions() {
    }

    /**
     * @param args    the arguments after the command name
     * @param allowed the option names (without dashes)
     * @return the parsed options
     * @throws CommandException a usage error for an unknown, repeated or value-less option
     */
    static CommandOptions parse(List<String> args, Set<String> allowed) throws CommandException {
        CommandOptions options = new CommandOptions();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null || !allowed.contains(name)) throw CommandException.usage("unexpected argument '" + arg + "'");
            if (i + 1 >= args.size()) throw CommandException.usage("option " + arg + " needs a value");
            if (options.values.put(name, args.get(++i)) != null) throw CommandException.usage("option " + arg + " given twice");
        }
        return options;
    }

    /** @return the value of a mandatory option */
    String require(String name) throws CommandException {
        String value = values.get(name);
        if (value == null) throw CommandException.usage("missing option --" + name);
        return value;
    }

    /** @return the integer value of an optional option, or the fallback */
    long number(String name, long fallback) throws CommandException {
        String value = values.get(name);
        if (value == null) return fallback;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw CommandException.usage("option --" + name + " needs an integer, got '" + value + "'");
        }
    }

    /** Reads a 2-D .npy file (rows = frames or examples, columns = dimensions), failing with one line naming it. */
    static FrameEmbeddings readEmbeddings(String file) throws CommandException {
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
