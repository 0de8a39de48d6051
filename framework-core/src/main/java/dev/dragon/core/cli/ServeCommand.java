package dev.dragon.core.cli;

import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dragon serve}: keeps the framework up, FileInstall watching {@code plugins/} and the profile's
 * configuration folder, and answers {@code dragon status} until the process is stopped (Ctrl-C, SIGTERM).
 */
@Component(property = Subcommand.NAME + "=serve")
public class ServeCommand implements Subcommand {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 15_000;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private BundleContext context;

    @Reference
    private Orchestrator orchestrator;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    /**
     * On SIGTERM/Ctrl-C the JVM would otherwise exit without stopping the framework: stop it, so that every
     * component deactivates in order (plugins close their resources, the status socket is removed).
     */
    private void stopFramework() {
        try {
            Bundle system = context.getBundle(0);
            system.stop();
            if (system instanceof Framework framework) framework.waitForStop(SHUTDOWN_WAIT_MILLIS);
        } catch (Exception | LinkageError e) {
            stopped.countDown();
        }
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "keep the framework running, hot-loading plugins/ and configuration; answers 'dragon status'";
    }

    @Override
    public String usage() {
        return "dragon serve";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        if (!args.isEmpty()) throw dev.dragon.runtime.CommandException.usage("unexpected argument '" + args.get(0) + "'");
        Path socket = DragonHome.statusSocket(context);
        StatusSocket opened;
        try {
            opened = StatusSocket.open(socket, () -> StatusReport.pretty(StatusReport.build(context, orchestrator, "serving")));
        } catch (java.io.IOException e) {
            throw new dev.dragon.runtime.CommandException(e.getMessage());
        }
        try (StatusSocket status = opened) {
            long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            out.printf("dragon serve: ready in %d ms, %d plugin(s), watching %s; status socket %s%n",
                readyMillis, orchestrator.plugins().size(), context.getProperty("felix.fileinstall.dir"), socket);
            out.flush();
            LOG.info("serving; stop with Ctrl-C or SIGTERM");
            Thread hook = new Thread(this::stopFramework, "dragon-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            stopped.await();
        }
        return 0;
    }
}
