package dev.dragon.clap.tower;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The built-in CLAP-style audio tower, on DJL NDArrays: CLAP log-mel features [B, 1, frames, mels] → [B, d]
 * (not normalised, like a LAION-CLAP audio export).
 *
 * <pre>
 * features → [B, mels, frames] → (x − offset) / scale → average-pool time by p
 *   → conv3 + ReLU → max-pool 2 → conv3 + ReLU → max-pool 2 → conv3 + ReLU
 *   → [mean over time, max over time] → linear + ReLU → linear → embedding
 * </pre>
 * The mel bands are the convolutions' input channels (1-D convolutions over time): cheap on two cores, and a
 * band's level, onsets and pitch movement are what the captions describe. {@link AudioTowerExport} writes the same
 * graph as ONNX. Parameters are float32 arrays that record gradients; initialisation depends on the seed only.
 */
public final class AudioTower implements AutoCloseable {

    private final TowerShape shape;
    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    private AudioTower(TowerShape shape, NDManager manager) {
        this.shape = shape;
        this.manager = manager;
    }

    /**
     * A freshly initialised tower: He-uniform weights for the ReLU layers, a smaller (Xavier-uniform) last layer, zero
     * biases, all drawn from {@code seed} in Java (so they do not depend on the engine's generator).
     *
     * @param shape   the architecture
     * @param parent  where its arrays live (a sub-manager, closed with the tower)
     * @param seed    decides every initial weight
     * @return the tower
     */
    public static AudioTower initialised(TowerShape shape, NDManager parent, long seed) {
        AudioTower tower = new AudioTower(shape, parent.newSubManager());
        SplittableRandom random = new SplittableRandom(seed);
        int[] c = shape.channels();
        int in = shape.mels();
        for (int i = 0; i < 3; i++) {
            tower.add("conv" + (i + 1) + ".weight", uniform(random, c[i] * in * 3, Math.sqrt(6.0 / (in * 3))), c[i], in, 3);
            tower.add("conv" + (i + 1) + ".bias", new float[c[i]], c[i]);
            in = c[i];
        }
        tower.add("head1.weight", uniform(random, shape.hidden() * shape.pooledWidth(), Math.sqrt(6.0 / shape.pooledWidth())), shape.hidden(), shape.pooledWidth());
        tower.add("head1.bias", new float[shape.hidden()], shape.hidden());
        tower.add("head2.weight", uniform(random, shape.dimension() * shape.hidden(), Math.sqrt(6.0 / (shape.hidden() + shape.dimension()))),
            shape.dimension(), shape.hidden());
        tower.add("head2.bias", new float[shape.dimension()], shape.dimension());
        return tower;
    }

    private void add(String name, float[] values, long... dims) {
        NDArray array = manager.create(values, new Shape(dims));
        array.setName(name);
        array.setRequiresGradient(true);
        parameters.put(name, array);
    }

    private static float[] uniform(SplittableRandom random, int count, double bound) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        return values;
    }

    /**
     * Embeds a batch of CLAP features.
     *
     * @param features [B, 1, frames, mels], float32
     * @return [B, dimension], not normalised
     */
    public NDArray forward(NDArray features) {
        Shape s = features.getShape();
        if (s.dimension() != 4 || s.get(1) != 1 || s.get(2) != shape.frames() || s.get(3) != shape.mels()) {
            throw new IllegalArgumentException("features must be [B, 1, " + shape.frames() + ", " + shape.mels() + "], got " + s);
        }
        NDArray x = features.reshape(s.get(0), shape.frames(), shape.mels()).transpose(0, 2, 1);
        x = x.sub(shape.inputOffset()).div(shape.inputScale());
        x = Pool.avgPool1d(x, new Shape(shape.timePooling()), new Shape(shape.timePooling()), new Shape(0), false, true);
        x = conv(x, 1);
        x = Pool.maxPool1d(x, new Shape(2), new Shape(2), new Shape(0), false);
        x = conv(x, 2);
        x = Pool.maxPool1d(x, new Shape(2), new Shape(2), new Shape(0), false);
        x = conv(x, 3);
        NDArray pooled = x.mean(new int[] {2}).concat(x.max(new int[] {2}), 1);
        NDArray hidden = Linear.linear(pooled, parameters.get("head1.weight"), parameters.get("head1.bias")).singletonOrThrow();
        hidden = Activation.relu(hidden);
        return Linear.linear(hidden, parameters.get("head2.weight"), parameters.get("head2.bias")).singletonOrThrow();
    }

    private NDArray conv(NDArray x, int layer) {
        NDArray y = Conv1d.conv1d(x, parameters.get("conv" + layer + ".weight"), parameters.get("conv" + layer + ".bias"),
            new Shape(1), new Shape(1), new Shape(1), 1).singletonOrThrow();
        return Activation.relu(y);
    }

    /** @return the architecture */
    public TowerShape shape() {
        return shape;
    }

    /** @return every trainable array by name, in a fixed order (read-only map; the arrays are live) */
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * @param name a parameter name, e.g. {@code conv1.weight}
     * @return its values, row-major, as float32
     */
    public float[] values(String name) {
        return parameter(name).toType(DataType.FLOAT32, false).toFloatArray();
    }

    /**
     * @param name a parameter name
     * @return its dimensions
     */
    public long[] dimensions(String name) {
        return parameter(name).getShape().getShape();
    }

    private NDArray parameter(String name) {
        NDArray p = parameters.get(name);
        if (p == null) throw new IllegalArgumentException("the tower has no parameter '" + name + "'");
        return p;
    }

    /** @return the number of trainable values */
    public long size() {
        return parameters.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    @Override
    public void close() {
        manager.close();
    }
}
