package dev.dragon.vendi.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Generation;
import dev.dragon.api.Modality;
import dev.dragon.api.Prompt;
import dev.dragon.api.RewardKind;
import dev.dragon.vendi.Configs;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VendiRewardTest {

    /** Embeds a clip as two frames: its first samples as given, so a test chooses each clip's direction. */
    private static final Encoder ENCODER = new Encoder() {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public String fingerprint() {
            return "fake@1";
        }

        @Override
        public Set<Modality> modalities() {
            return Set.of(Modality.AUDIO);
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public FrameEmbeddings embedAudio(AudioClip clip) {
            float[] x = clip.channel(0);
            return new FrameEmbeddings(2, 2, new double[] {x[0], x[1], x[0], x[1]});
        }
    };

    private static Generation clip(int seed, float a, float b) {
        return new Generation(new Prompt("p" + seed, "text"), seed, AudioClip.mono(16_000, new float[] {a, b}), null, "g");
    }

    private static VendiReward reward(double q) {
        VendiReward reward = new VendiReward();
        reward.configure(Configs.of(VendiReward.Config.class, Map.of("reward_id", "vendi-test", "q", q)));
        reward.bindEncoder(ENCODER);
        return reward;
    }

    @Test
    void scoresTheBriefsTwoAlikeOneOrthogonalSet() {
        double score = reward(1).scoreSet(List.of(clip(1, 1, 0), clip(2, 0, 1), clip(3, 1, 0)));
        assertEquals(1.8898815748423097, score, 1e-12 * score);
        assertEquals(RewardKind.DISTRIBUTION, reward(1).kind());
        assertEquals("vendi-test", reward(1).id());
    }

    @Test
    void moreDiverseSetsScoreHigher() {
        VendiReward reward = reward(2);
        assertTrue(reward.scoreSet(List.of(clip(1, 1, 0), clip(2, 0, 1))) > reward.scoreSet(List.of(clip(1, 1, 0), clip(2, 1, 0.1f))));
    }

    @Test
    void silentClipIsNamedInsteadOfGivingNaN() {
        var e = assertThrows(IllegalArgumentException.class, () -> reward(1).scoreSet(List.of(clip(1, 1, 0), clip(5, 0, 0))));
        assertTrue(e.getMessage().startsWith("reward 'vendi-test' (plugin-vendi): generation 1 (prompt p5, seed 5) is all zeros"), e.getMessage());
    }

    @Test
    void emptySetIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> reward(1).scoreSet(List.of()));
        assertTrue(e.getMessage().contains("empty set"), e.getMessage());
    }
}
