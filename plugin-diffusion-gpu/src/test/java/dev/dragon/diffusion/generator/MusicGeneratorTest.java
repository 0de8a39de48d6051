package dev.dragon.diffusion.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Generation;
import dev.dragon.api.LossSettings;
import dev.dragon.api.PreferenceBatch;
import dev.dragon.api.Prompt;
import dev.dragon.api.SamplingRequest;
import dev.dragon.api.TrainingStatistics;
import dev.dragon.diffusion.audio.MelSettings;
import dev.dragon.diffusion.model.AutoencoderConfig;
import dev.dragon.diffusion.model.DenoiserConfig;
import dev.dragon.diffusion.model.WeightsFileException;
import dev.dragon.diffusion.music.MusicModel;
import dev.dragon.diffusion.music.MusicModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator service's contract on a tiny model: deterministic sampling, preference steps through the API,
 * checkpoints that reproduce outputs and later updates exactly, and refusal of foreign or corrupt checkpoints.
 */
class MusicGeneratorTest {

    static final MelSettings MEL = new MelSettings(16_000, 256, 64, 16, 20, -60, 0, 30);
    static final AutoencoderConfig AUTOENCODER = new AutoencoderConfig(16, 20, 4, 32, 4);
    static final int CONDITION = 8;

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

    /** A deterministic stand-in for a text encoder: the same text, the same vector. */
    static double[] embed(String text) {
        java.util.Random random = new java.util.Random(text.hashCode());
        double[] v = new double[CONDITION];
        for (int i = 0; i < v.length; i++) v[i] = random.nextGaussian();
        return v;
    }

    static MusicModelSpec spec(int width) {
        return new MusicModelSpec(MEL, AUTOENCODER, new DenoiserConfig(5, 4, CONDITION, width, 1, 2, 2 * width), 100,
            new float[] {0, 0, 0, 0}, new float[] {1, 1, 1, 1}, "test-text", "test", MusicModelSpec.noProvenance());
    }

    /** A freshly initialised tiny model saved into {@code dir}, and a generator over it. */
    private MusicGenerator generator(Path dir, int width, int seed) throws IOException {
        Engine.getInstance().setRandomSeed(seed);
        MusicModel model = MusicModel.initialise(spec(width), manager, 2);
        model.save(dir);
        return new MusicGenerator("test-generator", model, MusicGeneratorTest::embed, "test-latent", dir);
    }

    private static SamplingRequest request(long... seeds) {
        List<Prompt> prompts = java.util.stream.IntStream.range(0, seeds.length)
            .mapToObj(i -> new Prompt("p" + i, i % 2 == 0 ? "soft piano" : "loud trumpet")).toList();
        return new SamplingRequest(prompts, java.util.Arrays.stream(seeds).boxed().toList(), 4, 2.0);
    }

    private static float[] audio(List<Generation> generations, int i) {
        return generations.get(i).audio().channel(0);
    }

    @Test
    void theSameSeedGivesTheSameAudioAndAnotherSeedOtherAudio() throws IOException {
        try (MusicGenerator generator = generator(folder.resolve("m"), 8, 1)) {
            List<Generation> first = generator.sample(request(11, 12));
            List<Generation> again = generator.sample(request(11, 12));
            assertArrayEquals(audio(first, 0), audio(again, 0));
            assertArrayEquals(audio(first, 1), audio(again, 1));
            assertFalse(java.util.Arrays.equals(audio(first, 0), audio(generator.sample(request(13)), 0)));
            assertEquals(MEL.clipSamples(), audio(first, 0).length);
            assertEquals(first.get(0).latent(), again.get(0).latent());
        }
    }

    @Test
    void aDpoStepThroughTheApiRaisesTheWinnersImplicitReward() throws IOException {
        try (MusicGenerator generator = generator(folder.resolve("m"), 8, 2)) {
            List<Generation> samples = generator.sample(request(1, 2, 3, 4));
            PreferenceBatch batch = new PreferenceBatch(samples.subList(0, 2), samples.subList(2, 4), true);
            TrainingStatistics first = generator.train(batch, LossSettings.dpo(50, 1e-2));
            TrainingStatistics second = generator.train(batch, LossSettings.dpo(50, 1e-2));
            assertEquals(0.0, first.rewardMargin(), 1e-6, "before any update policy = reference");
            assertTrue(second.rewardMargin() > first.rewardMargin(), "margin " + first.rewardMargin() + " -> " + second.rewardMargin());
            assertEquals(4, second.examples());
        }
    }

