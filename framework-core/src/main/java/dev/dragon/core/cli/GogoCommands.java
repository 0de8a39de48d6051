package dev.dragon.core.cli;

import dev.dragon.runtime.Subcommand;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Offers every {@link Subcommand} in the Gogo shell as {@code dragon:NAME} (spaces become dashes:
 * {@code dragon:metrics-fad}). Active only where Gogo runs (its CommandProcessor is a mandatory reference), so the
 * core does not need Gogo.
 */
@Component(immediate = true)
public class GogoCommands {

    private final Set<Subcommand> commands = ConcurrentHashMap.newKeySet();
    private final Map<Subcommand, ServiceRegistration<?>> registrations = new ConcurrentHashMap<>();
    private volatile BundleContext context;

    @Reference
    private CommandProcessor shell;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        commands.forEach(this::register);
    }

    @Deactivate
    void deactivate() {
        context = null;
        registrations.values().forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSubcommand(Subcommand command) {
        commands.add(command);
        if (context != null) register(command);
    }

    void unbindSubcommand(Subcommand command) {
        commands.remove(command);
        ServiceRegistration<?> r = registrations.remove(command);
        if (r != null) r.unregister();
    }

    private void register(Subcommand command) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(CommandProcessor.COMMAND_SCOPE, "dragon");
        props.put(CommandProcessor.COMMAND_FUNCTION, new String[] {command.name().replace(' ', '-')});
        Function function = (CommandSession session, List<Object> arguments) -> {
            List<String> args = arguments.stream().map(String::valueOf).toList();
            return command.run(args, System.out) == 0 ? null : "exit status non-zero";
        };
        registrations.put(command, context.registerService(Function.class, function, props));
    }
}
