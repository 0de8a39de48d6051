package dev.dragon.clap.tower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.dragon.clap.onnx.ModelDescriptor;
import dev.dragon.clap.onnx.OnnxModel;
import dev.dragon.clap.onnx.SessionSettings;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX export of the built-in tower shape, run by ONNX Runtime through the general encoder's checked loader,
 * equals the DJL tower's output to 1e-4; Python's {@code onnx.checker} accepts the file.
 */
class AudioTowerExportTest {

    private static final TowerShape SHAPE = TowerShape.builtin(-52.6f, 37.3f);

    /** CLAP-like features: a floor of −100 dB with louder bands, so ReLUs and max-pools see both sides. */
    private static float[] features(int batch) {
        Random r = new Random(11);
        float[] f = new float[batch * SHAPE.frames() * SHAPE.mels()];
        for (int i = 0; i < f.length; i++) f[i] = r.nextDouble() < 0.3 ? -100f : (float) (-45 + 20 * r.nextGaussian());
        return f;
    }

    /** A tower after a few training steps (weights away from their initial scale). */
    private static AudioTower trained(NDManager m) {
        AudioTower tower = AudioTower.initialised(SHAPE, m, 3);
        Random r = new Random(5);
        float[][] texts = new float[4][SHAPE.dimension()];
        for (float[] t : texts) {
            t[r.nextInt(t.length)] = 1f;
        }
        try (TowerTrainer trainer = new TowerTrainer(tower, new TrainingSettings(1, 4, 1e-2, 0, 3), m)) {
            for (int s = 0; s < 3; s++) trainer.step(features(4), texts, 1e-2);
        }
        return tower;
    }

    @Test
    void onnxRuntimeEqualsDjlWithinOneInTenThousand(@TempDir Path dir) throws Exception {
        int batch = 3;
        float[] input = features(batch);
        try (NDManager m = PytorchEngine.get().newBaseManager(); AudioTower tower = trained(m)) {
            float[] expected = tower.forward(m.create(FloatBuffer.wrap(input), new Shape(batch, 1, SHAPE.frames(), SHAPE.mels()))).toFloatArray();
            Files.write(dir.resolve("audio.onnx"), AudioTowerExport.onnx(tower, "test"));
            Files.writeString(dir.resolve("audio.descriptor.json"), AudioTowerExport.descriptor(tower, 48000));
            ModelDescriptor descriptor = ModelDescriptor.load(dir.resolve("audio.descriptor.json"));
            try (OnnxModel model = OnnxModel.load(dir.resolve("audio.onnx"), descriptor, SessionSettings.defaults())) {
                OnnxModel.Output out = model.run(Map.of("input_features", input), Map.of(), Map.of("input_features", new long[] {batch, 1, 1001, 64}));
                assertEquals(batch * 384, out.values().length);
                double max = 0;
                double scale = 0;
                for (int i = 0; i < expected.length; i++) {
                    max = Math.max(max, Math.abs(expected[i] - out.values()[i]));
                    scale = Math.max(scale, Math.abs(expected[i]));
                }
                assertTrue(scale > 0.01, "outputs are not trivially small: " + scale);
                assertTrue(max <= 1e-4, "max |ORT - DJL| = " + max);
            }
        }
    }

    @Test
    void pythonOnnxCheckerAcceptsTheExport(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        Path file = dir.resolve("audio.onnx");
        try (NDManager m = PytorchEngine.get().newBaseManager(); AudioTower tower = AudioTower.initialised(SHAPE, m, 1)) {
            Files.write(file, AudioTowerExport.onnx(tower, "test"));
        }
        Path script = Path.of("src/test/python/check_onnx.py").toAbsolutePath();
        Process p = new ProcessBuilder(python.toString(), script.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "checker did not finish");
        assumeTrue(!output.contains("No module named 'onnx'"), "python3 has no onnx module (apt-get install python3-onnx)");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("ok"), output);
    }

}
