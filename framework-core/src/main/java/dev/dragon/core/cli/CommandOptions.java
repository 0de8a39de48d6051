package dev.dragon.core.cli;

import dev.dragon.runtime.CommandException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options of a subcommand, checked against the names the command knows: an unknown option, a
 * missing value or a number that does not parse is a one-line usage error that names the option and lists the
 * known ones.
 */
final class CommandOptions {

    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private CommandOptions(String command) {
        this.command = command;
    }

    /**
     * @param command    the command's name, for messages
     * @param args       the arguments after the command's name
     * @param withValue  options that take a value (may repeat)
     * @param flags      options without a value
     * @return the parsed options
     * @throws CommandException for anything else
     */
    static CommandOptions parse(String command, List<String> args, Set<String> withValue, Set<String> flags) throws CommandException {
        CommandOptions o = new CommandOptions(command);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 2 && withValue.contains(a.substring(0, eq))) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (flags.contains(name)) {
                o.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) throw CommandException.usage("option " + name + " needs a value");
                    value = args.get(++i);
                }
                o.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                List<String> known = new ArrayList<>(withValue);
                known.addAll(flags);
                java.util.Collections.sort(known);
                throw CommandException.usage((a.startsWith("-") ? "unknown option '" : "unexpected argument '") + a
                    + "' (" + command + " knows: " + String.join(" ", known) + ")");
            }
        }
        return o;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    int integer(String name, int fallback) throws CommandException {
        String v = string(name, null);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw CommandException.usage("option " + name + ": '" + v + "' is not a whole number");
        }
    }

    long longValue(String name, long fallback) throws CommandException {
        String v = string(name, null);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw CommandException.usage("option " + name + ": '" + v + "' is not a whole number");
        }
    }

    double number(String name, double fallback) throws CommandException {
        String v = string(name, null);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw CommandException.usage("option " + name + ": '" + v + "' is not a finite number");
        }
    }

    String command() {
        return command;
    }
}
