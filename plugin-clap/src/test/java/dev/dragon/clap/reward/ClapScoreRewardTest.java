package dev.dragon.clap.reward;

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

/** The CLAP score is the cosine of the pooled audio embedding and the prompt's embedding. */
class ClapScoreRewardTest {

    static ClapScoreReward.Config config() {
        return new ClapScoreReward.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClapScoreReward.Config.class;
            }

            @Override
            public String reward_id() {
                return "clap-score";
            }

            @Override
            public String audioEncoder_target() {
                return "(encoder.id=a)";
            }

            @Override
            public String textEncoder_target() {
                return "(encoder.id=t)";
            }
        };
    }

    static Generation generation(float firstSample) {
        return new Generation(new Prompt("p", "a calm piano"), 1, AudioClip.mono(48_000, new float[] {firstSample, 0}), null, "g");
    }

    @Test
    void cosineOfPooledAudioAndPrompt() {
        ClapScoreReward reward = new ClapScoreReward(new FixedEncoder("a", 3), new FixedEncoder("t", 3), config());
        assertEquals(RewardKind.INSTANCE, reward.kind());
        assertTrue(reward.usesPrompt());
        assertEquals("clap-score", reward.id());
        // pooled audio (a, 1, 0) against text (1, 0, 0): a / sqrt(a^2 + 1)
        double[] scores = reward.scoreEach(List.of(generation(1f), generation(0f), generation(-1f)));
        assertArrayEquals(new double[] {Math.sqrt(0.5), 0, -Math.sqrt(0.5)}, scores, 1e-12);
    }

    @Test
    void encodersOfDifferentSpacesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new ClapScoreReward(new FixedEncoder("a", 3), new FixedEncoder("t", 4), config()));
        assertTrue(e.getMessage().contains("'a' gives 3-d, 't' gives 4-d"), e.getMessage());
    }
}
