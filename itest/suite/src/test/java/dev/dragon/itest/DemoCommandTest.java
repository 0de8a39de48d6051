package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Encoder;
import dev.dragon.api.Generator;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
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
 * {@code dragon demo} inside the framework with stand-ins for the built-in models: a tone generator registered as
 * {@code builtin-music}, the test band encoder as {@code builtin-music-latent}, and a small corpus folder in the
 * built-in corpus's format. The demo's numbers come through ConfigurationAdmin (PID dev.dragon.demo), it configures
 * its per-song FAD reward against the exemplar clips itself, runs, evaluates and prints the run folder.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class DemoCommandTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(timeout = 30000)
    ConfigurationAdmin configurationAdmin;

    @TempDir
    Path tmp;

    private ServiceRegistration<?> generator;
    private ServiceRegistration<?> encoder;
    private Configuration demo;

    @AfterEach
    void tearDown() throws Exception {
        if (demo != null) demo.delete();
        Configuration[] rewards = configurationAdmin.listConfigurations("(service.factoryPid=dev.dragon.reward.fad.persong)");
        if (rewards != null) {
            for (Configuration c : rewards) c.delete();
        }
        if (generator != null) generator.unregister();
        if (encoder != null) encoder.unregister();
    }

    /** A corpus folder like 'dragon corpus' writes: piano clips are 440 Hz tones, violin clips 3.3 kHz. */
    private Path corpus() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("corpus/audio"));
        StringBuilder captions = new StringBuilder("id\tsplit\tfile\tseed\tcaption\tinstrument\n");
        StringBuilder heldOut = new StringBuilder("id\tcaption\n");
        for (int i = 0; i < 12; i++) {
            boolean piano = i % 2 == 0;
            String id = String.format("train-%06d", i);
            WavFile.write(dir.resolve(id + ".wav"), TestAudio.clip(piano ? TestAudio.IN_BAND_0 : TestAudio.IN_BAND_3, 500 + i), SampleEncoding.PCM_16);
            captions.append(id).append("\ttrain\taudio/").append(id).append(".wav\t").append(i).append('\t')
                .append(piano ? "a soft piano piece " : "a bright violin piece ").append(i).append('\t').append(piano ? "piano" : "violin").append('\n');
        }
        for (int i = 0; i < 6; i++) heldOut.append(String.format("heldout-%06d\ta held-out piece %d%n", i, i));
        Files.writeString(tmp.resolve("corpus/captions.tsv"), captions);
        Files.writeString(tmp.resolve("corpus/prompts-heldout.tsv"), heldOut);
        return tmp.resolve("corpus");
    }

    @Test
    void theDemoConfiguresItsExemplarRewardRunsEvaluatesAndPrintsTheFolder() throws Exception {
        ToneGenerator tone = new ToneGenerator("builtin-music", 3_000);
        Hashtable<String, Object> g = new Hashtable<>();
        g.put(Generator.ID, "builtin-music");
        generator = context.registerService(Generator.class, tone, g);
        Hashtable<String, Object> e = new Hashtable<>();
        e.put(Encoder.ID, "builtin-music-latent");
        encoder = context.registerService(Encoder.class, new TestAudio.BandEncoder(), e);

        Path corpus = corpus();
        demo = configurationAdmin.getConfiguration("dev.dragon.demo", "?");
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("corpus.dir", corpus.toString());
        p.put("runs.dir", tmp.resolve("runs").toString());
        p.put("iterations", 4);
        p.put("batch", 4);
        p.put("lr", 0.5);
        p.put("checkpoint.every", 2);
        p.put("eval.prompts", 6);
        p.put("eval.audio", 2);
        p.put("reward.wait.seconds", 10);
        demo.update(p);

        ServiceReference<Subcommand> ref = context.getServiceReferences(Subcommand.class, "(" + Subcommand.NAME + "=demo)").iterator().next();
        // the component is re-activated with the configuration asynchronously: wait until it carries our runs.dir
        Await.until("demo configured", 30_000, () -> tmp.resolve("runs").toString().equals(ref.getProperty("runs.dir")), () -> String.valueOf(ref.getProperty("runs.dir")));
        Subcommand command = context.getService(ref);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertEquals(0, command.run(List.of("--seed", "9"), out));
        } finally {
            context.ungetService(ref);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).strip().lines().toList();
        Path folder = Path.of(lines.get(lines.size() - 1));
        assertTrue(folder.startsWith(tmp.resolve("runs")) && folder.getFileName().toString().startsWith("demo-"), folder.toString());
        assertEquals(List.of("audio/train-000000.wav", "audio/train-000002.wav", "audio/train-000004.wav", "audio/train-000006.wav",
            "audio/train-000008.wav", "audio/train-000010.wav"), Files.readAllLines(corpus.resolve("exemplars-instrument-piano.txt")));
        JsonObject eval;
        try (var r = Json.createReader(new StringReader(Files.readString(folder.resolve("eval/evaluation.json"))))) {
            eval = r.readObject();
        }
        assertEquals(6, eval.getInt("prompts"));
        JsonObject headline = eval.getJsonArray("results").getJsonObject(0);
        assertEquals("demo-exemplar-fad", headline.getString("reward"));
        assertEquals("INSTANCE_TO_DISTRIBUTION", headline.getString("kind"));
        assertEquals(5, Files.readAllLines(folder.resolve("metrics.csv")).size());
        try (var r = Json.createReader(new StringReader(Files.readString(folder.resolve("config.json"))))) {
            assertEquals(9, r.readObject().getJsonNumber("seed").longValue(), "--seed replaces the configured run seed");
        }
        assertTrue(Files.isRegularFile(folder.resolve("report.html")));
        assertTrue(orchestrator.reward("demo-exemplar-fad").isPresent());
        assertEquals(4, tone.updates);
    }
}
