package dev.dragon.diffusion.cli;

import dev.dragon.runtime.CommandException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of a command, checked against the names it knows; values parsed on request. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    /** Parses {@code args}; an unknown option, a stray argument or a missing value is a usage error. */
    static Options parse(List<String> args, Set<String> known, String usage) throws CommandException {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!option.startsWith("--")) throw CommandException.usage("unexpected argument '" + option + "' (usage: " + usage + ")");
            String name = option.substring(2);
            if (!known.contains(name)) throw CommandException.usage("unknown option '" + option + "' (usage: " + usage + ")");
            if (i + 1 >= args.size()) throw CommandException.usage(option + " needs a value");
            options.values.put(name, args.get(++i));
        }
        return options;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name, String usage) throws CommandException {
        String value = values.get(name);
        if (value == null) throw CommandException.usage("--" + name + " is required (usage: " + usage + ")");
        return value;
    }

    Path path(String name) {
        String value = values.get(name);
        return value == null ? null : Path.of(value);
    }

    long whole(String name, long fallback, long min, long max) throws CommandException {
        String value = values.get(name);
        if (value == null) return fallback;
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw CommandException.usage("--" + name + " needs a whole number, got '" + value + "'");
        }
        if (n < min || n > max) throw CommandException.usage("--" + name + " must be from " + min + " to " + max + ", got " + n);
        return n;
    }

    double real(String name, double fallback, double min, double max) throws CommandException {
        String value = values.get(name);
        if (value == null) return fallback;
        double x;
        try {
            x = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!(x >= min && x <= max)) throw CommandException.usage("--" + name + " must be a number from " + min + " to " + max + ", got '" + value + "'");
        return x;
    }
}
