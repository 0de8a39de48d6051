package dev.dragon.core.trust;

import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dragon trust FILE.jar…}: the allowlist line of each jar ({@code HEX  NAME}, as {@code sha256sum} prints
 * it), to paste into a profile's allowlist file, or its hash into {@code allow = …} of {@code dev.dragon.trust.cfg}.
 */
@Component(property = Subcommand.NAME + "=trust")
public class TrustCommand implements Subcommand {

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public String summary() {
        return "print the allowlist line (SHA-256 and name) of plugin jars, for a profile's dev.dragon.trust.cfg";
    }

    @Override
    public String usage() {
        return "dragon trust FILE.jar...";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        if (args.isEmpty()) throw CommandException.usage("name at least one plugin jar (usage: " + usage() + ")");
        for (String arg : args) {
            if (arg.startsWith("-")) throw CommandException.usage("unknown option '" + arg + "'");
        }
        for (String arg : args) {
            Path file = Path.of(arg);
            if (!Files.isRegularFile(file)) throw new CommandException(arg + ": no such file");
            try {
                out.println(Sha256.of(file) + "  " + file.getFileName());
            } catch (IOException e) {
                throw new CommandException(arg + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        return 0;
    }
}
