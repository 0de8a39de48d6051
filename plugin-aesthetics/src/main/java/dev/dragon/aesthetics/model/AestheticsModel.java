package dev.dragon.aesthetics.model;

import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;

/**
 * A trained aesthetics predictor: kernel ridge regression over L2-normalised, mean-pooled encoder embeddings,
 * predicting a rating in the units of the training ratings (labels were z-scored for fitting and are scaled back).
 *
 * <p>prediction(x) = labelMean + labelScale · Σⱼ αⱼ k(x, supportⱼ). Higher is better, as the ratings were.
 *
 * @param kernel     the kernel
 * @param lambda     the ridge λ it was fitted with
 * @param support    the training embeddings, n×d row-major, each row of unit length (or zero)
 * @param dimension  d
 * @param alpha      the n dual coefficients (for z-scored labels)
 * @param labelMean  the mean training rating
 * @param labelScale the standard deviation of the training ratings (population, ddof 0), positive
 * @param provenance where it came from
 */
public record AestheticsModel(Kernel kernel, double lambda, double[] support, int dimension, double[] alpha,
    double labelMean, double labelScale, Provenance provenance) {

    /** Checks shapes and finiteness: a stored model must never produce NaN. */
    public AestheticsModel {
        if (dimension < 1 || support.length != (long) alpha.length * dimension || alpha.length < 1) {
            throw new IllegalArgumentException("support holds " + support.length + " values, expected " + alpha.length + " rows of " + dimension);
        }
        if (!(labelScale > 0) || !Double.isFinite(labelScale) || !Double.isFinite(labelMean) || !(lambda > 0)) {
            throw new IllegalArgumentException("label scale, mean and lambda must be finite (scale and lambda positive)");
        }
        for (double v : alpha) if (!Double.isFinite(v)) throw new IllegalArgumentException("non-finite coefficient");
        for (double v : support) if (!Double.isFinite(v)) throw new IllegalArgumentException("non-finite support embedding");
    }

    /** @return the number of support rows n */
    public int size() {
        return alpha.length;
    }

    /**
     * @param unitRows m×d embeddings, each L2-normalised (see {@link #unitEmbedding})
     * @param m        the number of rows
     * @return m predicted ratings, in the training ratings' units
     */
    public double[] predict(double[] unitRows, int m) {
        if (unitRows.length != (long) m * dimension) throw new IllegalArgumentException("expected " + m + "x" + dimension + " values, got " + unitRows.length);
        double[] z = KernelRidgeSolver.predict(kernel.matrix(unitRows, m, support, size(), dimension), m, alpha);
        for (int i = 0; i < m; i++) z[i] = labelMean + labelScale * z[i];
        return z;
    }

    /**
     * Fails with one line when {@code encoder} is not the encoder this model was trained on (another id is allowed:
     * the same model under another name; another fingerprint is not).
     *
     * @param encoder the encoder about to feed the model
     * @param model   the model's name for the message (its folder)
     * @throws IllegalStateException on a fingerprint or dimension mismatch
     */
    public void requireEncoder(Encoder encoder, String model) {
        if (!encoder.fingerprint().equals(provenance.encoderFingerprint())) {
            throw new IllegalStateException(model + ": trained on encoder '" + provenance.encoderId() + "' with fingerprint "
                + provenance.encoderFingerprint() + ", but encoder '" + encoder.id() + "' has fingerprint " + encoder.fingerprint()
                + ": retrain the model with this encoder");
        }
        if (encoder.dimension() != dimension) {
            throw new IllegalStateException(model + ": trained on " + dimension + "-d embeddings, encoder '" + encoder.id() + "' gives " + encoder.dimension());
        }
    }

    /**
     * The clip embedding the head sees: frames mean-pooled, then scaled to unit length (a zero vector stays zero).
     *
     * @param frames the encoder's frame embeddings
     * @param name   the clip's name for the message
     * @return the d-vector
     * @throws IllegalArgumentException when the embeddings hold NaN or infinity
     */
    public static double[] unitEmbedding(FrameEmbeddings frames, String name) {
        if (!frames.allFinite()) throw new IllegalArgumentException(name + ": the encoder returned NaN or infinite embeddings");
        double[] v = frames.meanPooled();
        double norm = 0;
        for (double x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm > 0) for (int j = 0; j < v.length; j++) v[j] /= norm;
        return v;
    }
}
