package dev.dragon.clap.encoders;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.clap.onnx.ModelDescriptor;
import dev.dragon.clap.onnx.OnnxModel;
import dev.dragon.clap.onnx.SessionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty reconfigurations of an encoder between two copies of the 90 MB MiniLM model do not grow the process's
 * native memory (resident set minus committed Java heap) by more than {@value #BOUND_MB} MB: every swap closes the
 * old native session. A session left open costs about the model's size (the test prints the figure), so a leak
 * would add some 2 GB over the run; what remains is allocator fragmentation, a few MB per swap.
 */
class ModelSwapMemoryTest {

    static final int SWAPS = 20;
    static final long BOUND_MB = 150;

    @TempDir
    Path dir;

    @Test
    void twentySwapsStayWithinTheBound() throws Exception {
        Path a = dir.resolve("a.onnx");
        Path b = dir.resolve("b.onnx");
        copyResource(MiniLmModelPackage.MODEL, a);
        Files.copy(a, b);
        Path tokenizer = dir.resolve("tokenizer.json");
        copyResource(MiniLmModelPackage.TOKENIZER, tokenizer);
        Path descriptor = dir.resolve("descriptor.json");
        Files.writeString(descriptor, MiniLmTextEncoder.DESCRIPTOR);

        OnnxEncoder encoder = new OnnxEncoder(settings(a, descriptor, tokenizer));
        try {
            List<Embedder> closedOnes = new ArrayList<>();
            // warm up: allocator arenas and JIT settle over the first swaps
            for (int i = 0; i < 3; i++) swap(encoder, i % 2 == 0 ? b : a, descriptor, tokenizer, closedOnes);
            long before = nativeKb();
            for (int i = 0; i < SWAPS; i++) swap(encoder, i % 2 == 0 ? b : a, descriptor, tokenizer, closedOnes);
            long growthMb = (nativeKb() - before) / 1024;
            System.out.printf("model swap memory: %d swaps, native growth %d MB (bound %d MB)%n", SWAPS, growthMb, BOUND_MB);
            assertTrue(closedOnes.stream().allMatch(e -> e.model().isClosed()), "every replaced session is closed");
            assertTrue(growthMb < BOUND_MB, "native memory grew by " + growthMb + " MB over " + SWAPS + " swaps");
            // calibration: what one session left open costs, i.e. what each swap would add if it leaked
            long open = nativeKb();
            try (OnnxModel extra = OnnxModel.load(a, ModelDescriptor.load(descriptor), new SessionSettings(1, false))) {
                System.out.printf("model swap memory: one more open session adds %d MB%n", (nativeKb() - open) / 1024);
            }
        } finally {
            encoder.close();
        }
    }

    private static void swap(OnnxEncoder encoder, Path model, Path descriptor, Path tokenizer, List<Embedder> closed) throws IOException {
        Embedder old = encoder.current();
        encoder.apply(settings(model, descriptor, tokenizer));
        encoder.embedText("a quick check that the new session serves");
        closed.add(old);
    }

    private static OnnxEncoderSettings settings(Path model, Path descriptor, Path tokenizer) {
        return new OnnxEncoderSettings("minilm-file", model, descriptor, null, tokenizer, new SessionSettings(1, false), 8,
            AudioFraming.of("clip", 0, 0), 0);
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = ModelSwapMemoryTest.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, target);
        }
    }

    /**
     * Native memory in use, approximated as the resident set size (from /proc, Linux only) minus the Java heap's
     * committed size, so that the heap growing (which GC decides, not the sessions) does not count.
     */
    static long nativeKb() throws IOException {
        System.gc();
        long heapKb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024;
        return residentKb() - heapKb;
    }

    /** Resident set size of this process from /proc/self/status. */
    static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
