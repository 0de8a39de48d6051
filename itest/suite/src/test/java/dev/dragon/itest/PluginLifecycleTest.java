package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import dev.dragon.runtime.PluginType;
import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** A reward bundle installed, updated, reconfigured and removed while the orchestrator keeps running. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class PluginLifecycleTest {

    private static final long TIMEOUT_MILLIS = 30_000;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(timeout = 30000)
    ConfigurationAdmin configurationAdmin;

    private Bundle plugin;

    @AfterEach
    void removePlugin() throws Exception {
        Configuration c = configurationAdmin.getConfiguration(SamplePlugin.PID, "?");
        c.delete();
        if (plugin != null && plugin.getState() != Bundle.UNINSTALLED) plugin.uninstall();
    }

    @Test
    void builtInTrivialRewardIsHeld() {
        PluginEntry loudness = orchestrator.plugins().stream().filter(p -> p.id().equals("trivial-loudness")).findFirst().orElseThrow();
        assertEquals(PluginType.REWARD, loudness.type());
        assertEquals(RewardKind.INSTANCE.name(), loudness.kind());
        assertEquals("framework-core", loudness.bundle());
        // a full-scale square wave is 0 dBFS; silence is floored at the configured -120 dBFS
        float[] square = new float[1600];
        for (int i = 0; i < square.length; i++) square[i] = (i / 8) % 2 == 0 ? 1f : -1f;
        Reward reward = orchestrator.reward("trivial-loudness").orElseThrow();
        double[] scores = reward.scoreEach(List.of(generation(square), generation(new float[1600])));
        assertArrayEquals(new double[] {0.0, -120.0}, scores, 1e-9);
    }

    @Test
    void installUpdateUninstallWithoutRestartingTheOrchestrator() throws Exception {
        ServiceReference<Orchestrator> before = context.getServiceReference(Orchestrator.class);

        plugin = context.installBundle("itest:sample-reward", SamplePlugin.withVersion(context, "1.0.0"));
        plugin.start();
        awaitSample("1.0.0");

        plugin.update(SamplePlugin.withVersion(context, "1.1.0"));
        awaitSample("1.1.0");
        assertEquals(1, orchestrator.plugins().stream().filter(p -> p.id().equals(SamplePlugin.DEFAULT_ID)).count(),
            "the old version is gone once the new one is held");

        plugin.uninstall();
        Await.until("sample reward gone", TIMEOUT_MILLIS, () -> orchestrator.reward(SamplePlugin.DEFAULT_ID).isEmpty(), this::state);

        ServiceReference<Orchestrator> after = context.getServiceReference(Orchestrator.class);
        assertEquals(before.getProperty("service.id"), after.getProperty("service.id"), "the orchestrator service was never re-registered");
        assertSame(context.getService(before), context.getService(after), "the same live orchestrator instance throughout");
        assertTrue(orchestrator.reward("trivial-loudness").isPresent());
    }

    @Test
    void configurationChangeReconfiguresTheComponent() throws Exception {
        plugin = context.installBundle("itest:sample-reward", SamplePlugin.withVersion(context, "1.0.0"));
        plugin.start();
        awaitSample("1.0.0");
        assertEquals(1.0, orchestrator.reward(SamplePlugin.DEFAULT_ID).orElseThrow().scoreEach(List.of(generation(new float[16000])))[0], 1e-12);

        Configuration c = configurationAdmin.getConfiguration(SamplePlugin.PID, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("id", "sample-reconfigured");
        props.put("offset", 2.5);
        c.update(props);

        Await.until("reconfigured reward held", TIMEOUT_MILLIS, () -> orchestrator.reward("sample-reconfigured").isPresent(), this::state);
        assertTrue(orchestrator.reward(SamplePlugin.DEFAULT_ID).isEmpty(), "the old configuration is no longer live");
        Reward reward = orchestrator.reward("sample-reconfigured").orElseThrow();
        assertEquals(3.5, reward.scoreEach(List.of(generation(new float[16000])))[0], 1e-12);
    }

    private void awaitSample(String version) throws InterruptedException {
        Await.until("sample reward " + version + " held", TIMEOUT_MILLIS,
            () -> orchestrator.plugins().stream().anyMatch(p -> p.id().equals(SamplePlugin.DEFAULT_ID) && p.version().equals(version)),
            this::state);
    }

    private String state() {
        return orchestrator.plugins().toString();
    }

    private static Generation generation(float[] samples) {
        return new Generation(new Prompt("p", "test"), 0, AudioClip.mono(16000, samples), null, "test");
    }
}
