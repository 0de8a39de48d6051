package dev.dragon.clap.encoders;

import dev.dragon.clap.onnx.ModelDescriptor.Pooling;
import dev.dragon.clap.onnx.OnnxModel;

/** Turns a model's output tensor into one embedding per example: pooling over tokens, then L2 normalisation. */
final class EmbeddingOutputs {

    private EmbeddingOutputs() {
    }

    /** [B, d] output to B rows. */
    static double[][] rows(OnnxModel.Output output, int batch, int d, boolean normalise) {
        float[] v = output.values();
        if (v.length != batch * d) throw new IllegalStateException("model returned " + v.length + " values for " + batch + "x" + d);
        double[][] rows = new double[batch][d];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < d; j++) rows[b][j] = v[b * d + j];
            if (normalise) rows[b] = Vectors.normalised(rows[b]);
        }
        return rows;
    }

    /** [B, T, d] output to B rows by masked mean or first token. */
    static double[][] pooled(OnnxModel.Output output, long[] mask, int batch, int tokens, int d, Pooling pooling, boolean normalise) {
        float[] v = output.values();
        if (v.length != batch * tokens * d) throw new IllegalStateException("model returned " + v.length + " values for " + batch + "x" + tokens + "x" + d);
        double[][] rows = new double[batch][d];
        for (int b = 0; b < batch; b++) {
            if (pooling == Pooling.CLS) {
                for (int j = 0; j < d; j++) rows[b][j] = v[(b * tokens) * d + j];
            } else {
                double count = 0;
                for (int t = 0; t < tokens; t++) {
                    if (mask[b * tokens + t] == 0) continue;
                    count++;
                    for (int j = 0; j < d; j++) rows[b][j] += v[(b * tokens + t) * d + j];
                }
                for (int j = 0; j < d; j++) rows[b][j] /= Math.max(count, 1e-9);
            }
            if (normalise) rows[b] = Vectors.normalised(rows[b]);
        }
        return rows;
    }
}
