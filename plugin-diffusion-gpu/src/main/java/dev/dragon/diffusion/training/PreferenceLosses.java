package dev.dragon.diffusion.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The Diffusion-DPO and Diffusion-KTO preference losses as pure functions of NDArrays (DRAGON brief, section 3).
 *
 * <p>All functions are differentiable with DJL's autograd and keep the data type of their inputs, so the same code
 * serves float32 training and float64 checks against reference values. Batch losses are averaged over pairs (DPO)
 * or samples (KTO).
 */
public final class PreferenceLosses {

    private PreferenceLosses() {
    }

    /**
     * Per-sample denoising error m(x) = mean over all non-batch elements of (ε − ε_pred)².
     *
     * @param noise the noise ε that formed x_t, shape [B, ...]
     * @param predictedNoise the model's prediction ε_θ(x_t, t, c), same shape
     * @return m per sample, shape [B]
     */
    public static NDArray denoisingError(NDArray noise, NDArray predictedNoise) {
        if (!noise.getShape().equals(predictedNoise.getShape())) {
            throw new IllegalArgumentException("noise " + noise.getShape() + " and prediction "
                + predictedNoise.getShape() + " differ in shape");
        }
        NDArray squared = noise.sub(predictedNoise).square();
        if (squared.getShape().dimension() == 1) return squared;
        // the PyTorch engine reduces one axis at a time: flatten the non-batch axes first
        return squared.reshape(squared.getShape().get(0), -1).mean(new int[] {1});
    }

    /**
     * Diffusion-DPO loss per pair: −log σ(−(β/2)·[(m_θ(w) − m_θ(l)) − (m_ref(w) − m_ref(l))]).
     *
     * @return the loss of each pair, shape [P]
     */
    public static NDArray dpoPerPair(NDArray policyWinner, NDArray policyLoser, NDArray referenceWinner,
                                     NDArray referenceLoser, double beta) {
        NDArray logit = dpoLogit(policyWinner, policyLoser, referenceWinner, referenceLoser, beta);
        return softplus(logit.neg());
    }

    /** {@link #dpoPerPair} averaged over pairs: the scalar to minimise. */
    public static NDArray dpo(NDArray policyWinner, NDArray policyLoser, NDArray referenceWinner,
                              NDArray referenceLoser, double beta) {
        return dpoPerPair(policyWinner, policyLoser, referenceWinner, referenceLoser, beta).mean();
    }

    /**
     * The implicit reward margin of winner over loser, (m_ref(w) − m_θ(w)) − (m_ref(l) − m_θ(l)), per pair: DPO
     * training should raise it.
     */
    public static NDArray implicitRewardMargin(NDArray policyWinner, NDArray policyLoser, NDArray referenceWinner,
                                               NDArray referenceLoser) {
        return referenceWinner.sub(policyWinner).sub(referenceLoser.sub(policyLoser));
    }

    /**
     * Diffusion-KTO loss per sample: g = m_ref − m_θ, z = max(0, mean g) (detached),
     * L = λ_y·(1 − σ(y·β·(g − z))).
     *
     * @param labels +1 for desirable samples, −1 for undesirable ones, shape [B], same data type as the errors
     * @return the loss of each sample, shape [B]
     */
    public static NDArray ktoPerSample(NDArray policyError, NDArray referenceError, NDArray labels, double beta,
                                       double lambdaPositive, double lambdaNegative) {
        NDArray implicitReward = referenceError.sub(policyError);
        // z is a baseline, not a path for gradients: taken from a detached copy
        NDArray baseline = implicitReward.stopGradient().mean().maximum(0);
        NDArray sigmoid = sigmoid(labels.mul(implicitReward.sub(baseline)).mul(beta));
        NDArray positive = labels.gt(0).toType(labels.getDataType(), false);
        NDArray weights = positive.mul(lambdaPositive).add(positive.neg().add(1).mul(lambdaNegative));
        return weights.mul(sigmoid.neg().add(1));
    }

    /** {@link #ktoPerSample} averaged over samples: the scalar to minimise. */
    public static NDArray kto(NDArray policyError, NDArray referenceError, NDArray labels, double beta,
                              double lambdaPositive, double lambdaNegative) {
        return ktoPerSample(policyError, referenceError, labels, beta, lambdaPositive, lambdaNegative).mean();
    }

    /** The KTO implicit reward g(x) = m_ref(x) − m_θ(x), per sample. */
    public static NDArray ktoImplicitReward(NDArray policyError, NDArray referenceError) {
        return referenceError.sub(policyError);
    }

    static NDArray dpoLogit(NDArray policyWinner, NDArray policyLoser, NDArray referenceWinner,
                            NDArray referenceLoser, double beta) {
        NDArray inner = policyWinner.sub(policyLoser).sub(referenceWinner.sub(referenceLoser));
        return inner.mul(-beta / 2);
    }

    /** log(1 + e^x) without overflow for large |x|: max(x, 0) + log(1 + e^−|x|). */
    static NDArray softplus(NDArray x) {
        return x.maximum(0).add(x.abs().neg().exp().add(1).log());
    }

    /** The engine's logistic function: its gradient stays finite where a hand-written 1/(1+e^−x) gives NaN. */
    static NDArray sigmoid(NDArray x) {
        return Activation.sigmoid(x);
    }
}
