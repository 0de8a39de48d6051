package dev.dragon.core.cli;

import dev.dragon.io.InputFormatException;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code dragon} command: the bnd launcher runs this on the main thread with the process arguments and exits
 * with what it returns. It offers itself to the launcher only when the profile sets {@value #ENABLE} (a test
 * framework, which has its own main thread, leaves it out). It waits until the framework is quiet (bundles from {@code plugins/} installed, components
 * activated), picks the {@link Subcommand} service whose name matches the leading arguments, and runs it. Errors
 * become one line on stderr; {@code --verbose} adds the stack trace.
 */
@Component(service = {}, immediate = true)
public class CommandLine implements Callable<Integer> {

    /** Framework property that makes this the launcher's main-thread service. */
    static final String ENABLE = "dragon.commandline";

    /** How long the framework must be free of bundle and service events before a command runs. */
    static final long QUIET_MILLIS = 300;
    static final long SETTLE_LIMIT_MILLIS = 10_000;

    private BundleContext context;
    private ServiceRegistration<?> registration;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        if (Boolean.parseBoolean(context.getProperty(ENABLE))) {
            registration = context.registerService(Callable.class, this, new Hashtable<>(Map.of("main.thread", "true")));
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) registration.unregister();
    }

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(Arrays.asList(launcherArguments()));
        boolean verbose = args.remove("--verbose");
        PrintStream out = System.out;
        PrintStream err = System.err;
        String name = "dragon";
        try {
            awaitQuiet();
            List<ServiceReference<Subcommand>> refs = new ArrayList<>(context.getServiceReferences(Subcommand.class, null));
            if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
                printOverview(out, refs);
                return args.isEmpty() ? CommandException.USAGE : 0;
            }
            ServiceReference<Subcommand> chosen = choose(refs, args);
            if (chosen == null) {
                throw CommandException.usage("unknown command '" + args.get(0) + "' (try: dragon help)");
            }
            Subcommand command = context.getService(chosen);
            if (command == null) throw new CommandException("command went away while starting");
            try {
                name = "dragon " + command.name();
                List<String> rest = args.subList(command.name().split(" ").length, args.size());
                if (rest.contains("--help") || rest.contains("-h")) {
                    out.println("usage: " + command.usage());
                    out.println(command.summary());
                    return 0;
                }
                int code = command.run(List.copyOf(rest), out);
                out.flush();
                return code;
            } finally {
                context.ungetService(chosen);
            }
        } catch (CommandException e) {
            return fail(err, name, e.getMessage(), e, verbose, e.exitCode());
        } catch (InputFormatException e) {
            return fail(err, name, e.getMessage(), e, verbose, CommandException.FAILURE);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return fail(err, name, message, e, verbose, CommandException.FAILURE);
        }
    }

    private static int fail(PrintStream err, String name, String message, Exception e, boolean verbose, int code) {
        err.println(name + ": " + message.replace('\n', ' '));
        if (verbose) e.printStackTrace(err);
        err.flush();
        return code;
    }

    /** The command whose name matches the longest run of leading arguments. */
    private ServiceReference<Subcommand> choose(List<ServiceReference<Subcommand>> refs, List<String> args) {
        ServiceReference<Subcommand> best = null;
        int bestWords = 0;
        for (ServiceReference<Subcommand> ref : refs) {
            Object prop = ref.getProperty(Subcommand.NAME);
            if (prop == null) continue;
            List<String> words = Arrays.asList(prop.toString().trim().split("\\s+"));
            if (words.size() > bestWords && words.size() <= args.size() && args.subList(0, words.size()).equals(words)) {
                best = ref;
                bestWords = words.size();
            }
        }
        return best;
    }

    private void printOverview(PrintStream out, List<ServiceReference<Subcommand>> refs) {
        out.println("usage: dragon [--verbose] COMMAND [OPTIONS]   (dragon COMMAND --help for its options)");
        out.println();
        refs.stream().map(context::getService).filter(c -> c != null)
            .sorted(Comparator.comparing(Subcommand::name))
            .forEach(c -> out.printf("  %-22s %s%n", c.name(), c.summary()));
    }

    private String[] launcherArguments() throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(launcher.arguments=*)");
        if (refs == null || refs.length == 0) return new String[0];
        Object value = refs[0].getProperty("launcher.arguments");
        return value instanceof String[] a ? a : new String[0];
    }

    /**
     * Waits until no bundle or service event has happened for {@link #QUIET_MILLIS}: FileInstall's first scan of
     * {@code plugins/} and the components it brings are then in place.
     */
    private void awaitQuiet() throws InterruptedException {
        AtomicLong last = new AtomicLong(System.nanoTime());
        ServiceListener services = e -> last.set(System.nanoTime());
        BundleListener bundles = e -> last.set(System.nanoTime());
        context.addServiceListener(services);
        context.addBundleListener(bundles);
        try {
            long deadline = System.nanoTime() + SETTLE_LIMIT_MILLIS * 1_000_000;
            while (System.nanoTime() - last.get() < QUIET_MILLIS * 1_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(25);
            }
        } finally {
            context.removeServiceListener(services);
            context.removeBundleListener(bundles);
        }
    }
}
