package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Generator;
import dev.dragon.api.RewardKind;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * {@code dragon run} inside the framework: the {@code run} command service, a generator service registered here,
 * and real rewards of each kind — the built-in {@code trivial-loudness} (INSTANCE), per-song FAD
 * (INSTANCE_TO_DISTRIBUTION) and dataset FAD (DISTRIBUTION) made through ConfigurationAdmin — for two tiny
 * iterations each; then the run folder is checked.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class DragonRunTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(timeout = 30000)
    ConfigurationAdmin configurationAdmin;

    @TempDir
    Path tmp;

    private final List<Configuration> created = new ArrayList<>();
    private ServiceRegistration<?> encoder;
    private ServiceRegistration<Generator> generator;
    private ToneGenerator tone;
    private Path train;
    private Path heldOut;

    @BeforeEach
    void setUp() throws Exception {
        encoder = TestAudio.registerEncoder(context);
        tone = new ToneGenerator(3_000);
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(Generator.ID, ToneGenerator.ID);
        generator = context.registerService(Generator.class, tone, p);
        train = tmp.resolve("train.tsv");
        Files.writeString(train, "id\tcaption\n" + IntStream.range(0, 6).mapToObj(i -> "t" + i + "\ttone " + i).collect(Collectors.joining("\n")) + "\n");
        heldOut = tmp.resolve("heldout.tsv");
        Files.writeString(heldOut, "id\tcaption\n" + IntStream.range(0, 4).mapToObj(i -> "h" + i + "\theld-out tone " + i).collect(Collectors.joining("\n")) + "\n");
        Await.until("generator held", 30_000, () -> orchestrator.generator(ToneGenerator.ID).isPresent(), () -> orchestrator.plugins().toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Configuration c : created) c.delete();
        generator.unregister();
        encoder.unregister();
    }

    private void configure(String factoryPid, String rewardId) throws Exception {
        AudioRewardsTest.configure(configurationAdmin, created, factoryPid, rewardId,
            TestAudio.referenceFolder(tmp, "ref-" + rewardId, TestAudio.IN_BAND_0, 5), tmp.resolve("cache"));
        Await.until("reward " + rewardId + " held", 30_000, () -> orchestrator.reward(rewardId).isPresent(), () -> orchestrator.plugins().toString());
    }

    /** Runs {@code dragon run} through its command service; returns stdout. */
    private String run(Path out, String reward) throws Exception {
        return command("run", "--generator", ToneGenerator.ID, "--reward", reward, "--train-prompts", train.toString(),
            "--eval-prompts", heldOut.toString(), "--iterations", "2", "--batch", "2", "--checkpoint-every", "1",
            "--eval-audio", "2", "--bootstrap", "5", "--lr", "0.5", "--seed", "3", "--out", out.toString());
    }

    /** Runs a command service by name, as the command line does; returns stdout. */
    private String command(String name, String... args) throws Exception {
        ServiceReference<Subcommand> ref = context.getServiceReferences(Subcommand.class, "(" + Subcommand.NAME + "=" + name + ")").iterator().next();
        Subcommand command = context.getService(ref);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertEquals(0, command.run(List.of(args), ps));
        } finally {
            context.ungetService(ref);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject json(Path file) throws Exception {
        try (var r = Json.createReader(new StringReader(Files.readString(file)))) {
            return r.readObject();
        }
    }

    private void checkRunFolder(Path out, String stdout, String reward, RewardKind kind, String strategy) throws Exception {
        List<String> lines = stdout.strip().lines().toList();
        assertEquals(out.toString(), lines.get(lines.size() - 1), "the run folder is the last line: " + stdout);
        assertEquals(reward, json(out.resolve("config.json")).getJsonArray("rewards").getJsonObject(0).getString("id"));
        String provenance = Files.readString(out.resolve("provenance.json"));
        assertTrue(provenance.contains("\"id\": \"" + ToneGenerator.ID + "\"") && provenance.contains("itest-tone-1"), provenance);
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("1,trained," + strategy + ","), csv.get(1));
        assertEquals(2, Files.readAllLines(out.resolve("metrics.jsonl")).size());
        for (int k = 0; k <= 2; k++) {
            Path c = out.resolve(String.format("checkpoints/iter-%06d", k));
            assertTrue(Files.isRegularFile(c.resolve("state.json")) && Files.isRegularFile(c.resolve("model/frequency.txt")), c.toString());
        }
        JsonObject eval = json(out.resolve("eval/evaluation.json"));
        assertEquals(4, eval.getInt("prompts"));
        JsonObject first = eval.getJsonArray("results").getJsonObject(0);
        assertEquals(reward, first.getString("reward"));
        assertEquals(kind.name(), first.getString("kind"));
        assertTrue(first.getBoolean("target"));
        assertTrue(first.containsKey("winRate") && !first.isNull("winRate"), first.toString());
        assertEquals(2, eval.getJsonArray("pairs").size());
        for (var pair : eval.getJsonArray("pairs")) {
            assertTrue(Files.isRegularFile(out.resolve(pair.asJsonObject().getString("base"))));
            assertTrue(Files.isRegularFile(out.resolve(pair.asJsonObject().getString("tuned"))));
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg id=\"reward-curve\"") && html.contains("<polyline class=\"curve\""), "curves drawn");
        assertEquals(2, tone.updates);
    }

    @Test
    void anInstanceReward() throws Exception {
        Path out = tmp.resolve("run-loudness");
        checkRunFolder(out, run(out, "trivial-loudness"), "trivial-loudness", RewardKind.INSTANCE, "paired");

        // dragon eval: an intermediate checkpoint against the base, written to another folder
        Path elsewhere = tmp.resolve("eval-elsewhere");
        String stdout = command("eval", "--checkpoint", out.resolve("checkpoints/iter-000001").toString(), "--count", "3",
            "--out", elsewhere.toString());
        assertTrue(stdout.strip().endsWith(elsewhere.toString()), stdout);
        JsonObject eval = json(elsewhere.resolve("eval/evaluation.json"));
        assertEquals(3, eval.getInt("prompts"));
        assertEquals("iter-000001", eval.getString("tunedCheckpoint"));
        assertEquals("iter-000000", eval.getString("baseCheckpoint"));
        assertTrue(Files.readString(elsewhere.resolve("report.html")).contains("<polyline class=\"curve\""), "the run's curves come along");
    }

    @Test
    void anInstanceToDistributionReward() throws Exception {
        configure(AudioRewardsTest.PER_SONG_PID, "itest-fad-song");
        Path out = tmp.resolve("run-fad-song");
        checkRunFolder(out, run(out, "itest-fad-song"), "itest-fad-song", RewardKind.INSTANCE_TO_DISTRIBUTION, "paired");
    }

    @Test
    void aDistributionReward() throws Exception {
        configure(AudioRewardsTest.DATASET_PID, "itest-fad-set");
        Path out = tmp.resolve("run-fad-set");
        checkRunFolder(out, run(out, "itest-fad-set"), "itest-fad-set", RewardKind.DISTRIBUTION, "set-greedy-swap");
    }
}
