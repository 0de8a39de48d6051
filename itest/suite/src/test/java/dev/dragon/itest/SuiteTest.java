package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Generator;
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
 * {@code dragon suite} inside the framework: a tiny suite of two rewards — the built-in {@code trivial-loudness}
 * (used as it is) and a per-song FAD the suite creates through ConfigurationAdmin against an exemplar set of a tiny
 * corpus — one iteration each on the tone generator; then the suite folder is checked, and a second run skips
 * both rewards.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class SuiteTest {

    private static final String PID = "dev.dragon.suite";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(timeout = 30000)
    ConfigurationAdmin configurationAdmin;

    @TempDir
    Path tmp;

    private ServiceRegistration<?> encoder;
    private ServiceRegistration<Generator> generator;
    private ToneGenerator tone;
    private Configuration suite;

    @BeforeEach
    void setUp() throws Exception {
        encoder = TestAudio.registerEncoder(context);
        tone = new ToneGenerator(3_000);
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(Generator.ID, ToneGenerator.ID);
        generator = context.registerService(Generator.class, tone, p);
        Await.until("generator held", 30_000, () -> orchestrator.generator(ToneGenerator.ID).isPresent(), () -> orchestrator.plugins().toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (suite != null) suite.delete();
        generator.unregister();
        encoder.unregister();
    }

    /** A corpus of 6 training tones (5 of them 'in-band') and 3 held-out prompts, in the built-in corpus's layout. */
    private Path corpus() throws Exception {
        Path corpus = tmp.resolve("corpus");
        TestAudio.referenceFolder(corpus, "audio", TestAudio.IN_BAND_0, 6);
        StringBuilder captions = new StringBuilder("id\tsplit\tfile\tcaption\tinstrument\n");
        for (int i = 1; i <= 6; i++) {
            captions.append(String.format("t%d\ttrain\taudio/ref-%02d.wav\ttone %d\t%s%n", i, i, i, i <= 5 ? "band" : "other"));
        }
        Files.writeString(corpus.resolve("captions.tsv"), captions.toString());
        Files.writeString(corpus.resolve("prompts-heldout.tsv"), "id\tcaption\n"
            + IntStream.range(0, 3).mapToObj(i -> "h" + i + "\theld-out tone " + i).collect(Collectors.joining("\n")) + "\n");
        return corpus;
    }

    private void configureSuite(Path corpus) throws Exception {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("generator", ToneGenerator.ID);
        p.put("corpus.dir", corpus.toString());
        p.put("iterations", 1);
        p.put("batch", 2);
        p.put("lr", 0.5);
        p.put("checkpoint.every", 1);
        p.put("seed", 3L);
        p.put("eval.prompts", 3);
        p.put("eval.audio", 1);
        p.put("bootstrap", 5);
        // its own training settings: two iterations at half the step (run.*), the other reward keeps the shared ones
        p.put("reward.01", "trivial-loudness - run.iterations=2; run.lr=0.25");
        p.put("reward.02", "itest-suite-fad dev.dragon.reward.fad.persong encoder.target=(encoder.id=" + TestAudio.ENCODER_ID
            + "); reference.audio=@instrument=band; cache.dir=" + tmp.resolve("cache"));
        suite = configurationAdmin.getConfiguration(PID, "?");
        suite.update(p);
        Await.until("the suite command has its configuration", 30_000, () -> {
            ServiceReference<Subcommand> ref = suiteReference();
            return ref != null && ref.getProperty("reward.02") != null;
        }, () -> "no suite command with reward.02");
    }

    private ServiceReference<Subcommand> suiteReference() {
        try {
            var refs = context.getServiceReferences(Subcommand.class, "(" + Subcommand.NAME + "=suite)");
            return refs.isEmpty() ? null : refs.iterator().next();
        } catch (Exception e) {
            return null;
        }
    }

    private String runSuite(Path out) throws Exception {
        ServiceReference<Subcommand> ref = suiteReference();
        Subcommand command = context.getService(ref);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            // --seed replaces the configured seed (3) for every reward's run
            assertEquals(0, command.run(List.of("--out", out.toString(), "--seed", "5"), ps));
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

    @Test
    void runsEachRewardFromTheBaseModelAndWritesTheSuiteFolder() throws Exception {
        configureSuite(corpus());
        Path out = tmp.resolve("suite");
        String stdout = runSuite(out);
        List<String> lines = stdout.strip().lines().toList();
        assertEquals(out.toString(), lines.get(lines.size() - 1), "the suite folder is the last line: " + stdout);
        assertTrue(stdout.contains("average reward win rate "), stdout);

        JsonObject table = json(out.resolve("suite.json"));
        assertEquals(2, table.getInt("planned"));
        assertEquals(2, table.getInt("measured"), table.toString());
        var rows = table.getJsonArray("rewards");
        assertEquals("trivial-loudness", rows.getJsonObject(0).getString("reward"));
        assertEquals("INSTANCE", rows.getJsonObject(0).getString("kind"));
        assertEquals("itest-suite-fad", rows.getJsonObject(1).getString("reward"));
        assertEquals("INSTANCE_TO_DISTRIBUTION", rows.getJsonObject(1).getString("kind"));
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            JsonObject w = rows.getJsonObject(i).getJsonObject("winRate");
            assertEquals(3, w.getInt("wins") + w.getInt("losses") + w.getInt("ties"), "3 held-out prompts");
            sum += w.getJsonNumber("rate").doubleValue();
        }
        assertEquals(sum / 2, table.getJsonNumber("averageWinRate").doubleValue(), 1e-12);
        assertEquals(3, Files.readAllLines(out.resolve("suite.csv")).size());
        assertTrue(Files.readString(out.resolve("suite.html")).contains("<a href=\"02-itest-suite-fad/report.html\">"));

        // a reward's run.* settings reach its run (config.json) and its row; the other reward runs with the shared ones
        JsonObject own = json(out.resolve("01-trivial-loudness/config.json"));
        assertEquals(2, own.getInt("iterations"));
        assertEquals(0.25, own.getJsonNumber("learningRate").doubleValue(), 0);
        JsonObject shared = json(out.resolve("02-itest-suite-fad/config.json"));
        assertEquals(1, shared.getInt("iterations"));
        assertEquals(0.5, shared.getJsonNumber("learningRate").doubleValue(), 0);
        assertEquals(own.getInt("evalPromptCount"), shared.getInt("evalPromptCount"));
        assertEquals(5, own.getJsonNumber("seed").longValue());
        assertEquals(5, shared.getJsonNumber("seed").longValue());
        assertTrue(rows.getJsonObject(0).getString("settings").startsWith("2×2 dpo"), rows.toString());
        assertTrue(rows.getJsonObject(0).getString("settings").contains("lr=0.25"), rows.toString());
        assertTrue(rows.getJsonObject(1).getString("settings").startsWith("1×2 dpo"), rows.toString());
        assertTrue(rows.getJsonObject(1).getString("settings").contains("lr=0.5"), rows.toString());

        // each reward's run starts from the base model, though the generator trained in between (2 + 1 updates)
        assertEquals(3, tone.updates);
        for (String run : List.of("01-trivial-loudness", "02-itest-suite-fad")) {
            Path dir = out.resolve(run);
            assertTrue(Files.isRegularFile(dir.resolve("report.html")) && Files.isRegularFile(dir.resolve("eval/evaluation.json")), run);
            assertEquals(3000.0, Double.parseDouble(Files.readString(dir.resolve("checkpoints/iter-000000/model/frequency.txt")).trim()), 0, run);
        }
        assertEquals(3000.0, Double.parseDouble(Files.readString(out.resolve("base-model/frequency.txt")).trim()), 0);
        // the exemplar set: the 5 'band' training clips, listed for the per-song FAD
        assertEquals(5, Files.readAllLines(tmp.resolve("corpus/exemplars-instrument-band.txt")).size());
        // the suite's reward configuration is gone after its run, so it does not join later evaluations
        assertNull(configurationAdmin.listConfigurations("(dragon.suite=true)"));
        Await.until("the suite's reward is gone", 30_000, () -> orchestrator.reward("itest-suite-fad").isEmpty(), () -> orchestrator.plugins().toString());

        // again on the same folder: both rewards finished, nothing trains, the table is the same
        String again = runSuite(out);
        assertEquals(3, tone.updates);
        assertEquals(table.getJsonArray("rewards"), json(out.resolve("suite.json")).getJsonArray("rewards"), again);
    }
}
