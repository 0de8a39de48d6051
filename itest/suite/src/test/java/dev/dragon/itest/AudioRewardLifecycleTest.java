package dev.dragon.itest;

import static dev.dragon.itest.TestAudio.IN_BAND_0;
import static dev.dragon.itest.TestAudio.IN_BAND_5;
import static dev.dragon.itest.TestAudio.clip;
import static dev.dragon.itest.TestAudio.generation;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.runtime.Orchestrator;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * A configured per-song FAD reward through its life in a running framework: a configuration update (new id, new
 * reference folder) and a deletion reach the orchestrator without a restart, and losing its encoder makes scoring
 * fail loudly, naming the reward, until an encoder comes back.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class AudioRewardLifecycleTest {

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
        if (encoder != null) encoder.unregister();
    }

    private void awaitHeld(String id, boolean held) throws InterruptedException {
        Await.until("reward " + id + (held ? " is held" : " is gone"), 30_000, () -> orchestrator.reward(id).isPresent() == held,
            () -> orchestrator.plugins().toString());
    }

    @Test
    void updatedConfigurationIsPickedUpAndDeletionRemovesTheReward() throws Exception {
        Path low = TestAudio.referenceFolder(tmp, "ref-440", IN_BAND_0, 5);
        Path high = TestAudio.referenceFolder(tmp, "ref-5500", IN_BAND_5, 5);
        Configuration config = AudioRewardsTest.configure(configurationAdmin, created, AudioRewardsTest.PER_SONG_PID, "fad-low", low,
            tmp.resolve("cache"));
        awaitHeld("fad-low", true);
        Generation lowClip = generation(clip(IN_BAND_0, 401), 401);
        double againstLow = orchestrator.reward("fad-low").orElseThrow().scoreEach(List.of(lowClip))[0];

        // same configuration object, new id and reference: the orchestrator follows without any bundle restarting
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("reward.id", "fad-high");
        p.put("encoder.target", "(encoder.id=" + TestAudio.ENCODER_ID + ")");
        p.put("reference.audio", high.toString());
        p.put("cache.dir", tmp.resolve("cache").toString());
        config.update(p);
        awaitHeld("fad-high", true);
        awaitHeld("fad-low", false);
        // the listing (plugins, status) follows the new id too, not only the lookup: the lookup asks the component
        // (its @Modified has run), the listing changes when SCR delivers the new service properties, a moment later
        Await.until("the listing shows fad-high and not fad-low", 30_000,
            () -> orchestrator.plugins().stream().anyMatch(e -> e.id().equals("fad-high"))
                && orchestrator.plugins().stream().noneMatch(e -> e.id().equals("fad-low")),
            () -> orchestrator.plugins().toString());
        double againstHigh = orchestrator.reward("fad-high").orElseThrow().scoreEach(List.of(lowClip))[0];
        assertTrue(Double.isFinite(againstHigh) && againstHigh < againstLow,
            "a 440 Hz clip is farther from the 5.5 kHz reference: " + againstHigh + " vs " + againstLow);

        created.remove(config); // before delete(): a deleted Configuration throws from equals()
        config.delete();
        awaitHeld("fad-high", false);
    }

    @Test
    void scoringWithoutTheEncoderFailsNamingTheRewardUntilItReturns() throws Exception {
        Path reference = TestAudio.referenceFolder(tmp, "ref-440", IN_BAND_0, 5);
        AudioRewardsTest.configure(configurationAdmin, created, AudioRewardsTest.PER_SONG_PID, "fad-fault", reference, tmp.resolve("cache"));
        awaitHeld("fad-fault", true);
        Reward held = orchestrator.reward("fad-fault").orElseThrow();
        List<Generation> clips = List.of(generation(clip(IN_BAND_0, 501), 501));
        assertTrue(Double.isFinite(held.scoreEach(clips)[0]));

        // the encoder reference is mandatory: without an encoder the reward leaves, and a caller still holding it gets
        // an exception that names it rather than a NaN
        encoder.unregister();
        encoder = null;
        awaitHeld("fad-fault", false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> held.scoreEach(clips));
        assertTrue(e.getMessage().contains("fad-fault"), e.getMessage());

        encoder = TestAudio.registerEncoder(context);
        awaitHeld("fad-fault", true);
        double score = orchestrator.reward("fad-fault").orElseThrow().scoreEach(clips)[0];
        assertTrue(Double.isFinite(score) && score <= 0, "scores again: " + score);
    }
}
