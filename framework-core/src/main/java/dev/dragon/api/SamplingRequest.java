package dev.dragon.api;

import java.util.List;

/**
 * What to draw from a {@link Generator}: one sample per (prompt, seed) pair.
 *
 * @param prompts  the conditions
 * @param seeds    one seed per prompt; the same seed gives the same sample
 * @param steps    sampler steps, at least 1
 * @param guidance classifier-free guidance scale (1 = no guidance)
 */
public record SamplingRequest(List<Prompt> prompts, List<Long> seeds, int steps, double guidance) {

    /** Copies the lists and checks that they match. */
    public SamplingRequest {
        prompts = List.copyOf(prompts);
        seeds = List.copyOf(seeds);
        if (prompts.size() != seeds.size()) {
            throw new IllegalArgumentException(prompts.size() + " prompts but " + seeds.size() + " seeds");
        }
        if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        if (!Double.isFinite(guidance)) throw new IllegalArgumentException("guidance must be finite");
    }
}
