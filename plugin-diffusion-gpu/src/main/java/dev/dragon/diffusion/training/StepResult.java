package dev.dragon.diffusion.training;

/**
 * What one preference-training step measured, all before the update.
 *
 * @param loss the batch loss
 * @param rewardMargin DPO: mean implicit reward margin of winner over loser; KTO: mean implicit reward g of the
 *     positives minus that of the negatives (NaN when one side is empty)
 * @param gradientNorm global L2 norm of the gradient before clipping
 * @param examples samples in the batch (a DPO pair counts two)
 */
public record StepResult(double loss, double rewardMargin, double gradientNorm, int examples) {
}
