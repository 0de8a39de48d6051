package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Generator;
import dev.dragon.runtime.Orchestrator;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A reward bundle changed under a running {@code dragon run}: updated to a new version (the run goes on, its
 * iterations and checkpoints intact, later iterations scored by the new version), and removed then restored (the run
 * pauses, says so on the status board, spends no iteration, and finishes every iteration once the reward is back).
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class LiveSwapTest {

    static final String SWAP_PID = "dev.dragon.itest.swap.reward";
    static final String BUNDLE = "dev.dragon.itest.swap-reward";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(timeout = 30000)
    ConfigurationAdmin configurationAdmin;

    @TempDir
    Path tmp;

    private Bundle plugin;
    private Configuration config;
    private ServiceRegistration<Generator> registration;
    private GatedGenerator generator;

    @BeforeEach
    void installTheReward() throws Exception {
        config = configurationAdmin.getConfiguration(SWAP_PID, "?");
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("reward.id", "swap-live");
        p.put("target", 2000.0);
        config.update(p);
        plugin = context.installBundle("itest:swap-reward", LiveRun.swapJar(context, "1.0.0"));
        plugin.start();
        awaitVersion("swap-live", "1.0.0");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (generator != null) generator.open();
        if (registration != null) registration.unregister();
        config.delete();
        if (plugin.getState() != Bundle.UNINSTALLED) plugin.uninstall();
    }

    private void register(GatedGenerator g) throws InterruptedException {
        generator = g;
        registration = context.registerService(Generator.class, g, new Hashtable<>(java.util.Map.of(Generator.ID, GatedGenerator.ID)));
        Await.until("generator held", 30_000, () -> orchestrator.generator(GatedGenerator.ID).isPresent(), () -> orchestrator.plugins().toString());
    }

    private void awaitVersion(String id, String version) throws InterruptedException {
        Await.until("reward " + id + " " + version + " is the only one held", 30_000,
            () -> orchestrator.plugins().stream().filter(e -> e.id().equals(id)).map(e -> e.version()).toList().equals(List.of(version)),
            () -> orchestrator.plugins().toString());
    }

    @Test
    void aRewardBundleUpdatedMidRunScoresTheLaterIterationsAndTheRunKeepsItsProgress() throws Exception {
        register(new GatedGenerator(2));
        LiveRun run = LiveRun.start(context, tmp, "--reward", "swap-live", "--iterations", "5", "--checkpoint-every", "1");

        generator.awaitGate(); // iteration 2 has been scored by 1.0.0 and is updating the model
        plugin.update(LiveRun.swapJar(context, "2.0.0"));
        awaitVersion("swap-live", "2.0.0");
        generator.open();
        String stdout = run.finish();

        assertTrue(stdout.strip().endsWith(run.folder.toString()), stdout);
        List<JsonObject> rows = run.rows();
        assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().map(r -> r.getInt("iteration")).toList(), "every iteration once, in order");
        assertEquals(Collections.nCopies(5, "trained"), run.statuses());
        List<String> providers = run.providers("swap-live");
        for (int i = 0; i < 5; i++) {
            String version = i < 2 ? "1.0.0" : "2.0.0";
            assertTrue(providers.get(i).startsWith(BUNDLE + " " + version + " #"), "iteration " + (i + 1) + ": " + providers);
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), run.checkpoints(), "one complete checkpoint per iteration and the base");
        assertEquals(5, generator.updates);
        assertTrue(run.status().isEmpty(), "the finished run leaves the status board");
    }

    @Test
    void aRewardRemovedMidRunPausesTheRunWhichFinishesEveryIterationOnceItIsBack() throws Exception {
        register(new GatedGenerator(1));
        LiveRun run = LiveRun.start(context, tmp, "--reward", "swap-live", "--iterations", "4", "--checkpoint-every", "1");

        generator.awaitGate();
        plugin.stop();
        Await.until("reward gone", 30_000, () -> orchestrator.reward("swap-live").isEmpty(), () -> orchestrator.plugins().toString());
        generator.open();

        JsonObject status = run.awaitPaused();
        assertEquals("reward 'swap-live' is not available; waiting for it to return", status.getString("reason"));
        assertEquals(2, status.getInt("iteration"));
        assertEquals(List.of("trained"), run.statuses(), "no iteration is spent while the reward is gone");
        assertEquals(1, generator.updates);

        plugin.start();
        run.finish();
        assertEquals(Collections.nCopies(4, "trained"), run.statuses());
        assertEquals(List.of(1, 2, 3, 4), run.rows().stream().map(r -> r.getInt("iteration")).toList());
        assertEquals(List.of(0, 1, 2, 3, 4), run.checkpoints());
        assertEquals(4, generator.updates);
    }
}