    @Test
    void aCheckpointReproducesSamplesAndTheNextUpdateExactly() throws IOException {
        Path checkpoint = folder.resolve("checkpoint");
        List<Generation> afterRestore;
        TrainingStatistics nextOriginal;
        List<Generation> samplesOriginal;
        PreferenceBatch batch;
        try (MusicGenerator original = generator(folder.resolve("m"), 8, 3)) {
            List<Generation> samples = original.sample(request(1, 2, 3, 4));
            batch = new PreferenceBatch(samples.subList(0, 2), samples.subList(2, 4), true);
            original.train(batch, LossSettings.dpo(50, 1e-2));
            original.checkpoint(checkpoint);
            samplesOriginal = original.sample(request(7));
            nextOriginal = original.train(batch, LossSettings.dpo(50, 1e-2));
        }
        try (MusicGenerator restored = generator(folder.resolve("other"), 8, 99)) {
            restored.restore(checkpoint);
            afterRestore = restored.sample(request(7));
            TrainingStatistics nextRestored = restored.train(batch, LossSettings.dpo(50, 1e-2));
            assertArrayEquals(audio(samplesOriginal, 0), audio(afterRestore, 0));
            // the same reference and the same AdamW moments: the next step is the same step
            assertEquals(nextOriginal, nextRestored);
        }
    }

    @Test
    void aCheckpointOfAnotherArchitectureIsRefusedAndChangesNothing() throws IOException {
        Path foreign = folder.resolve("foreign");
        try (MusicGenerator wide = generator(folder.resolve("wide"), 16, 4)) {
            wide.checkpoint(foreign);
        }
        try (MusicGenerator generator = generator(folder.resolve("m"), 8, 5)) {
            float[] before = audio(generator.sample(request(3)), 0);
            WeightsFileException error = assertThrows(WeightsFileException.class, () -> generator.restore(foreign));
            assertTrue(error.getMessage().contains("another architecture"), error.getMessage());
            assertArrayEquals(before, audio(generator.sample(request(3)), 0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MusicModel.AUTOENCODER_FILE, MusicModel.DENOISER_FILE, MusicGenerator.REFERENCE_FILE,
        MusicGenerator.OPTIMIZER_FILE})
    void aCheckpointWithOneCorruptFileIsRefusedAndChangesNothing(String corrupted) throws IOException {
        Path checkpoint = folder.resolve("checkpoint");
        try (MusicGenerator generator = generator(folder.resolve("m"), 8, 6)) {
            PreferenceBatch batch = new PreferenceBatch(generator.sample(request(1)), generator.sample(request(2)), true);
            generator.train(batch, LossSettings.dpo(50, 1e-2));
            generator.checkpoint(checkpoint);
            Path file = checkpoint.resolve(corrupted);
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 10] ^= 0x55;
            Files.write(file, bytes);
            generator.train(batch, LossSettings.dpo(50, 1e-2));
            float[] before = audio(generator.sample(request(3)), 0);
            WeightsFileException error = assertThrows(WeightsFileException.class, () -> generator.restore(checkpoint));
            assertTrue(error.getMessage().contains("corrupt") && error.getMessage().contains(corrupted), error.getMessage());
            assertArrayEquals(before, audio(generator.sample(request(3)), 0));
        }
    }

    @Test
    void theLatentEncoderGivesTheModelsFramesForAudio() throws IOException {
        try (MusicGenerator generator = generator(folder.resolve("m"), 8, 7)) {
            Generation generation = generator.sample(request(5)).get(0);
            FrameEmbeddings frames = generator.latentEncoder().embedAudio(generation.audio());
            assertEquals(AUTOENCODER.latentFrames(), frames.frames());
            assertEquals(AUTOENCODER.latentChannels(), frames.dimension());
            assertTrue(frames.allFinite());
            assertTrue(generator.latentEncoder().fingerprint().startsWith("sha256:"));
        }
    }
}
