package dev.dragon.djl.internal;

import dev.dragon.djl.Djl;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initialises the PyTorch engine once, when this bundle starts, on its own thread: the first start on a fresh cache
 * extracts ~450 MB of natives, which must not hold up the framework's start. A plugin calling {@link Djl#pytorch()}
 * meanwhile simply waits for it. Stopping the bundle unloads nothing (natives stay loaded for the JVM's life).
 * The framework property {@code dragon.djl.warmup=false} skips the warm-up (the engine then starts on first use),
 * for short commands that never touch DJL.
 */
public final class DjlActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(DjlActivator.class);

    @Override
    public void start(BundleContext context) {
        if ("false".equalsIgnoreCase(context.getProperty("dragon.djl.warmup"))) {
            LOG.debug("DJL warm-up skipped (dragon.djl.warmup=false): the engine starts on first use");
            return;
        }
        Thread init = new Thread(() -> {
            try {
                var engine = Djl.pytorch();
                LOG.info("DJL {} engine {} {} ready in {} ms (cache {})", ai.djl.engine.Engine.getDjlVersion(),
                    engine.getEngineName(), engine.getVersion(), Djl.initialisationMillis(),
                    System.getProperty("ENGINE_CACHE_DIR", "DJL default"));
            } catch (RuntimeException | Error e) {
                LOG.error("DJL PyTorch engine unavailable: {}", e.toString(), e);
            }
        }, "djl-pytorch-init");
        init.setDaemon(true);
        init.start();
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to release: the natives stay loaded until the JVM exits
    }
}
