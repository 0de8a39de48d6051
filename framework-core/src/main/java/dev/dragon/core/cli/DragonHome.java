package dev.dragon.core.cli;

import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/** Where this installation lives (the {@code dragon.home} property the {@code dragon} script sets) and what is in it. */
final class DragonHome {

    private DragonHome() {
    }

    static Path of(BundleContext context) {
        String home = context.getProperty("dragon.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    /** The socket a running {@code dragon serve} answers status requests on. */
    static Path statusSocket(BundleContext context) {
        String explicit = context.getProperty("dragon.status.socket");
        return explicit != null ? Path.of(explicit) : of(context).resolve("run").resolve("serve.sock");
    }
}
