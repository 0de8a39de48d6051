package dev.dragon.core.evaluation;

/**
 * One held-out prompt rendered by both models with the same seed, kept as WAV files for listening.
 *
 * @param promptId   the prompt's id
 * @param promptText the prompt
 * @param seed       the sampler seed both used
 * @param baseFile   the base model's WAV, relative to the run folder
 * @param tunedFile  the fine-tuned model's WAV, relative to the run folder
 * @param baseScore  the headline reward of the base sample (NaN for set rewards)
 * @param tunedScore the headline reward of the fine-tuned sample
 */
public record AudioPair(String promptId, String promptText, long seed, String baseFile, String tunedFile, double baseScore,
                        double tunedScore) {
}
