package dev.dragon.core.builtin;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One cross-modal encoder made of two towers that share an embedding space: audio from one encoder, text from
 * another (a CLAP-style model ships them apart; the built-in {@code builtin-clap-audio} was trained into the
 * {@code minilm-l6-v2} text space). Rewards that embed both modalities with a single encoder — a FAD against a
 * text-only caption set — select it by its {@code encoder.id}. One instance per factory configuration (PID
 * {@value #PID}), e.g. {@code dev.dragon.encoder.joint-builtin-clap.cfg}.
 */
@Component(configurationPid = JointEncoder.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = Encoder.class)
@Designate(ocd = JointEncoder.Config.class, factory = true)
public class JointEncoder implements Encoder {

    // no '-' in a PID: FileInstall reads "PID-NAME.cfg" as a factory configuration, splitting at the first '-'
    static final String PID = "dev.dragon.encoder.joint";

    /** Configuration of a joint encoder. */
    @ObjectClassDefinition(name = "joint audio/text encoder", description = "audio from one encoder, text from another, one embedding space")
    public @interface Config {
        /** @return the encoder id (service property encoder.id) */
        @AttributeDefinition(description = "the joint encoder's id")
        String encoder_id();

        /** @return service filter selecting the audio tower */
        @AttributeDefinition(description = "filter selecting the audio encoder")
        String audio_target();

        /** @return service filter selecting the text tower */
        @AttributeDefinition(description = "filter selecting the text encoder")
        String text_target();
    }

    private final String id;
    private final Encoder audio;
    private final Encoder text;

    /**
     * @param audio  the audio tower (reference target {@code audio.target} from the configuration)
     * @param text   the text tower ({@code text.target})
     * @param config the configuration
     * @throws IllegalArgumentException when a tower lacks its modality or the dimensions differ
     */
    @Activate
    public JointEncoder(@Reference(name = "audio") Encoder audio, @Reference(name = "text") Encoder text, Config config) {
        this(config.encoder_id(), audio, text);
    }

    /**
     * @param id    the joint encoder's id
     * @param audio the audio tower
     * @param text  the text tower
     * @throws IllegalArgumentException when a tower lacks its modality or the dimensions differ
     */
    JointEncoder(String id, Encoder audio, Encoder text) {
        if (!audio.modalities().contains(Modality.AUDIO)) throw new IllegalArgumentException("joint encoder '" + id + "': '" + audio.id() + "' does not embed audio");
        if (!text.modalities().contains(Modality.TEXT)) throw new IllegalArgumentException("joint encoder '" + id + "': '" + text.id() + "' does not embed text");
        if (audio.dimension() != text.dimension()) {
            throw new IllegalArgumentException("joint encoder '" + id + "': '" + audio.id() + "' gives " + audio.dimension() + " dimensions, '"
                + text.id() + "' " + text.dimension() + ": not one space");
        }
        this.id = id;
        this.audio = audio;
        this.text = text;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String fingerprint() {
        return "joint;audio=" + audio.fingerprint() + ";text=" + text.fingerprint();
    }

    @Override
    public Set<Modality> modalities() {
        return Set.of(Modality.AUDIO, Modality.TEXT);
    }

    @Override
    public int dimension() {
        return audio.dimension();
    }

    @Override
    public FrameEmbeddings embedAudio(AudioClip clip) {
        return audio.embedAudio(clip);
    }

    @Override
    public double[] embedText(String t) {
        return text.embedText(t);
    }
}
