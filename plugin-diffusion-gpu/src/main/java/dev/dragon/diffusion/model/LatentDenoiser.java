package dev.dragon.diffusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A text-conditioned ε-prediction denoiser over a compact latent: a transformer encoder over the latent's frames.
 *
 * <p>Inputs: x_t [B, frames, channels], the timestep t [B] (as a float), the condition [B, conditionDimension] (a
 * text embedding; all zeros means "no condition", which classifier-free guidance uses as the unconditional branch).
 * Output: ε̂ [B, frames, channels]. Each frame is projected to the model width, given a learned position embedding
 * and the sum of a time embedding (sinusoidal features through a small MLP) and the projected condition, then passes
 * through pre-norm encoder layers ({@link EncoderLayer}), a layer norm and a projection back to the channels. No dropout: the same weights and
 * inputs always give the same output, which sampling and the reference model rely on.
 */
public final class LatentDenoiser extends AbstractBlock implements ModelBlock {

    private static final byte VERSION = 1;
    private static final double MAX_PERIOD = 10_000;

    private final DenoiserConfig config;
    private final Linear inputProjection;
    private final Parameter positions;
    private final SequentialBlock timeEmbedding;
    private final Linear conditionProjection;
    private final List<EncoderLayer> encoderLayers = new ArrayList<>();
    private final LayerNorm outputNorm;
    private final Linear outputProjection;

    /** An uninitialised denoiser of the given shape; call {@link #initialize(NDManager, DataType)} before use. */
    public LatentDenoiser(DenoiserConfig config) {
        super(VERSION);
        this.config = config;
        inputProjection = addChildBlock("inputProjection", Linear.builder().setUnits(config.width()).build());
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
            .optShape(new Shape(config.latentFrames(), config.width()))
            .optInitializer(new NormalInitializer(0.02f)).build());
        timeEmbedding = addChildBlock("timeEmbedding", new SequentialBlock()
            .add(Linear.builder().setUnits(config.width()).build())
            .add(Activation::gelu)
            .add(Linear.builder().setUnits(config.width()).build()));
        conditionProjection = addChildBlock("conditionProjection", Linear.builder().setUnits(config.width()).build());
        for (int i = 0; i < config.layers(); i++) {
            encoderLayers.add(addChildBlock("encoder" + i, new EncoderLayer(config.width(), config.heads(),
                config.feedForward())));
        }
        outputNorm = addChildBlock("outputNorm", LayerNorm.builder().axis(2).build());
        outputProjection = addChildBlock("outputProjection", Linear.builder().setUnits(config.latentChannels()).build());
    }

    /** The shape this denoiser was built with. */
    public DenoiserConfig config() {
        return config;
    }

    @Override
    public String architecture() {
        return config.architecture();
    }

    @Override
    public LatentDenoiser blankCopy() {
        return new LatentDenoiser(config);
    }

    /**
     * Initialises every parameter (Xavier weights, zero biases) in {@code type} on {@code manager}. The engine's random
     * seed decides the values.
     */
    @Override
    public void initialize(NDManager manager, DataType type) {
        setInitializer(new XavierInitializer(), parameter -> parameter.getType() == Parameter.Type.WEIGHT
            && parameter != positions);
        initialize(manager, type, inputShapes(1));
    }

    /** The input shapes of a batch of {@code batch}: x_t, t, condition. */
    public Shape[] inputShapes(long batch) {
        return new Shape[] {
            new Shape(batch, config.latentFrames(), config.latentChannels()),
            new Shape(batch),
            new Shape(batch, config.conditionDimension())};
    }

    /**
     * Predicts ε for a batch.
     *
     * @param noisy x_t [B, frames, channels]
     * @param timesteps t [B], as floats
     * @param conditions [B, conditionDimension]; zeros for the unconditional branch
     * @param training whether autograd should record the pass (inside a gradient collector)
     */
    public NDArray predictNoise(NDArray noisy, NDArray timesteps, NDArray conditions, boolean training) {
        // a fresh store per call: a ParameterStore caches arrays, and loading weights swaps them
        ParameterStore parameters = new ParameterStore(noisy.getManager(), false);
        return forward(parameters, new NDList(noisy, timesteps, conditions), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray noisy = inputs.get(0);
        NDArray timesteps = inputs.get(1);
        NDArray conditions = inputs.get(2);
        NDArray tokens = inputProjection.forward(parameterStore, new NDList(noisy), training).singletonOrThrow();
        tokens = tokens.add(parameterStore.getValue(positions, noisy.getDevice(), training));
        NDArray time = timeEmbedding.forward(parameterStore, new NDList(timeFeatures(timesteps, noisy.getDataType())),
            training).singletonOrThrow();
        NDArray condition = conditionProjection.forward(parameterStore, new NDList(conditions), training).singletonOrThrow();
        // one conditioning vector per sample, added to every frame
        tokens = tokens.add(time.add(condition).expandDims(1));
        for (EncoderLayer layer : encoderLayers) {
            tokens = layer.forward(parameterStore, new NDList(tokens), training).singletonOrThrow();
        }
        tokens = outputNorm.forward(parameterStore, new NDList(tokens), training).singletonOrThrow();
        return outputProjection.forward(parameterStore, new NDList(tokens), training);
    }

    /** Sinusoidal timestep features [B, width]: sin and cos of t at geometrically spaced frequencies. */
    private NDArray timeFeatures(NDArray timesteps, DataType type) {
        int half = config.width() / 2;
        NDArray frequencies = timesteps.getManager().arange(half).toType(DataType.FLOAT64, false)
            .mul(-Math.log(MAX_PERIOD) / half).exp().toType(type, false);
        NDArray angles = timesteps.toType(type, false).expandDims(1).mul(frequencies.expandDims(0));
        return angles.sin().concat(angles.cos(), 1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        Shape tokens = new Shape(batch, config.latentFrames(), config.width());
        inputProjection.initialize(manager, dataType, inputShapes[0]);
        timeEmbedding.initialize(manager, dataType, new Shape(batch, config.width()));
        conditionProjection.initialize(manager, dataType, inputShapes[2]);
        for (EncoderLayer layer : encoderLayers) layer.initialize(manager, dataType, tokens);
        outputNorm.initialize(manager, dataType, tokens);
        outputProjection.initialize(manager, dataType, tokens);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
