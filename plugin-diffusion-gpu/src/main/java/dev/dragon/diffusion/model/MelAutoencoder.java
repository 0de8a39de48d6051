package dev.dragon.diffusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * The compact latent the diffusion model works in: each patch of log-mel frames is encoded independently by a small
 * MLP into a few channels and decoded back by another. The latent is a short sequence (one frame per patch) that a
 * transformer can denoise cheaply on a CPU; the decoder's output goes to the vocoder.
 *
 * <p>Forward (for training) is encode then decode: [B, frames, bands] → [B, frames, bands].
 */
public final class MelAutoencoder extends AbstractBlock implements ModelBlock {

    private static final byte VERSION = 1;

    private final AutoencoderConfig config;
    private final SequentialBlock encoder;
    private final SequentialBlock decoder;

    /** An uninitialised autoencoder; call {@link #initialize(NDManager, DataType)} before use. */
    public MelAutoencoder(AutoencoderConfig config) {
        super(VERSION);
        this.config = config;
        encoder = addChildBlock("encoder", new SequentialBlock()
            .add(Linear.builder().setUnits(config.hidden()).build())
            .add(Activation::gelu)
            .add(Linear.builder().setUnits(config.hidden()).build())
            .add(Activation::gelu)
            .add(Linear.builder().setUnits(config.latentChannels()).build()));
        decoder = addChildBlock("decoder", new SequentialBlock()
            .add(Linear.builder().setUnits(config.hidden()).build())
            .add(Activation::gelu)
            .add(Linear.builder().setUnits(config.hidden()).build())
            .add(Activation::gelu)
            .add(Linear.builder().setUnits(config.patchSize()).build()));
    }

    /** The shape this autoencoder was built with. */
    public AutoencoderConfig config() {
        return config;
    }

    @Override
    public String architecture() {
        return config.architecture();
    }

    @Override
    public MelAutoencoder blankCopy() {
        return new MelAutoencoder(config);
    }

    @Override
    public void initialize(NDManager manager, DataType type) {
        setInitializer(new XavierInitializer(), parameter -> parameter.getType() == ai.djl.nn.Parameter.Type.WEIGHT);
        initialize(manager, type, new Shape(1, config.frames(), config.melBands()));
    }

    /** Log-mel frames [B, frames, bands] → latent [B, latentFrames, latentChannels]. */
    public NDArray encode(NDArray mel, boolean training) {
        NDArray patches = mel.reshape(mel.getShape().get(0), config.latentFrames(), config.patchSize());
        return encoder.forward(new ParameterStore(mel.getManager(), false), new NDList(patches), training).singletonOrThrow();
    }

    /** Latent [B, latentFrames, latentChannels] → log-mel frames [B, frames, bands]. */
    public NDArray decode(NDArray latent, boolean training) {
        NDArray patches = decoder.forward(new ParameterStore(latent.getManager(), false), new NDList(latent), training)
            .singletonOrThrow();
        return patches.reshape(latent.getShape().get(0), config.frames(), config.melBands());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(decode(encode(inputs.singletonOrThrow(), training), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        encoder.initialize(manager, dataType, new Shape(batch, config.latentFrames(), config.patchSize()));
        decoder.initialize(manager, dataType, new Shape(batch, config.latentFrames(), config.latentChannels()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
