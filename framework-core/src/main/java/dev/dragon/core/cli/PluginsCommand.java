package dev.dragon.core.cli;

import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import dev.dragon.runtime.Subcommand;
import java.io.PrintStream;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code dragon plugins}: every encoder, reward and generator the framework holds, one per line. */
@Component(property = Subcommand.NAME + "=plugins")
public class PluginsCommand implements Subcommand {

    @Reference
    private Orchestrator orchestrator;

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "list every encoder, reward and generator with id, kind, version and bundle";
    }

    @Override
    public String usage() {
        return "dragon plugins";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        if (!args.isEmpty()) throw CommandException.usage("unexpected argument '" + args.get(0) + "'");
        List<PluginEntry> plugins = orchestrator.plugins();
        out.printf("%-10s %-28s %-26s %-16s %s%n", "TYPE", "ID", "KIND", "VERSION", "BUNDLE");
        for (PluginEntry p : plugins) {
            out.printf("%-10s %-28s %-26s %-16s %s [%d]%n", p.type().name().toLowerCase(), p.id(), p.kind(), p.version(), p.bundle(), p.bundleId());
        }
        out.printf("%d plugin(s)%n", plugins.size());
        return 0;
    }
}
