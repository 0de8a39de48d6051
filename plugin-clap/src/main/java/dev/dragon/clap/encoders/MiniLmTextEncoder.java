package dev.dragon.clap.encoders;

import dev.dragon.api.Encoder;
import dev.dragon.api.Modality;
import dev.dragon.clap.onnx.ModelDescriptor;
import dev.dragon.clap.onnx.ModelSlot;
import dev.dragon.clap.onnx.OnnxModel;
import dev.dragon.clap.onnx.SessionSettings;
import dev.dragon.clap.text.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A real pretrained text encoder that works offline: sentence-transformers all-MiniLM-L6-v2 (384-d), its ONNX
 * model and tokenizer taken from the langchain4j model package ({@link MiniLmModelPackage}) and run by this
 * plugin's own ONNX Runtime session and tokenizer: masked mean over the last hidden state, L2-normalised. Active
 * without configuration (PID {@value #PID}); a configuration may point it at other files, which swaps the model
 * without a restart.
 */
@Component(configurationPid = MiniLmTextEncoder.PID, service = Encoder.class, property = Encoder.ID + "=" + MiniLmTextEncoder.DEFAULT_ID)
@Designate(ocd = MiniLmTextEncoder.Config.class)
public class MiniLmTextEncoder implements Encoder {

    static final String PID = "dev.dragon.encoder.minilm";
    static final String DEFAULT_ID = "minilm-l6-v2";

    /** The model's interface: BERT inputs, the last hidden state out, mean pooling, normalised; max length from its tokenizer.json. */
    static final String DESCRIPTOR = """
        {"modality": "text",
         "inputs": [{"name": "input_ids", "role": "input_ids", "shape": [-1, -1]},
                    {"name": "attention_mask", "role": "attention_mask", "shape": [-1, -1]},
                    {"name": "token_type_ids", "role": "token_type_ids", "shape": [-1, -1]}],
         "output": {"name": "last_hidden_state", "shape": [-1, -1, 384]},
         "pooling": "mean", "normalize": true}""";

    /** Configuration of the MiniLM text encoder; every attribute has a working default. */
    @ObjectClassDefinition(name = "MiniLM text encoder", description = "all-MiniLM-L6-v2 sentence embeddings (offline)")
    public @interface Config {
        /** @return the encoder id */
        String encoder_id() default DEFAULT_ID;

        /** @return a model file to use instead of the model package's */
        @AttributeDefinition(required = false, description = "ONNX model file; empty = the model package's")
        String modelPath() default "";

        /** @return a tokenizer.json to use instead of the model package's */
        @AttributeDefinition(required = false, description = "tokenizer.json; empty = the model package's")
        String tokenizerPath() default "";

        /** @return intra-op threads, 0 = ONNX Runtime's choice */
        int intraOpThreads() default 0;

        /** @return texts per model run */
        int batchSize() default 32;
    }

    /** What to load: files, or (null) the model package's. */
    private record Source(String encoderId, Path model, Path tokenizer, SessionSettings session, int batchSize) {
    }

    private volatile String id = DEFAULT_ID;
    private volatile String fingerprint;
    private volatile Source source;
    /** Null until the first embedding: activation stays cheap, so listing plugins does not load 90 MB. */
    private ModelSlot<Embedder> slot;
    private BundleContext context;

    /** For DS. */
    public MiniLmTextEncoder() {
    }

    @Activate
    void activate(BundleContext bundleContext, Config config) throws IOException {
        this.context = bundleContext;
        configure(config);
    }

    /** A changed configuration takes effect at once when a model is loaded (swap), else at the first embedding. */
    @Modified
    synchronized void configure(Config config) throws IOException {
        Source next = new Source(config.encoder_id(), path(config.modelPath()), path(config.tokenizerPath()),
            new SessionSettings(config.intraOpThreads(), false), config.batchSize());
        String nextFingerprint = fingerprintOf(next);
        if (slot != null) swapTo(next);
        source = next;
        fingerprint = nextFingerprint;
        id = next.encoderId();
    }

    /**
     * Loads (or reloads) the model now; the previous one is closed once no call uses it.
     *
     * @param encoderId the id
     * @param model     a model file, or null for the model package's
     * @param tokenizer a tokenizer.json, or null for the model package's
     * @param session   session options
     * @param batchSize texts per run
     * @throws IOException when the files or the model package cannot be read or the model disagrees with the descriptor
     */
    public synchronized void load(String encoderId, Path model, Path tokenizer, SessionSettings session, int batchSize) throws IOException {
        Source next = new Source(encoderId, model, tokenizer, session, batchSize);
        String nextFingerprint = fingerprintOf(next);
        swapTo(next);
        source = next;
        fingerprint = nextFingerprint;
        id = encoderId;
    }

    private void swapTo(Source next) throws IOException {
        byte[] modelBytes = next.model() != null ? Files.readAllBytes(next.model()) : MiniLmModelPackage.read(context, MiniLmModelPackage.MODEL);
        byte[] tokenizerBytes = tokenizerBytes(next);
        String origin = next.model() != null ? next.model().toString() : MiniLmModelPackage.MODEL;
        HuggingFaceTokenizer t = HuggingFaceTokenizer.parse(new String(tokenizerBytes, StandardCharsets.UTF_8),
            next.tokenizer() != null ? next.tokenizer().toString() : MiniLmModelPackage.TOKENIZER);
        OnnxModel m = OnnxModel.load(modelBytes, origin, ModelDescriptor.parse(DESCRIPTOR), next.session());
        TextEmbedder embedder = new TextEmbedder(m, t, OnnxEncoderSettings.sha256(tokenizerBytes).substring(0, 16), next.batchSize());
        if (slot == null) {
            slot = new ModelSlot<>(embedder);
        } else {
            try {
                slot.replace(embedder);
            } catch (Exception e) {
                throw new IOException("closing the previous MiniLM model failed: " + e.getMessage(), e);
            }
        }
    }

    private byte[] tokenizerBytes(Source s) throws IOException {
        return s.tokenizer() != null ? Files.readAllBytes(s.tokenizer()) : MiniLmModelPackage.read(context, MiniLmModelPackage.TOKENIZER);
    }

    /** Identifies model and tokenizer without creating a session: the package's name and version, or file hashes. */
    private String fingerprintOf(Source s) throws IOException {
        String model = s.model() != null ? "sha256:" + OnnxEncoderSettings.sha256(Files.readAllBytes(s.model())).substring(0, 16)
            : MiniLmModelPackage.identity(context);
        return "minilm;model=" + model + ";tokenizer=" + OnnxEncoderSettings.sha256(tokenizerBytes(s)).substring(0, 16) + ";pooling=mean";
    }

    /** @return true once a session exists (after the first embedding or an explicit load) */
    synchronized boolean loaded() {
        return slot != null;
    }

    private synchronized ModelSlot<Embedder> loadedSlot() throws IOException {
        if (slot == null) swapTo(source);
        return slot;
    }

    /** Closes the model. */
    @Deactivate
    public synchronized void close() {
        try {
            if (slot != null) slot.close();
        } catch (Exception e) {
            // the session is gone either way
        }
    }

    private static Path path(String s) {
        return s == null || s.isBlank() ? null : Path.of(s);
    }

    /**
     * @return the embedder in use now (loading it if needed)
     * @throws IOException when it cannot be loaded
     */
    public Embedder current() throws IOException {
        return loadedSlot().current();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Set<Modality> modalities() {
        return Set.of(Modality.TEXT);
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public double[] embedText(String text) {
        return embedTexts(List.of(text))[0];
    }

    /**
     * @param texts the texts
     * @return one normalised 384-d embedding per text
     */
    public double[][] embedTexts(List<String> texts) {
        try {
            return loadedSlot().use(e -> ((TextEmbedder) e).embed(texts));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("encoder '" + id + "' failed: " + e.getMessage(), e);
        }
    }
}
