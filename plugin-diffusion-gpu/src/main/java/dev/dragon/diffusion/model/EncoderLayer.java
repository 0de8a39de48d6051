package dev.dragon.diffusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A pre-norm transformer encoder layer: x + attention(LN(x)), then + feed-forward(LN(·)).
 *
 * <p>Written here rather than using DJL's {@code TransformerEncoderBlock}, which normalises with batch
 * normalisation: that makes a sample's output depend on the rest of its batch and on training mode, so a winner's
 * denoising error would change with its loser and the policy would differ from its own frozen copy.
 */
final class EncoderLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final LayerNorm attentionNorm;
    private final ScaledDotProductAttentionBlock attention;
    private final LayerNorm feedForwardNorm;
    private final Linear feedForwardIn;
    private final Linear feedForwardOut;
    private final int feedForward;

    EncoderLayer(int width, int heads, int feedForward) {
        super(VERSION);
        this.feedForward = feedForward;
        attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder().setEmbeddingSize(width)
            .setHeadCount(heads).optAttentionProbsDropoutProb(0f).build());
        feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
        feedForwardIn = addChildBlock("feedForwardIn", Linear.builder().setUnits(feedForward).build());
        feedForwardOut = addChildBlock("feedForwardOut", Linear.builder().setUnits(width).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray normed = attentionNorm.forward(parameterStore, new NDList(x), training).singletonOrThrow();
        x = x.add(attention.forward(parameterStore, new NDList(normed), training).singletonOrThrow());
        normed = feedForwardNorm.forward(parameterStore, new NDList(x), training).singletonOrThrow();
        NDArray hidden = Activation.gelu(feedForwardIn.forward(parameterStore, new NDList(normed), training).singletonOrThrow());
        return new NDList(x.add(feedForwardOut.forward(parameterStore, new NDList(hidden), training).singletonOrThrow()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[0];
        attentionNorm.initialize(manager, dataType, tokens);
        attention.initialize(manager, dataType, tokens);
        feedForwardNorm.initialize(manager, dataType, tokens);
        feedForwardIn.initialize(manager, dataType, tokens);
        feedForwardOut.initialize(manager, dataType, new Shape(tokens.get(0), tokens.get(1), feedForward));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
