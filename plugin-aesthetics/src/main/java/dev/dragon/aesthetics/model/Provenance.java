package dev.dragon.aesthetics.model;

/**
 * Where a trained predictor came from: written beside its weights and checked when it is used.
 *
 * @param encoderId          the {@code Encoder#id()} whose embeddings it was trained on
 * @param encoderFingerprint that encoder's fingerprint; the model refuses an encoder with another
 * @param dataHash           SHA-256 over the rating rows (file name, SHA-256 of the audio bytes, rating, prompt) in order
 * @param dataSource         the ratings file it was trained from, as given
 * @param items              rated clips trained on
 * @param groups             distinct prompt groups among them
 * @param seed               the seed of the validation split
 * @param validationItems    clips held out to choose the kernel and λ (then refitted on all)
 * @param grid               the hyper-parameters searched, in words
 * @param validation         measures on the validation clips, of the model fitted without them
 * @param training           measures of the final model on all its training clips
 */
public record Provenance(String encoderId, String encoderFingerprint, String dataHash, String dataSource, int items,
    int groups, long seed, int validationItems, String grid, Evaluation validation, Evaluation training) {
}
