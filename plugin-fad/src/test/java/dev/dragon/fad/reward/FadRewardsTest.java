package dev.dragon.fad.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Generation;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.api.RewardKind;
import dev.dragon.fad.Audio;
import dev.dragon.fad.Configs;
import dev.dragon.fad.FakeEncoder;
import dev.dragon.fad.FrechetDistance;
import dev.dragon.fad.GaussianAccumulator;
import dev.dragon.fad.PerSongFrechetDistance;
import dev.dragon.fad.reference.StatisticsFile;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FadRewardsTest {

    private static final int D = 8;

    @TempDir
    Path dir;
    Path refs;
    FakeEncoder encoder;

    @BeforeEach
    void setUp() throws Exception {
        refs = Files.createDirectories(dir.resolve("refs"));
        for (int i = 0; i < 5; i++) WavFile.write(refs.resolve("r" + i + ".wav"), Audio.clip(100 + i, D * 40, 0), SampleEncoding.FLOAT_32);
        encoder = new FakeEncoder("fake-audio", "fake@1", D);
    }

    private Map<String, Object> audioConfig(String id) {
        return Map.of("reward_id", id, "reference_audio", refs.toString(), "cache_dir", dir.resolve("cache").toString());
    }

    private ReferenceStatistics referenceStatistics() throws Exception {
        GaussianAccumulator acc = new GaussianAccumulator(D, "refs");
        for (int i = 0; i < 5; i++) acc.add(encoder.embedAudio(WavFile.read(refs.resolve("r" + i + ".wav"))), "r" + i);
        return acc.toStatistics("fake@1", "x");
    }

    @Test
    void perSongScoresAreMinusEachClipsDistance() throws Exception {
        PerSongFadReward reward = new PerSongFadReward();
        reward.configure(Configs.of(PerSongFadReward.Config.class, audioConfig("fad-song-test")), null);
        reward.bindEncoder(encoder);
        List<Generation> set = List.of(Audio.generation(1, D * 6, 0.0), Audio.generation(2, D * 4, 0.3));
        double[] scores = reward.scoreEach(set);
        ReferenceStatistics ref = referenceStatistics();
        for (int i = 0; i < 2; i++) {
            FrameEmbeddings frames = encoder.embedAudio(set.get(i).audio());
            assertEquals(-PerSongFrechetDistance.of(frames, "clip", ref), scores[i], 1e-12);
        }
        assertEquals("fad-song-test", reward.id());
        assertEquals(RewardKind.INSTANCE_TO_DISTRIBUTION, reward.kind());
        // the louder offset clip is further from the reference
        assertTrue(scores[1] < scores[0]);
    }

    @Test
    void datasetScoreIsMinusThePooledDistance() throws Exception {
        DatasetFadReward reward = new DatasetFadReward();
        reward.configure(Configs.of(DatasetFadReward.Config.class, audioConfig("fad-test")), null);
        reward.bindEncoder(encoder);
        List<Generation> set = List.of(Audio.generation(1, D * 6, 0.0), Audio.generation(2, D * 4, 0.1));
        GaussianAccumulator pooled = new GaussianAccumulator(D, "set");
        for (Generation g : set) pooled.add(encoder.embedAudio(g.audio()), "g");
        double expected = -FrechetDistance.between(pooled.toStatistics("fake@1", "s"), referenceStatistics());
        assertEquals(expected, reward.scoreSet(set), 1e-12);
        assertEquals(RewardKind.DISTRIBUTION, reward.kind());
    }

    @Test
    void statisticsFileCanBeTheReference() throws Exception {
        Path stats = dir.resolve("ref.stats");
        StatisticsFile.write(stats, referenceStatistics());
        DatasetFadReward fromFile = new DatasetFadReward();
        fromFile.configure(Configs.of(DatasetFadReward.Config.class, Map.of("reference_statistics", stats.toString())), null);
        fromFile.bindEncoder(encoder);
        DatasetFadReward fromAudio = new DatasetFadReward();
        fromAudio.configure(Configs.of(DatasetFadReward.Config.class, audioConfig("fad")), null);
        fromAudio.bindEncoder(encoder);
        List<Generation> set = List.of(Audio.generation(7, D * 5, 0.0));
        assertEquals(fromAudio.scoreSet(set), fromFile.scoreSet(set), 0);
    }

    @Test
    void nanEmbeddingNamesPluginRewardAndGeneration() {
        PerSongFadReward reward = new PerSongFadReward();
        reward.configure(Configs.of(PerSongFadReward.Config.class, audioConfig("fad-song")), null);
        reward.bindEncoder(encoder);
        float[] samples = new float[D * 3];
        samples[D + 2] = Float.NaN;
        Generation bad = new Generation(new dev.dragon.api.Prompt("p9", "text"), 9, dev.dragon.api.AudioClip.mono(16_000, samples), null, "g");
        var e = assertThrows(IllegalArgumentException.class, () -> reward.scoreEach(List.of(Audio.generation(1, D * 6, 0), bad)));
        assertTrue(e.getMessage().startsWith("reward 'fad-song' (plugin-fad): generation 1 (prompt p9, seed 9): row 1 holds NaN"), e.getMessage());
    }

    @Test
    void emptySetIsAnError() {
        DatasetFadReward reward = new DatasetFadReward();
        reward.configure(Configs.of(DatasetFadReward.Config.class, audioConfig("fad")), null);
        reward.bindEncoder(encoder);
        var e = assertThrows(IllegalArgumentException.class, () -> reward.scoreSet(List.of()));
        assertTrue(e.getMessage().contains("empty set"), e.getMessage());
    }

    @Test
    void exactlyOneReferenceSourceMustBeConfigured() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> new PerSongFadReward().configure(Configs.of(PerSongFadReward.Config.class, Map.of()), null));
        assertTrue(e.getMessage().contains("exactly one"), e.getMessage());
    }
}
