package dev.dragon.aesthetics.cli;

import dev.dragon.runtime.CommandException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} options of the aesthetics commands (a handful of options: no parsing library). */
final class CommandOptions {

    private final Map<String, String> values = new HashMap<>();

    private CommandOptions() {
    }

    /**
     * @param args    the arguments after the command name
     * @param allowed the option names (without dashes)
     * @param usage   the command's usage line, quoted in errors
     * @return the parsed options
     * @throws CommandException a usage error for an unknown, repeated or value-less option
     */
    static CommandOptions parse(List<String> args, Set<String> allowed, String usage) throws CommandException {
        CommandOptions options = new CommandOptions();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null || !allowed.contains(name)) throw CommandException.usage("unexpected argument '" + arg + "' (usage: " + usage + ")");
            if (i + 1 >= args.size()) throw CommandException.usage("option " + arg + " needs a value");
            if (options.values.put(name, args.get(++i)) != null) throw CommandException.usage("option " + arg + " given twice");
        }
        return options;
    }

    /** @return every option given, by name */
    Map<String, String> values() {
        return values;
    }

    /** @return the value of a mandatory option */
    String require(String name, String usage) throws CommandException {
        String value = values.get(name);
        if (value == null) throw CommandException.usage("missing option --" + name + " (usage: " + usage + ")");
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
}
