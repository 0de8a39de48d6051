package dev.dragon.clap.tower;

import ai.djl.engine.Engine;
import java.lang.reflect.InvocationTargetException;

/**
 * DJL's PyTorch engine, wherever this plugin runs: inside the framework through the DJL infrastructure bundle's
 * helper {@code dev.dragon.djl.Djl} (which initialises the engine once with the class-loader care DJL needs in
 * OSGi), on a plain class path (unit tests, tools) straight from DJL. The helper is looked up by name so that the
 * plugin needs neither it nor DJL to resolve: both imports are optional, and only training uses them.
 */
public final class PytorchEngine {

    private static final String HELPER = "dev.dragon.djl.Djl";

    private PytorchEngine() {
    }

    /**
     * @return the PyTorch engine, initialised
     * @throws IllegalStateException when DJL or its PyTorch engine is not available (one line saying what to install)
     */
    public static Engine get() {
        try {
            Class<?> helper = Class.forName(HELPER, true, PytorchEngine.class.getClassLoader());
            return (Engine) helper.getMethod("pytorch").invoke(null);
        } catch (ClassNotFoundException e) {
            return Engine.getEngine("PyTorch");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + HELPER + ".pytorch(): " + e, e);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("training needs DJL/PyTorch: add the bundle dev.dragon.runtime.djl-pytorch to the profile", e);
        }
    }
}
