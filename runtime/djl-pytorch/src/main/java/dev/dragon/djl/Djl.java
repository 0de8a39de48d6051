package dev.dragon.djl;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * DJL's PyTorch engine for the whole framework, initialised once per JVM.
 *
 * <p>DJL discovers engines with a {@code ServiceLoader} on the thread context class loader, once, in a static
 * initialiser, and looks up its native files ({@code native/lib/pytorch.properties}, {@code jnilib/...}) through
 * that loader too. Inside OSGi the context loader of a random thread sees none of them, and a failed discovery is
 * never retried. {@link #pytorch()} therefore runs the first engine use with the context loader set to this
 * bundle's loader (which holds DJL api, the PyTorch engine, JNI and the natives), after setting:
 * <ul>
 * <li>{@code ai.djl.offline=true} (unless already set): nothing is ever downloaded, no telemetry call;</li>
 * <li>{@code DJL_CACHE_DIR} and {@code ENGINE_CACHE_DIR} to {@code <dragon.home>/run/djl} when the framework
 * property {@code dragon.home} exists and neither the environment nor a system property names them already
 * (else DJL's default {@code ~/.djl.ai}).</li>
 * </ul>
 * The natives load only once per JVM: this bundle is started by the launcher and never updated or refreshed.
 */
public final class Djl {

    /** DJL's name of the PyTorch engine. */
    public static final String ENGINE_NAME = "PyTorch";
    /** The framework (or system) property naming this installation's folder. */
    public static final String DRAGON_HOME = "dragon.home";

    private static volatile Engine engine;
    private static volatile long initMillis = -1;

    private Djl() {}

    /**
     * The PyTorch engine, initialised on the first call (natives extracted to the cache on the very first use of a
     * cache folder, then loaded); later calls return the same instance at once. Thread-safe.
     *
     * @return the PyTorch engine
     * @throws IllegalStateException when the engine cannot be initialised (the cause says why)
     */
    public static Engine pytorch() {
        Engine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (Djl.class) {
            if (engine == null) {
                long t0 = System.nanoTime();
                configure(dragonHome());
                Engine pt;
                try {
                    pt = withBundleClassLoader(() -> {
                        Engine found = Engine.getEngine(ENGINE_NAME);
                        // touch the natives now (loads libtorch and the JNI library), not in the caller's first op
                        try (var manager = found.newBaseManager()) {
                            manager.create(0f).toFloatArray();
                        }
                        return found;
                    });
                } catch (RuntimeException | Error x) {
                    throw new IllegalStateException("cannot initialise DJL's PyTorch engine: " + x, x);
                } catch (Exception x) {
                    throw new IllegalStateException("cannot initialise DJL's PyTorch engine: " + x, x);
                }
                initMillis = (System.nanoTime() - t0) / 1_000_000;
                engine = pt;
            }
            return engine;
        }
    }

    /** @return true once {@link #pytorch()} has succeeded in this JVM */
    public static boolean isInitialised() {
        return engine != null;
    }

    /** @return how long the first {@link #pytorch()} took, in milliseconds, or -1 before it succeeded */
    public static long initialisationMillis() {
        return initMillis;
    }

    /**
     * Runs {@code task} with the thread context class loader set to this bundle's loader, for the few DJL calls
     * besides engine discovery that use {@code ServiceLoader} or resource lookups through it (the model zoo,
     * {@code Criteria.loadModel}). Plain NDArray, Block and Trainer use needs no wrapping once {@link #pytorch()}
     * has run.
     *
     * @param task what to run
     * @param <T>  its result type
     * @return its result
     * @throws Exception what {@code task} throws
     */
    public static <T> T withBundleClassLoader(Callable<T> task) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader old = thread.getContextClassLoader();
        thread.setContextClassLoader(Djl.class.getClassLoader());
        try {
            return task.call();
        } finally {
            thread.setContextClassLoader(old);
        }
    }

    /** The DJL settings this helper applies; visible for the README's figures and for tests. */
    static void configure(String dragonHome) {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        if (dragonHome != null && !dragonHome.isBlank()) {
            String cache = Path.of(dragonHome, "run", "djl").toAbsolutePath().toString();
            for (String key : new String[] {"DJL_CACHE_DIR", "ENGINE_CACHE_DIR"}) {
                if (System.getProperty(key) == null && System.getenv(key) == null) {
                    System.setProperty(key, cache);
                }
            }
        }
    }

    private static String dragonHome() {
        Bundle bundle = FrameworkUtil.getBundle(Djl.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        String home = context == null ? null : context.getProperty(DRAGON_HOME);
        return home != null ? home : System.getProperty(DRAGON_HOME);
    }
}
