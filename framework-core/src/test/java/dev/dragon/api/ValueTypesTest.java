package dev.dragon.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API's value types refuse inconsistent data up front, and the contracts' defaults behave as documented. */
class ValueTypesTest {

    @Test
    void frameEmbeddingsCheckShapeAndPool() {
        FrameEmbeddings e = new FrameEmbeddings(2, 3, new double[] {1, 2, 3, 3, 4, 5});
        assertArrayEquals(new double[] {2, 3, 4}, e.meanPooled(), 0.0);
        assertArrayEquals(new double[] {3, 4, 5}, e.row(1), 0.0);
        assertTrue(e.allFinite());
        assertFalse(new FrameEmbeddings(1, 2, new double[] {0, Double.NaN}).allFinite());
        assertThrows(IllegalArgumentException.class, () -> new FrameEmbeddings(2, 3, new double[5]));
        assertThrows(IllegalArgumentException.class, () -> new FrameEmbeddings(0, 3, new double[0]));
    }

    @Test
    void audioClipRejectsRaggedChannelsAndBadRates() {
        assertThrows(IllegalArgumentException.class, () -> new AudioClip(16000, new float[][] {new float[3], new float[4]}));
        assertThrows(IllegalArgumentException.class, () -> new AudioClip(0, new float[][] {new float[3]}));
        assertThrows(IllegalArgumentException.class, () -> new AudioClip(16000, new float[0][]));
        assertEquals(0.5, AudioClip.mono(16000, new float[8000]).durationSeconds(), 0.0);
    }

    @Test
    void batchesAndRequestsCheckPairing() {
        Generation g = new Generation(new Prompt("p1", "calm piano"), 7, AudioClip.mono(8000, new float[8]), null, "gen");
        assertThrows(IllegalArgumentException.class, () -> new PreferenceBatch(List.of(g, g), List.of(g), true));
        assertEquals(3, new PreferenceBatch(List.of(g, g), List.of(g), false).size());
        assertThrows(IllegalArgumentException.class, () -> new SamplingRequest(List.of(g.prompt()), List.of(), 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new SamplingRequest(List.of(g.prompt()), List.of(1L), 0, 3));
        assertThrows(IllegalArgumentException.class, () -> LossSettings.dpo(0, 1e-4));
        assertEquals(LossType.KTO, LossSettings.kto(1000, 1e-4).type());
    }

    @Test
    void referenceStatisticsAndLatentsCheckShapes() {
        assertThrows(IllegalArgumentException.class, () -> new ReferenceStatistics("enc", "h", 1, new double[2], new double[4]));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceStatistics("enc", "h", 5, new double[2], new double[3]));
        assertEquals(2, new ReferenceStatistics("enc", "h", 5, new double[2], new double[4]).dimension());
        assertThrows(IllegalArgumentException.class, () -> new Latent(new int[] {2, 3}, new float[5]));
    }

    @Test
    void contractDefaultsSayWhatIsMissing() {
        Encoder textOnly = new Encoder() {
            public String id() { return "words"; }
            public String fingerprint() { return "f"; }
            public Set<Modality> modalities() { return Set.of(Modality.TEXT); }
            public int dimension() { return 4; }
        };
        UnsupportedModalityException e = assertThrows(UnsupportedModalityException.class, () -> textOnly.embedAudio(AudioClip.mono(8000, new float[1])));
        assertEquals("encoder 'words' does not embed audio", e.getMessage());

        Reward setReward = new Reward() {
            public String id() { return "spread"; }
            public RewardKind kind() { return RewardKind.DISTRIBUTION; }
        };
        assertThrows(IllegalStateException.class, () -> setReward.scoreEach(List.of()));
        Reward each = new Reward() {
            public String id() { return "each"; }
            public RewardKind kind() { return RewardKind.INSTANCE; }
            @Override public double[] scoreEach(List<Generation> gs) { return new double[] {1, 2, 6}; }
        };
        assertEquals(3.0, each.scoreSet(List.of()), 0.0);
        assertFalse(RewardKind.DISTRIBUTION.scoresEachExample());
    }
}
