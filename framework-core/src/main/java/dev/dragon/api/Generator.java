package dev.dragon.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A trainable text-to-audio generator: draws on-policy samples and takes preference updates against a frozen
 * copy of its base model. Registered as an OSGi service with the {@value #ID} property.
 */
@ConsumerType
public interface Generator {

    /** Service property that carries {@link #id()}. */
    String ID = "generator.id";

    /** @return a short stable identifier */
    String id();

    /** @return a string that changes whenever outputs could change for the same inputs (weights, configuration, code) */
    String fingerprint();

    /**
     * Draws one sample per (prompt, seed). Deterministic: the same request on the same weights gives the same audio.
     *
     * @param request prompts, seeds and sampler settings
     * @return the generations, in request order
     */
    List<Generation> sample(SamplingRequest request);

    /**
     * Takes one preference update of the policy toward D+ and away from D−; the reference copy never changes.
     *
     * @param batch D+ and D− (with latents from this generator)
     * @param loss  the loss and its settings
     * @return what the update did
     */
    TrainingStatistics train(PreferenceBatch batch, LossSettings loss);

    /**
     * Writes the policy (and optimiser state) to {@code directory} atomically: a crash leaves either the old
     * checkpoint or the new one, never a mix.
     *
     * @param directory where to write; created when missing
     * @throws IOException when it cannot be written
     */
    void checkpoint(Path directory) throws IOException;

    /**
     * Loads a checkpoint written by {@link #checkpoint}.
     *
     * @param directory the checkpoint
     * @throws IOException when it is missing, unreadable or from an incompatible model
     */
    void restore(Path directory) throws IOException;

    /** @return the generator's own representation as an encoder (frame embeddings of the latent) */
    Encoder latentEncoder();
}
