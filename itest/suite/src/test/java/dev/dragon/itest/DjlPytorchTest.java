package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.dragon.djl.Djl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * DJL with the PyTorch engine inside Felix, through runtime/djl-pytorch: plugins import {@code ai.djl.*} and call
 * {@link Djl#pytorch()}; no test code touches the thread context class loader.
 */
class DjlPytorchTest {

    @Test
    void helperGivesThePytorchEngineOnceFromTheInfrastructureBundle() {
        long t0 = System.nanoTime();
        Engine first = Djl.pytorch();
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        Engine second = Djl.pytorch();
        long secondUs = (System.nanoTime() - t0) / 1_000;
        System.out.println("[djl] engine " + first.getEngineName() + " " + first.getVersion() + ", DJL "
            + Engine.getDjlVersion() + ", initialised in " + Djl.initialisationMillis() + " ms (this call waited "
            + firstMs + " ms, second call " + secondUs + " us), offline=" + System.getProperty("ai.djl.offline")
            + ", cache " + System.getProperty("ENGINE_CACHE_DIR"));

        assertEquals("PyTorch", first.getEngineName());
        assertTrue(first.getVersion().startsWith("2.7.1"), first.getVersion());
        assertSame(first, second, "natives are loaded once: the same engine every time");
        assertSame(first, Engine.getEngine("PyTorch"), "DJL's own registry holds the same engine");
        assertEquals("true", System.getProperty("ai.djl.offline"));
        Bundle djl = FrameworkUtil.getBundle(Engine.class);
        assertEquals("dev.dragon.runtime.djl-pytorch", djl.getSymbolicName());
        assertSame(djl, FrameworkUtil.getBundle(first.getClass()), "api and engine share one bundle (one class loader)");
        // dragon.home is set by test.bndrun: the natives were extracted under <dragon.home>/run/djl
        Path cache = Path.of(System.getProperty("dragon.home"), "run", "djl");
        assertEquals(cache.toAbsolutePath().toString(), System.getProperty("ENGINE_CACHE_DIR"));
        assertTrue(Files.isDirectory(cache), cache + " exists");
    }

    @Test
    void ndArrayComputationGivesKnownValues() {
        try (NDManager m = Djl.pytorch().newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray b = m.create(new float[] {5, 6, 7, 8}, new Shape(2, 2));
            assertArrayEquals(new float[] {19, 22, 43, 50}, a.matMul(b).toFloatArray(), 0f);
            assertArrayEquals(new float[] {4, 6}, a.sum(new int[] {0}).toFloatArray(), 0f);
            assertEquals(2.5f, a.mean().getFloat(), 0f);
            assertArrayEquals(new float[] {0, 1, 2, 3, 4}, m.arange(5f).toFloatArray(), 0f);
            assertEquals(Device.cpu(), a.getDevice());
        }
    }

    @Test
    void autogradGivesTheGradient() {
        Engine pt = Djl.pytorch();
        try (NDManager m = pt.newBaseManager()) {
            NDArray a = m.create(new float[] {1f, 2f, 3f});
            a.setRequiresGradient(true);
            try (GradientCollector gc = pt.newGradientCollector()) {
                gc.backward(a.mul(a).sum()); // d(sum a^2)/da = 2a
            }
            assertArrayEquals(new float[] {2f, 4f, 6f}, a.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void sgdStepsFitALinearBlockToAKnownLine() {
        Djl.pytorch();
        try (Model model = Model.newInstance("line", Device.cpu(), "PyTorch")) {
            model.setBlock(Linear.builder().setUnits(1).build());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build())
                .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(16, 1));
                NDManager m = trainer.getManager();
                NDArray x = m.linspace(-1f, 1f, 16).reshape(16, 1);
                NDArray y = x.mul(3f).add(1f); // y = 3x + 1
                float first = Float.NaN;
                float last = Float.NaN;
                for (int step = 0; step < 200; step++) {
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray pred = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(pred));
                        gc.backward(loss);
                        last = loss.getFloat();
                        if (step == 0) {
                            first = last;
                        }
                    }
                    trainer.step();
                }
                float weight = Float.NaN;
                float bias = Float.NaN;
                for (var p : model.getBlock().getParameters()) {
                    Parameter param = p.getValue();
                    if (param.getType() == Parameter.Type.WEIGHT) weight = param.getArray().getFloat(0, 0);
                    if (param.getType() == Parameter.Type.BIAS) bias = param.getArray().getFloat(0);
                }
                System.out.println("[djl] linear fit: loss " + first + " -> " + last + ", w=" + weight + ", b=" + bias);
                assertTrue(last < first * 1e-3f && last < 1e-4f, "loss " + first + " -> " + last);
                assertEquals(3f, weight, 0.01f);
                assertEquals(1f, bias, 0.01f);
            }
        }
    }
}
