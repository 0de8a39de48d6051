package dev.dragon.core.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dragon.api.AudioClip;
import org.junit.jupiter.api.Test;

class LoudnessRewardTest {

    @Test
    void levelOfKnownSignals() {
        float[] sine = new float[48000];
        for (int i = 0; i < sine.length; i++) sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 48000.0));
        // RMS of a sine of amplitude a is a/sqrt(2): 20 log10(0.5/sqrt 2) = -9.0309 dB
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), LoudnessReward.levelDb(AudioClip.mono(48000, sine), -120), 1e-6);
        assertEquals(-120, LoudnessReward.levelDb(AudioClip.mono(8000, new float[100]), -120), 0.0);
        // stereo with one silent channel: the downmix halves the amplitude, -6.02 dB
        float[] full = new float[1000];
        java.util.Arrays.fill(full, 1f);
        assertEquals(20 * Math.log10(0.5), LoudnessReward.levelDb(new AudioClip(8000, new float[][] {full, new float[1000]}), -120), 1e-9);
    }

    @Test
    void nonFiniteAudioIsAnErrorNotAScore() {
        assertThrows(IllegalArgumentException.class, () -> LoudnessReward.levelDb(AudioClip.mono(8000, new float[] {Float.NaN, 0f}), -120));
    }
}
