package dev.dragon.itest;

import static dev.dragon.itest.TestAudio.IN_BAND_0;
import static dev.dragon.itest.TestAudio.IN_BAND_3;
import static dev.dragon.itest.TestAudio.IN_BAND_5;
import static dev.dragon.itest.TestAudio.IN_BAND_7;
import static dev.dragon.itest.TestAudio.clip;
import static dev.dragon.itest.TestAudio.generation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.runtime.Orchestrator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The FAD rewards (per-song and dataset) and the Vendi reward of plugin-fad and plugin-vendi, made by factory
 * configurations through the real ConfigurationAdmin, bound to an encoder this test registers, and scoring through
 * OpenBLAS (runtime/openblas) inside the framework.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class AudioRewardsTest {

    static final String PER_SONG_PID = "dev.dragon.reward.fad.persong";
    static final String DATASET_PID = "dev.dragon.reward.fad.dataset";
    static final String VENDI_PID = "dev.dragon.reward.vendi";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(timeout = 30000)
    ConfigurationAdmin configurationAdmin;

    @TempDir
    Path tmp;

    private ServiceRegistration<Encoder> encoder;
    private final List<Configuration> created = new ArrayList<>();

    @BeforeEach
    void registerEncoder() {
        encoder = TestAudio.registerEncoder(context);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Configuration c : created) c.delete();
        encoder.unregister();
    }

    /** Creates a factory configuration wired to the test encoder; {@code referenceAudio} may be null (Vendi). */
    static Configuration configure(ConfigurationAdmin admin, List<Configuration> created, String factoryPid, String rewardId,
        Path referenceAudio, Path cacheDir) throws Exception {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("reward.id", rewardId);
        p.put("encoder.target", "(encoder.id=" + TestAudio.ENCODER_ID + ")");
        if (referenceAudio != null) {
            p.put("reference.audio", referenceAudio.toString());
            p.put("cache.dir", cacheDir.toString());
        }
        Configuration c = admin.createFactoryConfiguration(factoryPid, "?");
        c.update(p);
        created.add(c);
        return c;
    }

    private Reward awaitReward(String id) throws InterruptedException {
        Await.until("reward " + id + " is held", 30_000, () -> orchestrator.reward(id).isPresent(), () -> orchestrator.plugins().toString());
        return orchestrator.reward(id).orElseThrow();
    }

    @Test
    void perSongFadPrefersAClipDrawnLikeTheReference() throws Exception {
        Path reference = TestAudio.referenceFolder(tmp, "ref-440", IN_BAND_0, 5);
        configure(configurationAdmin, created, PER_SONG_PID, "fad-test", reference, tmp.resolve("cache"));
        Reward reward = awaitReward("fad-test");
        assertEquals(RewardKind.INSTANCE_TO_DISTRIBUTION, reward.kind());

        Generation alike = generation(clip(IN_BAND_0, 101), 101);
        Generation different = generation(clip(IN_BAND_5, 102), 102);
        double[] scores = reward.scoreEach(List.of(alike, different));

        assertEquals(2, scores.length);
        for (double s : scores) assertTrue(Double.isFinite(s) && s <= 0, "finite and ≤ 0: " + Arrays.toString(scores));
        assertTrue(scores[0] > scores[1], "a clip like the reference scores higher: " + Arrays.toString(scores));
    }

    @Test
    void datasetFadScoresASetAgainstTheReference() throws Exception {
        Path reference = TestAudio.referenceFolder(tmp, "ref-440", IN_BAND_0, 5);
        configure(configurationAdmin, created, DATASET_PID, "fad-set-test", reference, tmp.resolve("cache"));
        Reward reward = awaitReward("fad-set-test");
        assertEquals(RewardKind.DISTRIBUTION, reward.kind());

        List<Generation> alike = List.of(generation(clip(IN_BAND_0, 201), 201), generation(clip(IN_BAND_0, 202), 202),
            generation(clip(IN_BAND_0, 203), 203));
        List<Generation> different = List.of(generation(clip(IN_BAND_3, 211), 211), generation(clip(IN_BAND_3, 212), 212),
            generation(clip(IN_BAND_3, 213), 213));
        double alikeScore = reward.scoreSet(alike), differentScore = reward.scoreSet(different);

        assertTrue(Double.isFinite(alikeScore) && alikeScore <= 0, "finite and ≤ 0: " + alikeScore);
        assertTrue(Double.isFinite(differentScore) && differentScore <= 0, "finite and ≤ 0: " + differentScore);
        assertTrue(alikeScore > differentScore, "a set like the reference scores higher: " + alikeScore + " vs " + differentScore);
    }

    @Test
    void vendiCountsDistinctClips() throws Exception {
        configure(configurationAdmin, created, VENDI_PID, "vendi-test", null, null);
        Reward reward = awaitReward("vendi-test");
        assertEquals(RewardKind.DISTRIBUTION, reward.kind());

        AudioClip one = clip(IN_BAND_0, 301);
        double identical = reward.scoreSet(List.of(generation(one, 1), generation(one, 2), generation(one, 3), generation(one, 4)));
        double diverse = reward.scoreSet(List.of(generation(clip(IN_BAND_0, 311), 11), generation(clip(IN_BAND_3, 312), 12),
            generation(clip(IN_BAND_5, 313), 13), generation(clip(IN_BAND_7, 314), 14)));

        // identical clips have one eigenvalue: VS = 1; energy in four separate bands is nearly orthogonal: VS near 4
        assertEquals(1.0, identical, 1e-9);
        assertTrue(diverse > 2.5 && diverse <= 4 + 1e-9, "four clips in four bands: " + diverse);
    }
}
