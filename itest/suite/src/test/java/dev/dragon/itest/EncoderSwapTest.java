package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Generator;
import dev.dragon.api.Modality;
import dev.dragon.runtime.Orchestrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The encoder of a per-song FAD reward swapped during a {@code dragon run} for one with another fingerprint: plugin-fad
 * re-binds it (dynamic greedy reference), computes the reference statistics for the new fingerprint once and caches
 * them as a second statistics file, and the later iterations are scored through the new encoder only.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class EncoderSwapTest {

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

    /** The band encoder under another fingerprint, its embeddings scaled (another encoder version), counting its calls. */
    private static final class CountingEncoder implements Encoder {
        private final Encoder inner = new TestAudio.BandEncoder();
        private final String fingerprint;
        private final double scale;
        final AtomicInteger calls = new AtomicInteger();

        CountingEncoder(String fingerprint, double scale) {
            this.fingerprint = fingerprint;
            this.scale = scale;
        }

        @Override
        public String id() {
            return TestAudio.ENCODER_ID;
        }

        @Override
        public String fingerprint() {
            return fingerprint;
        }

        @Override
        public Set<Modality> modalities() {
            return inner.modalities();
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public FrameEmbeddings embedAudio(AudioClip clip) {
            calls.incrementAndGet();
            FrameEmbeddings e = inner.embedAudio(clip);
            double[] v = e.values().clone();
            for (int i = 0; i < v.length; i++) v[i] *= scale;
            return new FrameEmbeddings(e.frames(), e.dimension(), v);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Configuration c : created) c.delete();
        Collections.reverse(registrations);
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the test
            }
        }
    }

    private ServiceRegistration<Encoder> register(Encoder encoder, int ranking) {
        Hashtable<String, Object> p = new Hashtable<>(Map.of(Encoder.ID, TestAudio.ENCODER_ID, Constants.SERVICE_RANKING, ranking));
        ServiceRegistration<Encoder> r = context.registerService(Encoder.class, encoder, p);
        registrations.add(r);
        return r;
    }

    private static List<Path> statisticsFiles(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) return List.of();
        try (var s = Files.list(cache)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".stats")).sorted().toList();
        }
    }

    @Test
    void aNewEncoderFingerprintMidRunComputesAndCachesItsStatisticsAndScoresTheLaterIterations() throws Exception {
        CountingEncoder v1 = new CountingEncoder("itest band-magnitudes v1", 1);
        CountingEncoder v2 = new CountingEncoder("itest band-magnitudes v2 (scaled 1.5)", 1.5);
        ServiceRegistration<Encoder> first = register(v1, 0);
        Path cache = tmp.resolve("cache");
        AudioRewardsTest.configure(configurationAdmin, created, AudioRewardsTest.PER_SONG_PID, "itest-fad-swap",
            TestAudio.referenceFolder(tmp, "ref", TestAudio.IN_BAND_0, 5), cache);
        Await.until("reward held", 30_000, () -> orchestrator.reward("itest-fad-swap").isPresent(), () -> orchestrator.plugins().toString());
        GatedGenerator generator = new GatedGenerator(1);
        registrations.add(context.registerService(Generator.class, generator, new Hashtable<>(Map.of(Generator.ID, GatedGenerator.ID))));
        Await.until("generator held", 30_000, () -> orchestrator.generator(GatedGenerator.ID).isPresent(), () -> orchestrator.plugins().toString());

        LiveRun run = LiveRun.start(context, tmp.resolve("r"), "--reward", "itest-fad-swap", "--iterations", "3", "--checkpoint-every", "1");
        generator.awaitGate();
        assertEquals(1, statisticsFiles(cache).size(), "iteration 1 computed the statistics for v1");
        // the new encoder outranks the old one (the reward re-binds to it at once); then the old one leaves
        register(v2, 10);
        first.unregister();
        Await.until("only v2 listed", 30_000, () -> orchestrator.plugins().stream()
            .filter(e -> e.id().equals(TestAudio.ENCODER_ID)).map(e -> e.fingerprint()).toList().equals(List.of(v2.fingerprint())),
            () -> orchestrator.plugins().toString());
        int v1CallsAtSwap = v1.calls.get();
        generator.open();
        run.finish();

        assertEquals(List.of("trained", "trained", "trained"), run.statuses());
        assertEquals(2, statisticsFiles(cache).size(), "a second statistics file, for v2's fingerprint: " + statisticsFiles(cache));
        assertEquals(v1CallsAtSwap, v1.calls.get(), "v1 is not used after the swap");
        // v2 embedded the 5 reference clips once and the 4 samples of iterations 2 and 3
        assertEquals(5 + 2 * 4, v2.calls.get());
        assertEquals(3, generator.updates);
    }
}
