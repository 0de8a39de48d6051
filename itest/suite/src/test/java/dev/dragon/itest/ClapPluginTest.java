package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Encoder;
import dev.dragon.api.Modality;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import dev.dragon.runtime.Subcommand;
import dev.dragon.io.Npy;
import dev.dragon.io.NpyArray;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * plugin-clap inside Felix: ONNX Runtime's native library loads from the infrastructure bundle, and the offline
 * MiniLM text encoder (model package bundle + our session and tokenizer) is held by the orchestrator and works.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ClapPluginTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(filter = "(dragon.command=embed)", timeout = 30000)
    Subcommand embed;

    @Test
    void infrastructureBundlesAreActive() {
        for (String name : new String[] {"com.microsoft.onnxruntime", "dev.dragon.model.all-minilm-l6-v2", "dev.dragon.plugin.clap"}) {
            Bundle b = Arrays.stream(context.getBundles()).filter(x -> x.getSymbolicName().equals(name)).findFirst().orElseThrow();
            assertTrue(b.getState() == Bundle.ACTIVE || b.getState() == Bundle.RESOLVED, name + " is in state " + b.getState());
        }
        assertEquals("embed", embed.name());
    }

    @Test
    void miniLmEncoderRunsOnOnnxRuntimeInsideTheFramework() throws Exception {
        Await.until("the MiniLM encoder is held", 30_000, () -> orchestrator.encoder("minilm-l6-v2").isPresent(), () -> orchestrator.plugins().toString());
        Encoder minilm = orchestrator.encoder("minilm-l6-v2").orElseThrow();
        assertEquals(Set.of(Modality.TEXT), minilm.modalities());
        assertEquals(384, minilm.dimension());
        double[] a = minilm.embedText("A calm piano melody played slowly.");
        double[] b = minilm.embedText("A slow and gentle piano tune.");
        double[] c = minilm.embedText("The stock market fell sharply on Monday.");
        assertEquals(1.0, Math.sqrt(dot(a, a)), 1e-9);
        assertTrue(dot(a, b) > 0.6, "paraphrase cosine " + dot(a, b));
        assertTrue(dot(a, c) < 0.3, "unrelated cosine " + dot(a, c));
        PluginEntry entry = orchestrator.plugins().stream().filter(p -> p.id().equals("minilm-l6-v2")).findFirst().orElseThrow();
        assertEquals("dev.dragon.plugin.clap", entry.bundle());
    }

    @Test
    void embedCommandWritesTextEmbeddingsAsNpy() throws Exception {
        Await.until("the MiniLM encoder is held", 30_000, () -> orchestrator.encoder("minilm-l6-v2").isPresent(), () -> orchestrator.plugins().toString());
        Path out = Files.createTempDirectory("dragon-embed").resolve("prompt.npy");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = embed.run(List.of("--encoder", "minilm-l6-v2", "--text", "a calm piano melody", "--out", out.toString()),
            new PrintStream(stdout, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        NpyArray written = Npy.read(out);
        assertArrayEquals(new int[] {1, 384}, written.shape());
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("1 x 384"));
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }
}
