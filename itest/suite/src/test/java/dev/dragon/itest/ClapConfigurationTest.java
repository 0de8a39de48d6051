package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.runtime.Orchestrator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * CLAP encoders made by configuration alone (tiny CLAP-named ONNX models from plugin-clap's tests), the CLAP-score
 * reward wired to them by its default filters, and a configuration change that points the audio encoder at another
 * model file taking effect without a restart.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ClapConfigurationTest {

    private static final String ONNX_ENCODER_PID = "dev.dragon.encoder.onnx";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(timeout = 30000)
    ConfigurationAdmin configurationAdmin;

    private final List<Configuration> created = new ArrayList<>();

    @AfterEach
    void deleteConfigurations() throws Exception {
        for (Configuration c : created) c.delete();
    }

    private Path tinyClap() {
        return Path.of(context.getProperty("dragon.itest.tinyClap"));
    }

    private Configuration encoder(String id, Hashtable<String, Object> properties) throws Exception {
        Configuration c = configurationAdmin.createFactoryConfiguration(ONNX_ENCODER_PID, "?");
        properties.put("encoder.id", id);
        c.update(properties);
        created.add(c);
        return c;
    }

    private Hashtable<String, Object> audio(String model) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("modelPath", tinyClap().resolve(model).toString());
        p.put("descriptorPath", tinyClap().resolve("audio.descriptor.json").toString());
        p.put("preprocessorConfigPath", tinyClap().resolve("preprocessor_config.json").toString());
        p.put("framing", "clip");
        p.put("cropSeed", 7L);
        return p;
    }

    private Hashtable<String, Object> text() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("modelPath", tinyClap().resolve("text.onnx").toString());
        p.put("descriptorPath", tinyClap().resolve("text.descriptor.json").toString());
        p.put("tokenizerPath", tinyClap().resolve("tokenizer.json").toString());
        return p;
    }

    @Test
    void configuredEncodersServeTheRewardAndSwapModelsLive() throws Exception {
        Configuration audioConfig = encoder("clap-audio", audio("audio.onnx"));
        encoder("clap-text", text());
        Await.until("clap-audio, clap-text and clap-score are held", 30_000,
            () -> orchestrator.encoder("clap-audio").isPresent() && orchestrator.encoder("clap-text").isPresent()
                && orchestrator.reward("clap-score").isPresent(), () -> orchestrator.plugins().toString());

        Reward reward = orchestrator.reward("clap-score").orElseThrow();
        assertEquals(RewardKind.INSTANCE, reward.kind());
        assertTrue(reward.usesPrompt());
        float[] samples = new float[48_000];
        for (int i = 0; i < samples.length; i++) samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
        Generation g = new Generation(new Prompt("p1", "a calm piano melody"), 1, AudioClip.mono(48_000, samples), null, "test");
        double before = reward.scoreEach(List.of(g))[0];
        double[] embeddingBefore = orchestrator.encoder("clap-audio").orElseThrow().embedAudio(g.audio()).row(0);
        assertTrue(Double.isFinite(before) && Math.abs(before) <= 1 + 1e-9);

        // point the audio encoder at another model file: same service, new session; the negated model negates the score
        Hashtable<String, Object> swapped = audio("audio-negated.onnx");
        swapped.put("encoder.id", "clap-audio");
        audioConfig.update(swapped);
        Await.until("the audio encoder serves the new model", 30_000,
            () -> orchestrator.encoder("clap-audio").map(e -> Math.abs(e.embedAudio(g.audio()).row(0)[0] + embeddingBefore[0]) < 1e-6).orElse(false),
            () -> orchestrator.encoder("clap-audio").map(e -> e.fingerprint()).orElse("none"));
        Await.until("the reward is held again", 30_000, () -> orchestrator.reward("clap-score").isPresent(), () -> orchestrator.plugins().toString());
        assertEquals(-before, orchestrator.reward("clap-score").orElseThrow().scoreEach(List.of(g))[0], 1e-6);
    }
}
