package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Generator;
import dev.dragon.runtime.Orchestrator;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
 * A reward bundle that misbehaves in every way during a {@code dragon run} — throws, hangs past the per-call timeout,
 * returns NaN, −Inf or one score too few, overflows its stack, fails to link a class: each costs exactly one iteration
 * with a note naming the reward, its bundle and the fault; two faults in a row ({@code --max-faults 2}) pause the run
 * until a new configuration replaces the service, and the run then finishes. The framework stays up throughout.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class FaultIsolationTest {

    private static final String REWARD = "swap-faulty";

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
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** Tees stderr (where slf4j-simple writes, looking System.err up on every line) into {@link #log}. */
    private void captureLog() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                originalErr.write(b);
                synchronized (log) {
                    log.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                originalErr.write(b, off, len);
                synchronized (log) {
                    log.write(b, off, len);
                }
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    private List<String> logLines(String containing) {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(containing)).toList();
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        System.setErr(originalErr);
        if (registration != null) registration.unregister();
        if (config != null) config.delete();
        if (plugin != null && plugin.getState() != Bundle.UNINSTALLED) plugin.uninstall();
    }

    private static Hashtable<String, Object> configuration(String schedule, String after) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("reward.id", REWARD);
        p.put("schedule", schedule);
        p.put("after", after);
        return p;
    }

    @Test
    void everyKindOfFaultCostsOneIterationAndKInARowPauseUntilTheRewardIsReplaced() throws Exception {
        List<String> acts = List.of("throw", "hang", "nan", "infinite", "count", "stack-overflow", "linkage");
        List<String> schedule = new ArrayList<>();
        for (String act : acts) schedule.addAll(List.of(act, "score"));
        config = configurationAdmin.getConfiguration(LiveSwapTest.SWAP_PID, "?");
        config.update(configuration(String.join(",", schedule), "throw"));
        plugin = context.installBundle("itest:swap-reward", LiveRun.swapJar(context, "1.0.0"));
        plugin.start();
        Await.until("faulty reward held", 30_000, () -> orchestrator.reward(REWARD).isPresent(), () -> orchestrator.plugins().toString());
        GatedGenerator generator = new GatedGenerator(Integer.MAX_VALUE);
        registration = context.registerService(Generator.class, generator, new Hashtable<>(Map.of(Generator.ID, GatedGenerator.ID)));
        Await.until("generator held", 30_000, () -> orchestrator.generator(GatedGenerator.ID).isPresent(), () -> orchestrator.plugins().toString());

        // 14 scripted calls, then "throw" for good: iterations 15 and 16 fault in a row and the run pauses before 17
        captureLog();
        LiveRun run = LiveRun.start(context, tmp, "--reward", REWARD, "--iterations", "18", "--checkpoint-every", "100",
            "--reward-timeout", "1", "--max-faults", "2");
        JsonObject status = run.awaitPaused();
        String plugin = "reward '" + REWARD + "' (" + LiveSwapTest.BUNDLE + " 1.0.0) ";
        assertEquals(plugin + "failed 2 times in a row; waiting for it to be replaced (a bundle update or a new configuration)",
            status.getString("reason"));
        assertEquals(17, status.getInt("iteration"));
        List<JsonObject> rows = run.rows();
        assertEquals(16, rows.size(), "paused: no iteration is spent");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < acts.size(); i++) expected.addAll(List.of("skipped", "trained"));
        expected.addAll(List.of("skipped", "skipped"));
        assertEquals(expected, run.statuses());
        List<String> faults = List.of(
            "failed scoring 4 samples: IllegalStateException: scripted fault at call 1",
            "did not answer within 1 s scoring 4 samples (call abandoned, its thread interrupted)",
            "returned NaN for sample 0 (prompt ",
            "returned -Infinity for sample 0 (prompt ",
            "returned 3 scores for 4 samples",
            "failed scoring 4 samples: StackOverflowError",
            "failed scoring 4 samples: NoClassDefFoundError: dev/dragon/itest/swap/Missing");
        for (int k = 0; k < faults.size(); k++) {
            String note = rows.get(2 * k).getString("note");
            assertTrue(note.startsWith(plugin + faults.get(k)), "iteration " + (2 * k + 1) + ": " + note);
        }
        assertEquals(acts.size(), generator.updates, "only the good iterations reached the model");
        // one log line per fault, naming the reward and its bundle; one for the pause
        List<String> faultLines = logLines(" skipped: " + plugin);
        assertEquals(acts.size() + 2, faultLines.size(), String.join("\n", faultLines));
        for (int k = 0; k < faults.size(); k++) {
            assertEquals(1, logLines("iteration " + (2 * k + 1) + " skipped: " + plugin + faults.get(k)).size(), faults.get(k));
        }
        assertEquals(1, logLines("paused before iteration 17: " + plugin + "failed 2 times in a row").size());

        // the replacement: a new configuration makes a new service (SwapReward has no @Modified)
        config.update(configuration("", "score"));
        run.finish();
        assertEquals(18, run.rows().size());
        assertEquals(List.of("trained", "trained"), run.statuses().subList(16, 18));
        String before = run.providers(REWARD).get(15), after = run.providers(REWARD).get(16);
        assertTrue(before.startsWith(LiveSwapTest.BUNDLE + " 1.0.0 #") && after.startsWith(LiveSwapTest.BUNDLE + " 1.0.0 #")
            && !before.equals(after), "a new service scored the rest: " + before + " → " + after);
        assertEquals(List.of(0, 18), run.checkpoints());
        assertTrue(orchestrator.reward("trivial-loudness").isPresent(), "the framework is up");
        // the worker of reward calls ends with the run, the abandoned (hung, then interrupted) one too: no thread leaks
        Await.until("no reward-call thread left", 30_000, () -> rewardCallThreads().isEmpty(), () -> rewardCallThreads().toString());
    }

    private static List<String> rewardCallThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
            .filter(n -> n.startsWith("dragon-reward-call-")).toList();
    }
}
