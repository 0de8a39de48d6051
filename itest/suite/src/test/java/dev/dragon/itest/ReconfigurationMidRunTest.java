package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Generator;
import dev.dragon.api.Reward;
import dev.dragon.runtime.Orchestrator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A reward reconfigured in place through ConfigurationAdmin during a {@code dragon run}: plugin-fad's per-song FAD
 * reward takes a new reference folder (its {@code @Modified} keeps the service), and the run's metrics show the later
 * iterations scored by the reconfigured service (the provider's revision goes from none to 1).
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ReconfigurationMidRunTest {

    private static final String REWARD = "itest-fad-reconf";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(timeout = 30000)
    ConfigurationAdmin configurationAdmin;

    @TempDir
    Path tmp;

    private final List<Configuration> created = new ArrayList<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Configuration c : created) c.delete();
        for (ServiceRegistration<?> r : registrations) r.unregister();
    }

    private String referenceOfTheService() {
        try {
            var refs = context.getServiceReferences(Reward.class, "(reward.id=" + REWARD + ")");
            return refs.isEmpty() ? "" : String.valueOf(refs.iterator().next().getProperty("reference.audio"));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRewardReconfiguredMidRunScoresTheLaterIterationsAsTheSameServiceRevised() throws Exception {
        registrations.add(TestAudio.registerEncoder(context));
        Path low = TestAudio.referenceFolder(tmp, "ref-440", TestAudio.IN_BAND_0, 5);
        Path high = TestAudio.referenceFolder(tmp, "ref-5500", TestAudio.IN_BAND_5, 5);
        Configuration config = AudioRewardsTest.configure(configurationAdmin, created, AudioRewardsTest.PER_SONG_PID, REWARD, low, tmp.resolve("cache"));
        Await.until("reward held", 30_000, () -> orchestrator.reward(REWARD).isPresent(), () -> orchestrator.plugins().toString());
        GatedGenerator generator = new GatedGenerator(1);
        registrations.add(context.registerService(Generator.class, generator, new Hashtable<>(Map.of(Generator.ID, GatedGenerator.ID))));
        Await.until("generator held", 30_000, () -> orchestrator.generator(GatedGenerator.ID).isPresent(), () -> orchestrator.plugins().toString());
        ServiceReference<?> before = context.getServiceReferences(Reward.class, "(reward.id=" + REWARD + ")").iterator().next();

        LiveRun run = LiveRun.start(context, tmp.resolve("r"), "--reward", REWARD, "--iterations", "3", "--checkpoint-every", "1");
        generator.awaitGate();
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("reward.id", REWARD);
        p.put("encoder.target", "(encoder.id=" + TestAudio.ENCODER_ID + ")");
        p.put("reference.audio", high.toString());
        p.put("cache.dir", tmp.resolve("cache").toString());
        config.update(p);
        Await.until("the service carries the new configuration", 30_000, () -> referenceOfTheService().equals(high.toString()),
            () -> orchestrator.plugins().toString());
        generator.open();
        run.finish();

        ServiceReference<?> after = context.getServiceReferences(Reward.class, "(reward.id=" + REWARD + ")").iterator().next();
        assertEquals(before.getProperty("service.id"), after.getProperty("service.id"), "reconfigured in place, not re-registered");
        List<String> providers = run.providers(REWARD);
        String service = "plugin-fad 0.1.0.SNAPSHOT #" + before.getProperty("service.id");
        assertEquals(List.of(service, service + ".1", service + ".1"), providers);
        assertEquals(List.of("trained", "trained", "trained"), run.statuses());
        assertTrue(run.rows().get(1).getJsonObject("rewards").getJsonNumber(REWARD).doubleValue()
            != run.rows().get(0).getJsonObject("rewards").getJsonNumber(REWARD).doubleValue());
        assertEquals(List.of(0, 1, 2, 3), run.checkpoints());
    }
}
