package dev.dragon.api;

/**
 * What one preference update did.
 *
 * @param loss          the mean loss over the batch
 * @param rewardMargin  the mean implicit reward margin (DPO: winner over loser; KTO: mean signed g)
 * @param gradientNorm  the gradient norm before clipping
 * @param examples      how many examples the update used
 */
public record TrainingStatistics(double loss, double rewardMargin, double gradientNorm, int examples) {
}
