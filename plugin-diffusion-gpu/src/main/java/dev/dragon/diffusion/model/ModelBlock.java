package dev.dragon.diffusion.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;

/**
 * A block whose parameter layout is named by one string, so its weights can be saved, checked and loaded by
 * {@link ModelWeights}: equal architecture strings mean interchangeable weights.
 */
public interface ModelBlock extends Block {

    /** A one-line description that identifies the parameter layout. */
    String architecture();

    /** A new, uninitialised block of the same architecture. */
    ModelBlock blankCopy();

    /** Initialises every parameter in {@code type} on {@code manager}; the engine's random seed decides the values. */
    void initialize(NDManager manager, DataType type);
}
