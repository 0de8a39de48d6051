package dev.dragon.aesthetics.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.aesthetics.NoiseRatings;
import dev.dragon.aesthetics.TestAudio;
import dev.dragon.aesthetics.TestEncoder;
import dev.dragon.aesthetics.data.RatingsCsv;
import dev.dragon.aesthetics.data.RatingsEmbedder;
import dev.dragon.aesthetics.model.AestheticsTrainer;
import dev.dragon.aesthetics.model.HyperparameterGrid;
import dev.dragon.aesthetics.model.ModelFolder;
import dev.dragon.aesthetics.model.RatedEmbeddings;
import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.api.RewardKind;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reward over a model trained on {@link NoiseRatings}: it prefers clean audio, never returns NaN, checks its encoder. */
class AestheticsRewardTest {

    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void train() throws Exception {
        Path csv = NoiseRatings.write(tmp.resolve("data"), 6, 1);
        TestEncoder encoder = TestEncoder.standard();
        RatedEmbeddings data = RatingsEmbedder.embed(csv, RatingsCsv.read(csv), encoder, (d, t) -> { });
        model = tmp.resolve("model");
        ModelFolder.write(model, new AestheticsTrainer(HyperparameterGrid.standard()).train(data, 1, encoder.id(), encoder.fingerprint(), csv.toString()));
    }

    static AestheticsReward.Config config(String id, String modelPath) {
        return new AestheticsReward.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AestheticsReward.Config.class;
            }

            @Override
            public String reward_id() {
                return id;
            }

            @Override
            public String encoder_target() {
                return "(encoder.id=test-audio)";
            }

            @Override
            public String model() {
                return modelPath;
            }
        };
    }

    private static Generation generation(AudioClip clip, long seed) {
        return new Generation(new Prompt("p" + seed, "a tone"), seed, clip, null, "test");
    }

    private static AestheticsReward reward(TestEncoder encoder) {
        AestheticsReward reward = new AestheticsReward();
        reward.configure(config("aesthetics-test", model.toString()));
        reward.bindEncoder(encoder);
        return reward;
    }

    @Test
    void scoresCleanAudioAboveNoisyAudio() {
        AestheticsReward reward = reward(TestEncoder.standard());
        assertEquals("aesthetics-test", reward.id());
        assertEquals(RewardKind.INSTANCE, reward.kind());
        // a pitch the model never heard, with unseen noise
        double[] s = reward.scoreEach(List.of(generation(TestAudio.tone(300, 0, 7), 1), generation(TestAudio.tone(300, 0.04, 8), 2),
            generation(TestAudio.tone(300, 0.15, 9), 3)));
        assertTrue(s[0] > s[1] && s[1] > s[2], "clean > light noise > heavy noise: " + Arrays.toString(s));
    }

    @Test
    void neverReturnsNaNEvenForSilenceDcOrOneSample() {
        AestheticsReward reward = reward(TestEncoder.standard());
        float[] dc = new float[4000];
        Arrays.fill(dc, 1f);
        float[] square = new float[4000];
        for (int i = 0; i < square.length; i++) square[i] = (i / 20) % 2 == 0 ? 1f : -1f;
        double[] s = reward.scoreEach(List.of(generation(AudioClip.mono(8000, new float[4000]), 1), generation(AudioClip.mono(8000, dc), 2),
            generation(AudioClip.mono(8000, square), 3), generation(AudioClip.mono(8000, new float[] {0.5f}), 4)));
        for (double v : s) assertTrue(Double.isFinite(v), Arrays.toString(s));
        assertEquals(0, reward.scoreEach(List.of()).length);
    }

    @Test
    void refusesAnEncoderWithAnotherFingerprintAndInputsThatGiveNaN() {
        AestheticsReward reward = reward(new TestEncoder("test-audio", "test v2"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reward.scoreEach(List.of(generation(TestAudio.tone(300, 0, 1), 1))));
        assertTrue(e.getMessage().startsWith("reward 'aesthetics-test' (plugin-aesthetics): " + model + ": trained on encoder 'test-audio' with fingerprint test v1"),
            e.getMessage());
        AestheticsReward good = reward(TestEncoder.standard());
        float[] nan = new float[4000];
        nan[10] = Float.NaN;
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> good.scoreEach(List.of(generation(AudioClip.mono(8000, nan), 5))));
        assertEquals("reward 'aesthetics-test' (plugin-aesthetics): generation 0 (prompt p5, seed 5): the encoder returned NaN or infinite embeddings",
            bad.getMessage());
    }

    @Test
    void aMissingModelFailsConfigurationWithOneLine() {
        AestheticsReward reward = new AestheticsReward();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> reward.configure(config("x", tmp.resolve("nowhere").toString())));
        assertEquals("reward 'x' (plugin-aesthetics): " + tmp.resolve("nowhere") + ": no such model folder", e.getMessage());
    }
}
