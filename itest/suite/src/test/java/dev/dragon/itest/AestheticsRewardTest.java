package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
 * plugin-aesthetics inside the framework: its {@code aesthetics train} command (found as a Subcommand service) trains a
 * model from a ratings file against an encoder this test registers, then a factory configuration of
 * {@code dev.dragon.reward.aesthetics} makes the reward through ConfigurationAdmin, and it scores: finite, clean audio
 * above noisy audio.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class AestheticsRewardTest {

    static final String PID = "dev.dragon.reward.aesthetics";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(timeout = 30000)
    ConfigurationAdmin configurationAdmin;

    @TempDir
    Path tmp;

    private ServiceRegistration<Encoder> encoder;
    private final List<Configuration> created = new ArrayList<>();

    @BeforeEach
    void registerEncoder() {
        encoder = TestAudio.registerEncoder(context);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Configuration c : created) c.delete();
        encoder.unregister();
    }

    /** One second of a tone with white noise of standard deviation {@code noise}. */
    static AudioClip noisyTone(double hz, double noise, long seed) {
        Random random = new Random(seed);
        float[] x = new float[TestAudio.RATE];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * i / TestAudio.RATE) + noise * random.nextGaussian());
        return AudioClip.mono(TestAudio.RATE, x);
    }

    /** Tones at 6 pitches (the prompts), each at 4 noise levels; rating 4 (clean) … 1 (noisiest). */
    private Path ratings() throws Exception {
        double[] noise = {0, 0.03, 0.08, 0.2};
        StringBuilder csv = new StringBuilder("file,rating,prompt\n");
        Files.createDirectories(tmp.resolve("audio"));
        for (int t = 0; t < 6; t++) {
            for (int k = 0; k < noise.length; k++) {
                String name = String.format(Locale.ROOT, "audio/t%d-n%d.wav", t, k);
                WavFile.write(tmp.resolve(name), noisyTone(300 + 250 * t, noise[k], 10L * t + k), SampleEncoding.PCM_16);
                csv.append(name).append(',').append(4 - k).append(",tone").append(t).append('\n');
            }
        }
        Path file = tmp.resolve("ratings.csv");
        Files.writeString(file, csv);
        return file;
    }

    private Subcommand command(String name) throws Exception {
        Collection<ServiceReference<Subcommand>> refs = context.getServiceReferences(Subcommand.class, "(" + Subcommand.NAME + "=" + name + ")");
        assertEquals(1, refs.size(), "one '" + name + "' command");
        return context.getService(refs.iterator().next());
    }

    @Test
    void trainedModelBecomesAConfiguredRewardThatPrefersCleanAudio() throws Exception {
        Path model = tmp.resolve("model");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = command("aesthetics train").run(List.of("--ratings", ratings().toString(), "--encoder", TestAudio.ENCODER_ID, "--out", model.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(model.resolve("model.json")));

        Hashtable<String, Object> p = new Hashtable<>();
        p.put("reward.id", "aesthetics-itest");
        p.put("encoder.target", "(encoder.id=" + TestAudio.ENCODER_ID + ")");
        p.put("model", model.toString());
        Configuration c = configurationAdmin.createFactoryConfiguration(PID, "?");
        c.update(p);
        created.add(c);
        Await.until("reward aesthetics-itest is held", 30_000, () -> orchestrator.reward("aesthetics-itest").isPresent(),
            () -> orchestrator.plugins().toString());
        Reward reward = orchestrator.reward("aesthetics-itest").orElseThrow();
        assertEquals(RewardKind.INSTANCE, reward.kind());

        // a pitch between the training ones, noise levels between theirs
        List<Generation> generations = List.of(TestAudio.generation(noisyTone(820, 0, 1), 1), TestAudio.generation(noisyTone(820, 0.05, 2), 2),
            TestAudio.generation(noisyTone(820, 0.15, 3), 3), TestAudio.generation(AudioClip.mono(TestAudio.RATE, new float[TestAudio.RATE]), 4));
        double[] scores = reward.scoreEach(generations);
        for (double s : scores) assertTrue(Double.isFinite(s), Arrays.toString(scores));
        assertTrue(scores[0] > scores[1] && scores[1] > scores[2], "clean > some noise > more noise: " + Arrays.toString(scores));
    }
}
