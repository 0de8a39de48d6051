package dev.dragon.api;

import java.util.Objects;

/**
 * One sample drawn from a {@link Generator}: the audio, the latent it was decoded from, and what produced it.
 *
 * @param prompt      the condition it was drawn for
 * @param seed        the sampler seed; the same generator, prompt, seed and settings reproduce it exactly
 * @param audio       the decoded waveform
 * @param latent      the generator's representation, or {@code null} when the generator has none
 * @param generatorId the {@link Generator#id()} that drew it
 */
public record Generation(Prompt prompt, long seed, AudioClip audio, Latent latent, String generatorId) {
    /** Checks the required parts. */
    public Generation {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(generatorId, "generatorId");
    }
}
