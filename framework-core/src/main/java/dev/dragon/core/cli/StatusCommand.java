package dev.dragon.core.cli;

import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code dragon status}: asks a running {@code dragon serve} on this machine what it holds, as JSON. */
@Component(property = Subcommand.NAME + "=status")
public class StatusCommand implements Subcommand {

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "ask the running 'dragon serve' (local socket) what it holds, as JSON";
    }

    @Override
    public String usage() {
        return "dragon status";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        if (!args.isEmpty()) throw CommandException.usage("unexpected argument '" + args.get(0) + "'");
        Path socket = DragonHome.statusSocket(context);
        if (!Files.exists(socket)) throw new CommandException("no 'dragon serve' is running (no socket at " + socket + ")");
        try {
            out.print(StatusSocket.request(socket));
        } catch (IOException e) {
            throw new CommandException("no 'dragon serve' answers at " + socket + " (" + e.getMessage() + ")");
        }
        return 0;
    }
}
