package dev.dragon.api;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns audio and/or text into embeddings. Registered as an OSGi service; rewards find encoders by a service
 * filter on the {@value #ID} property from their configuration.
 *
 * <p>Implementations must be safe to call from several threads, deterministic (the same input gives the same
 * embedding), and return finite values.
 */
@ConsumerType
public interface Encoder {

    /** Service property that carries {@link #id()}, so rewards can select an encoder with {@code (encoder.id=…)}. */
    String ID = "encoder.id";

    /** @return a short stable identifier, e.g. {@code clap-audio} */
    String id();

    /**
     * @return a string that changes whenever the embeddings could change: model file hash, preprocessing
     * configuration, code version. Caches of embedding statistics are keyed by it.
     */
    String fingerprint();

    /** @return what this encoder embeds */
    Set<Modality> modalities();

    /** @return d, the embedding dimension */
    int dimension();

    /**
     * Embeds a clip as a sequence of frame embeddings (T×d). Encoders resample and downmix as they need.
     *
     * @param clip the audio
     * @return T×d embeddings, T ≥ 1
     * @throws UnsupportedModalityException when {@link #modalities()} lacks {@link Modality#AUDIO}
     */
    default FrameEmbeddings embedAudio(AudioClip clip) {
        throw new UnsupportedModalityException(id(), Modality.AUDIO);
    }

    /**
     * Embeds a text (for a cross-modal encoder, into the same space as its audio).
     *
     * @param text the text
     * @return a d-dimensional embedding
     * @throws UnsupportedModalityException when {@link #modalities()} lacks {@link Modality#TEXT}
     */
    default double[] embedText(String text) {
        throw new UnsupportedModalityException(id(), Modality.TEXT);
    }
}
