package dev.dragon.diffusion.generator;

import ai.djl.ndarray.NDManager;
import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Generator;
import dev.dragon.api.LossSettings;
import dev.dragon.api.PreferenceBatch;
import dev.dragon.api.SamplingRequest;
import dev.dragon.api.TrainingStatistics;
import dev.dragon.diffusion.music.MusicModel;
import dev.dragon.diffusion.music.MusicModelSpec;
import dev.dragon.djl.Djl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The built-in text-to-music generator as a service: the model shipped inside this bundle (or a model folder named
 * by configuration), conditioned by the text encoder it was trained with (MiniLM by default, bound by service
 * filter), and its latent encoder registered as an {@link Encoder} service of its own. The model loads on first use,
 * so listing plugins stays cheap.
 */
@Component(configurationPid = BuiltinMusicGenerator.PID, service = Generator.class,
    property = Generator.ID + "=" + BuiltinMusicGenerator.DEFAULT_ID)
@Designate(ocd = BuiltinMusicGenerator.Config.class)
public class BuiltinMusicGenerator implements Generator {

    static final String PID = "dev.dragon.generator.builtin";
    static final String DEFAULT_ID = "builtin-music";
    static final String BUNDLED_MODEL = "model/builtin-music";

    /** Configuration of the built-in generator; every attribute has a working default. */
    @ObjectClassDefinition(name = "Built-in music generator", description = "latent diffusion text-to-music model (DJL)")
    public @interface Config {
        /** @return the generator id */
        String generator_id() default DEFAULT_ID;

        /** @return a model folder to use instead of the shipped one */
        @AttributeDefinition(required = false, description = "model folder (model.json + weights); empty = the shipped model")
        String modelPath() default "";

        /** @return filter selecting the text encoder that conditions the model */
        String textEncoder_target() default "(encoder.id=minilm-l6-v2)";

        /** @return id of the latent encoder service */
        String latentEncoder_id() default "builtin-music-latent";

        /** @return Griffin-Lim iterations */
        int vocoderIterations() default 32;
    }

    private final Encoder textEncoder;
    private final String id;
    private final Path folder;
    private final String fingerprint;
    private final int vocoderIterations;
    private final LatentFrameEncoder latentEncoder;
    private final ServiceRegistration<Encoder> latentRegistration;
    private MusicGenerator delegate;

    /** For DS. */
    @Activate
    public BuiltinMusicGenerator(@Reference(name = "textEncoder") Encoder textEncoder, BundleContext context, Config config)
            throws IOException {
        this.textEncoder = textEncoder;
        this.id = config.generator_id();
        this.folder = config.modelPath().isBlank() ? extractBundledModel(context) : Path.of(config.modelPath());
        MusicModelSpec spec = MusicModelSpec.read(folder);
        if (!spec.textEncoderId().equals(textEncoder.id())) {
            throw new IllegalStateException("the model in " + folder + " was trained with text encoder '"
                + spec.textEncoderId() + "', not '" + textEncoder.id() + "'");
        }
        this.fingerprint = ModelFingerprint.ofModel(folder);
        this.vocoderIterations = config.vocoderIterations();
        this.latentEncoder = new LatentFrameEncoder(config.latentEncoder_id(), ModelFingerprint.ofLatentEncoder(folder),
            spec.autoencoder().latentChannels(), () -> delegate().model(), this);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Encoder.ID, config.latentEncoder_id());
        this.latentRegistration = context.registerService(Encoder.class, latentEncoder, properties);
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
    public List<Generation> sample(SamplingRequest request) {
        return delegate().sample(request);
    }

    @Override
    public TrainingStatistics train(PreferenceBatch batch, LossSettings loss) {
        return delegate().train(batch, loss);
    }

    @Override
    public void checkpoint(Path directory) throws IOException {
        delegate().checkpoint(directory);
    }

    @Override
    public void restore(Path directory) throws IOException {
        delegate().restore(directory);
    }

    @Override
    public Encoder latentEncoder() {
        return latentEncoder;
    }

    /** The loaded generator: the engine and the model load on the first call. */
    synchronized MusicGenerator delegate() {
        if (delegate == null) {
            Djl.pytorch();
            try {
                MusicModel model = MusicModel.load(folder, NDManager.newBaseManager(), vocoderIterations);
                delegate = new MusicGenerator(id, model, textEncoder::embedText, latentEncoder.id(), folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        return delegate;
    }

    @Deactivate
    synchronized void deactivate() {
        latentRegistration.unregister();
        if (delegate != null) delegate.close();
    }

    /** Copies the model shipped in this bundle into the bundle's data area (once per framework storage). */
    private static Path extractBundledModel(BundleContext context) throws IOException {
        Path target = context.getDataFile(BUNDLED_MODEL).toPath();
        for (String name : List.of(MusicModelSpec.FILE, MusicModel.AUTOENCODER_FILE, MusicModel.DENOISER_FILE)) {
            URL entry = context.getBundle().getEntry(BUNDLED_MODEL + "/" + name);
            if (entry == null) {
                throw new IllegalStateException("this build ships no base model (" + BUNDLED_MODEL + "/" + name
                    + " is missing): run ./dragon pretrain and copy its output there");
            }
            Path file = target.resolve(name);
            if (Files.exists(file)) continue;
            Files.createDirectories(target);
            try (InputStream in = entry.openStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
