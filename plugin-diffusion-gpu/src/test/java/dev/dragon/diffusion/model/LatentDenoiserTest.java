package dev.dragon.diffusion.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.dragon.diffusion.sampling.DdimSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The denoiser's forward pass and its weights file: round trip, wrong architecture, corruption. */
class LatentDenoiserTest {

    static final DenoiserConfig TINY = new DenoiserConfig(8, 4, 6, 16, 1, 2, 32);

    @TempDir
    Path folder;
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void predictsNoiseOfTheLatentsShapeDeterministically() {
        LatentDenoiser denoiser = denoiser(TINY, 1);
        float[] first = predict(denoiser, 3);
        assertEquals(3 * 8 * 4, first.length);
        assertArrayEquals(first, predict(denoiser, 3));
        NDArray zeroCondition = manager.zeros(new Shape(3, 6));
        float[] unconditional = denoiser.predictNoise(input(3), manager.create(new float[] {5, 500, 900}),
            zeroCondition, false).toFloatArray();
        assertFalse(Arrays.equals(first, unconditional), "the condition reaches the output");
    }

    @Test
    void aSamplesPredictionDependsNeitherOnItsBatchNorOnTrainingMode() {
        LatentDenoiser denoiser = denoiser(TINY, 1);
        float[] alone = predict(denoiser, 1);
        float[] inBatch = Arrays.copyOf(predict(denoiser, 3), alone.length);
        for (int i = 0; i < alone.length; i++) assertEquals(alone[i], inBatch[i], 1e-5f, "element " + i);
        NDArray conditions = DdimSampler.gaussianNoise(manager, new long[] {31}, new Shape(6), DataType.FLOAT32);
        float[] training = denoiser.predictNoise(input(1), manager.create(new float[] {5}), conditions, true).toFloatArray();
        assertArrayEquals(alone, training);
    }

    @Test
    void savedWeightsReloadToIdenticalOutputs() throws IOException {
        LatentDenoiser original = denoiser(TINY, 1);
        LatentDenoiser other = denoiser(TINY, 2);
        assertFalse(Arrays.equals(predict(original, 2), predict(other, 2)));
        Path file = folder.resolve("denoiser.weights");
        ModelWeights.save(original, file);
        ModelWeights.load(other, file);
        assertArrayEquals(predict(original, 2), predict(other, 2));
        assertEquals(TINY.architecture(), ModelWeights.architectureOf(file));
        try (var entries = Files.list(folder)) {
            assertEquals(1, entries.count(), "no temporary file left beside the checkpoint");
        }
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedAndNothingChanges() throws IOException {
        DenoiserConfig wider = new DenoiserConfig(8, 4, 6, 32, 1, 2, 32);
        Path file = folder.resolve("wider.weights");
        ModelWeights.save(denoiser(wider, 3), file);
        LatentDenoiser target = denoiser(TINY, 1);
        float[] before = predict(target, 2);
        WeightsFileException error = assertThrows(WeightsFileException.class, () -> ModelWeights.load(target, file));
        assertOneLine(error);
        assertTrue(error.getMessage().contains("width=32"), error.getMessage());
        assertArrayEquals(before, predict(target, 2));
    }

    @Test
    void corruptOrForeignFilesAreRefusedAndNothingChanges() throws IOException {
        Path good = folder.resolve("good.weights");
        ModelWeights.save(denoiser(TINY, 3), good);
        byte[] bytes = Files.readAllBytes(good);
        LatentDenoiser target = denoiser(TINY, 1);
        float[] before = predict(target, 2);

        byte[] flipped = bytes.clone();
        flipped[flipped.length - 10] ^= 0x5a;
        Path corrupt = Files.write(folder.resolve("corrupt.weights"), flipped);
        assertRefused(target, corrupt, "checksum mismatch");

        Path truncated = Files.write(folder.resolve("truncated.weights"), Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(target, truncated, "truncated");

        Path foreign = Files.writeString(folder.resolve("notes.txt"), "just some text, not weights");
        assertRefused(target, foreign, "not a model weights file");

        assertArrayEquals(before, predict(target, 2));
    }

    private void assertRefused(LatentDenoiser target, Path file, String reason) {
        WeightsFileException error = assertThrows(WeightsFileException.class, () -> ModelWeights.load(target, file));
        assertOneLine(error);
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }

    private static void assertOneLine(Exception error) {
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
    }

    private LatentDenoiser denoiser(DenoiserConfig config, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        LatentDenoiser denoiser = new LatentDenoiser(config);
        denoiser.initialize(manager, DataType.FLOAT32);
        return denoiser;
    }

    private NDArray input(int batch) {
        return DdimSampler.gaussianNoise(manager, new long[] {21, 22, 23}, new Shape(8, 4), DataType.FLOAT32)
            .get("0:" + batch);
    }

    private float[] predict(LatentDenoiser denoiser, int batch) {
        NDArray conditions = DdimSampler.gaussianNoise(manager, new long[] {31, 32, 33}, new Shape(6), DataType.FLOAT32)
            .get("0:" + batch);
        NDArray timesteps = manager.create(Arrays.copyOf(new float[] {5, 500, 900}, batch));
        return denoiser.predictNoise(input(batch), timesteps, conditions, false).toFloatArray();
    }
}
