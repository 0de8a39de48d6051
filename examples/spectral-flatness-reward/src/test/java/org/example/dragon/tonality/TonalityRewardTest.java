package org.example.dragon.tonality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.api.RewardKind;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TonalityRewardTest {

    private static Generation clip(String id, float[] samples) {
        return new Generation(new Prompt(id, "a prompt"), 1, AudioClip.mono(TestSignals.RATE, samples), null, "test");
    }

    private static TonalityReward.Config config(String id, int frameSize, int hop, double silenceDb) {
        return new TonalityReward.Config() {
            @Override public Class<? extends Annotation> annotationType() { return TonalityReward.Config.class; }
            @Override public String reward_id() { return id; }
            @Override public int frameSize() { return frameSize; }
            @Override public int hop() { return hop; }
            @Override public double silenceDb() { return silenceDb; }
        };
    }

    @Test
    void scoresOneMinusMeanFlatnessPerClipInOrder() {
        TonalityReward reward = new TonalityReward();
        float[] tone = TestSignals.named("sine440");
        float[] noise = TestSignals.named("noise");
        double[] scores = reward.scoreEach(List.of(clip("a", noise), clip("b", tone), clip("c", new float[8000])));
        SpectralFlatness defaults = new SpectralFlatness(2048, 512, -60);
        assertArrayEquals(new double[] {1 - defaults.meanFlatness(noise), 1 - defaults.meanFlatness(tone), 0}, scores, 0);
        // the numpy reference for white noise at these settings: flatness 0.5637 (a tone: ~7e-12)
        assertEquals(1 - 0.5637412201038996, scores[0], 1e-6);
        assertTrue(scores[1] > 0.999999 && scores[1] <= 1, "a pure tone is the most tonal clip: " + scores[1]);
        assertEquals(RewardKind.INSTANCE, reward.kind());
        assertEquals("tonality", reward.id());
    }

    @Test
    void stereoIsJudgedOnItsDownmix() {
        float[] tone = TestSignals.named("sine440");
        Generation stereo = new Generation(new Prompt("s", "x"), 1, new AudioClip(TestSignals.RATE, new float[][] {tone, tone}), null, "test");
        TonalityReward reward = new TonalityReward();
        assertEquals(reward.scoreEach(List.of(clip("m", tone)))[0], reward.scoreEach(List.of(stereo))[0], 0);
    }

    @Test
    void configurationChangesIdAndSettings() {
        TonalityReward reward = new TonalityReward();
        reward.configure(config("tonality-fine", 512, 512, -60));
        assertEquals("tonality-fine", reward.id());
        assertEquals(1 - 0.5585641390910479, reward.scoreEach(List.of(clip("n", TestSignals.named("noise"))))[0], 1e-6);
    }

    @Test
    void badConfigurationNamesThePidAndTheKey() {
        TonalityReward reward = new TonalityReward();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reward.configure(config("t", 1000, 512, -60)));
        assertTrue(e.getMessage().startsWith("org.example.dragon.tonality: frameSize"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> reward.configure(config(" ", 1024, 512, -60)));
        assertEquals("tonality", reward.id(), "a refused configuration leaves the last good one in place");
    }

    @Test
    void aClipWithNonFiniteSamplesIsNamed() {
        float[] bad = TestSignals.sine(4096, 440, 0.5);
        bad[7] = Float.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TonalityReward().scoreEach(List.of(clip("ok", TestSignals.sine(4096, 440, 0.5)), clip("p7", bad))));
        assertTrue(e.getMessage().contains("generation 1 (prompt 'p7')"), e.getMessage());
    }
}
