package dev.dragon.clap.tower;

import ai.djl.ndarray.NDArray;

/**
 * CLIP's symmetric InfoNCE: with â the L2-normalised audio embeddings, t̂ the (normalised) text embeddings of the
 * same B pairs and τ = exp(s) a learnable inverse temperature, logits = τ·â·t̂ᵀ, and the loss is the mean of the
 * cross-entropies of the rows (audio → its caption among the batch's) and of the columns (caption → its audio).
 */
public final class ContrastiveLoss {

    /** Upper bound on log τ (τ ≤ 100), as in CLIP: keeps the logits from blowing up. */
    public static final float MAX_LOG_SCALE = (float) Math.log(100);

    private ContrastiveLoss() {
    }

    /**
     * @param audio    [B, d] audio embeddings (not normalised)
     * @param text     [B, d] text embeddings (normalised, frozen)
     * @param logScale scalar s, τ = exp(min(s, ln 100))
     * @return the scalar loss
     */
    public static NDArray symmetricInfoNce(NDArray audio, NDArray text, NDArray logScale) {
        long batch = audio.getShape().get(0);
        NDArray logits = normalised(audio).matMul(text.transpose()).mul(logScale.minimum(MAX_LOG_SCALE).exp());
        NDArray diagonal = audio.getManager().eye((int) batch).toType(logits.getDataType(), false);
        NDArray rows = logits.logSoftmax(1).mul(diagonal).sum().neg();
        NDArray columns = logits.logSoftmax(0).mul(diagonal).sum().neg();
        return rows.add(columns).div((float) (2.0 * batch));
    }

    /**
     * @param x [B, d]
     * @return each row divided by its L2 norm (plus a tiny ε so a zero row stays finite)
     */
    public static NDArray normalised(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
    }
}
