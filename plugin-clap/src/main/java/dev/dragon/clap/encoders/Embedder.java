package dev.dragon.clap.encoders;

import dev.dragon.clap.onnx.OnnxModel;

/** A loaded model with its preprocessing: what an encoder holds and swaps as a whole when reconfigured. */
public interface Embedder extends AutoCloseable {

    /** @return the ONNX model it runs */
    OnnxModel model();

    /** @return a string that changes whenever the embeddings could change (model hash, preprocessing, settings) */
    String fingerprint();

    /** @return d */
    default int dimension() {
        return model().descriptor().dimension();
    }

    /** Closes the model's session. */
    @Override
    default void close() {
        model().close();
    }
}
