package dev.dragon.clap.encoders;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import dev.dragon.api.UnsupportedModalityException;
import dev.dragon.clap.onnx.ModelSlot;
import dev.dragon.clap.onnx.SessionSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The general ONNX encoder: a model file plus its JSON descriptor (and CLAP's preprocessor config for audio, the
 * model's tokenizer.json for text). One instance per factory configuration (PID {@value #PID}), e.g. a
 * {@code clap-audio} and a {@code clap-text} encoder over a LAION-CLAP export. A changed configuration — another
 * model file, say — loads the new model, switches to it between calls and closes the old session, without a
 * restart; if the new model fails to load, the old one keeps serving and the failure is logged as one line.
 */
@Component(configurationPid = OnnxEncoder.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = Encoder.class)
@Designate(ocd = OnnxEncoder.Config.class, factory = true)
public class OnnxEncoder implements Encoder {

    static final String PID = "dev.dragon.encoder.onnx";
    private static final Logger LOG = LoggerFactory.getLogger(OnnxEncoder.class);

    /** Configuration of one ONNX encoder. */
    @ObjectClassDefinition(name = "ONNX encoder", description = "An audio or text encoder from an ONNX model and a JSON descriptor")
    public @interface Config {
        /** @return the encoder id (service property encoder.id) */
        @AttributeDefinition(description = "encoder id, e.g. clap-audio")
        String encoder_id();

        /** @return the model file */
        @AttributeDefinition(description = "path of the .onnx model")
        String modelPath();

        /** @return the descriptor file */
        @AttributeDefinition(description = "path of the model's JSON descriptor (input/output names, shapes, pooling)")
        String descriptorPath();

        /** @return CLAP's preprocessor config (audio models) */
        @AttributeDefinition(description = "path of preprocessor_config.json (audio models)", required = false)
        String preprocessorConfigPath() default "";

        /** @return the model's tokenizer.json (text models) */
        @AttributeDefinition(description = "path of the model's tokenizer.json (text models)", required = false)
        String tokenizerPath() default "";

        /** @return intra-op threads, 0 = ONNX Runtime's choice */
        int intraOpThreads() default 0;

        /** @return use CUDA when this ONNX Runtime offers it */
        boolean useCuda() default true;

        /** @return examples per model run */
        int batchSize() default 8;

        /** @return "windows" (10 s every 1 s, for FAD) or "clip" (one embedding of the whole clip) */
        String framing() default "windows";

        /** @return window length in seconds */
        double windowSeconds() default 10;

        /** @return window step in seconds */
        double hopSeconds() default 1;

        /** @return seed of CLAP's crops (deterministic embeddings) */
        long cropSeed() default 0;
    }

    private volatile OnnxEncoderSettings settings;
    private volatile ModelSlot<Embedder> slot;

    /** For DS. */
    public OnnxEncoder() {
    }

    /**
     * An encoder outside a framework (tests, tools).
     *
     * @param settings what to load
     * @throws IOException naming the file and the problem
     */
    public OnnxEncoder(OnnxEncoderSettings settings) throws IOException {
        apply(settings);
    }

    @Activate
    @Modified
    void configure(Config config) throws IOException {
        try {
            apply(settings(config));
        } catch (IOException | RuntimeException e) {
            if (slot == null) throw e;
            LOG.error("encoder '{}' keeps its previous model: {}", id(), e.getMessage());
        }
    }

    /**
     * Loads {@code next} and switches to it; the old model is closed once no call uses it.
     *
     * @param next the new settings
     * @throws IOException naming the file and the problem (the encoder then keeps its previous model)
     */
    public void apply(OnnxEncoderSettings next) throws IOException {
        Embedder loaded = next.load();
        synchronized (this) {
            if (slot == null) {
                slot = new ModelSlot<>(loaded);
            } else {
                try {
                    slot.replace(loaded);
                } catch (Exception e) {
                    LOG.warn("closing the previous model of '{}' failed: {}", next.id(), e.getMessage());
                }
            }
            settings = next;
        }
        LOG.info("encoder '{}' serves {} ({})", next.id(), next.model(), loaded.fingerprint());
    }

    /** Closes the model. */
    @Deactivate
    public void close() {
        ModelSlot<Embedder> s = slot;
        if (s == null) return;
        try {
            s.close();
        } catch (Exception e) {
            LOG.warn("closing encoder '{}' failed: {}", id(), e.getMessage());
        }
    }

    static OnnxEncoderSettings settings(Config c) {
        if (c.encoder_id() == null || c.encoder_id().isBlank()) throw new IllegalArgumentException("configuration " + PID + " needs encoder.id");
        if (c.modelPath() == null || c.descriptorPath() == null) throw new IllegalArgumentException("encoder '" + c.encoder_id() + "' needs modelPath and descriptorPath");
        return new OnnxEncoderSettings(c.encoder_id(), Path.of(c.modelPath()), Path.of(c.descriptorPath()),
            c.preprocessorConfigPath().isBlank() ? null : Path.of(c.preprocessorConfigPath()),
            c.tokenizerPath().isBlank() ? null : Path.of(c.tokenizerPath()),
            new SessionSettings(c.intraOpThreads(), c.useCuda()), c.batchSize(),
            AudioFraming.of(c.framing(), c.windowSeconds(), c.hopSeconds()), c.cropSeed());
    }

    /** @return the embedder in use now (for inspection) */
    public Embedder current() {
        return slot.current();
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String fingerprint() {
        return slot.current().fingerprint();
    }

    @Override
    public Set<Modality> modalities() {
        return slot.current() instanceof AudioEmbedder ? Set.of(Modality.AUDIO) : Set.of(Modality.TEXT);
    }

    @Override
    public int dimension() {
        return slot.current().dimension();
    }

    @Override
    public FrameEmbeddings embedAudio(AudioClip clip) {
        try {
            return slot.use(e -> {
                if (!(e instanceof AudioEmbedder audio)) throw new UnsupportedModalityException(id(), Modality.AUDIO);
                return audio.embed(clip);
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("encoder '" + id() + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public double[] embedText(String text) {
        return embedTexts(List.of(text))[0];
    }

    /**
     * Embeds several texts in batches.
     *
     * @param texts the texts
     * @return one embedding per text
     */
    public double[][] embedTexts(List<String> texts) {
        try {
            return slot.use(e -> {
                if (!(e instanceof TextEmbedder text)) throw new UnsupportedModalityException(id(), Modality.TEXT);
                return text.embed(texts);
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("encoder '" + id() + "' failed: " + e.getMessage(), e);
        }
    }
}
