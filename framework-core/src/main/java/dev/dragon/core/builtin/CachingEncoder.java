package dev.dragon.core.builtin;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Another encoder whose audio embeddings are remembered per clip object, for as long as the clip is alive. A set
 * reward scores the same generations many times — the greedy D+/D− swaps of one iteration, the bootstrap resamples
 * of an evaluation — and re-embedding each clip each time dominates its cost with a slow encoder. Encoders are
 * deterministic by contract, so a remembered embedding is the one the encoder would give again; the fingerprint is
 * the wrapped encoder's. A clip is found by its rate and samples ({@link AudioClip#equals}: hashing a clip costs far
 * less than embedding it), and the map holds its clips weakly: an embedding lives as long as its clip. One instance per factory configuration (PID {@value #PID}).
 */
@Component(configurationPid = CachingEncoder.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = Encoder.class)
@Designate(ocd = CachingEncoder.Config.class, factory = true)
public class CachingEncoder implements Encoder {

    // no '-' in a PID: FileInstall reads "PID-NAME.cfg" as a factory configuration, splitting at the first '-'
    static final String PID = "dev.dragon.encoder.cached";

    /** Configuration of a caching encoder. */
    @ObjectClassDefinition(name = "caching encoder", description = "an encoder's audio embeddings, remembered per clip object")
    public @interface Config {
        /** @return the encoder id (service property encoder.id) */
        @AttributeDefinition(description = "this encoder's id")
        String encoder_id();

        /** @return service filter selecting the wrapped encoder */
        @AttributeDefinition(description = "filter selecting the encoder to wrap")
        String source_target();
    }

    private final String id;
    private final Encoder source;
    // keyed by content (AudioClip's equals/hashCode): equal samples give equal embeddings, encoders being deterministic
    private final Map<AudioClip, FrameEmbeddings> audio = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param source the wrapped encoder (reference target {@code source.target} from the configuration)
     * @param config the configuration
     */
    @Activate
    public CachingEncoder(@Reference(name = "source") Encoder source, Config config) {
        this(config.encoder_id(), source);
    }

    /**
     * @param id     this encoder's id
     * @param source the wrapped encoder
     */
    CachingEncoder(String id, Encoder source) {
        this.id = id;
        this.source = source;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String fingerprint() {
        return source.fingerprint();
    }

    @Override
    public Set<Modality> modalities() {
        return source.modalities();
    }

    @Override
    public int dimension() {
        return source.dimension();
    }

    @Override
    public FrameEmbeddings embedAudio(AudioClip clip) {
        FrameEmbeddings known = audio.get(clip);
        if (known == null) {
            known = source.embedAudio(clip);
            audio.put(clip, known);
        }
        // a copy: a caller that changes the values it got must not change what the next caller gets
        return new FrameEmbeddings(known.frames(), known.dimension(), known.values().clone());
    }

    @Override
    public double[] embedText(String text) {
        return source.embedText(text);
    }

    /** @return how many clips are remembered now (for tests) */
    int remembered() {
        return audio.size();
    }
}
