package dev.dragon.clap.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a single-graph ONNX model (IR version {@value #IR_VERSION}, default-domain opset {@value #OPSET}) from
 * nodes, float/int64 initializers, and typed inputs and outputs: the few parts of {@code onnx.proto} an exported
 * feed-forward network needs, encoded with {@link ProtobufWriter}. It checks only what it can cheaply (unique
 * value names, every node input defined before use); ONNX Runtime and {@code onnx.checker} check the rest.
 */
public final class OnnxGraphBuilder {

    /** ONNX IR version written (the one that goes with opset 17). */
    public static final long IR_VERSION = 8;
    /** Default-domain operator set version written. */
    public static final long OPSET = 17;
    /** Name written for every free (−1) dimension. */
    public static final String FREE_DIMENSION = "batch";

    /** TensorProto.DataType FLOAT. */
    public static final int FLOAT = 1;
    /** TensorProto.DataType INT64. */
    public static final int INT64 = 7;

    private final String graphName;
    private final List<ProtobufWriter> nodes = new ArrayList<>();
    private final List<ProtobufWriter> initializers = new ArrayList<>();
    private final List<ProtobufWriter> inputs = new ArrayList<>();
    private final List<ProtobufWriter> outputs = new ArrayList<>();
    private final Set<String> defined = new HashSet<>();
    private int nodeCount;

    /** @param graphName the graph's name (shown by model viewers) */
    public OnnxGraphBuilder(String graphName) {
        this.graphName = graphName;
    }

    /**
     * One node attribute.
     *
     * @param name its name
     * @param body the AttributeProto's fields after the name
     */
    public record Attribute(String name, ProtobufWriter body) {

        /**
         * @param name   attribute name
         * @param values an INTS attribute (kernel_shape, strides, perm, axes …)
         * @return the attribute
         */
        public static Attribute ints(String name, long... values) {
            return new Attribute(name, new ProtobufWriter().varint(20, 7).repeatedVarints(8, values));
        }

        /**
         * @param name  attribute name
         * @param value an INT attribute (transB, keepdims, axis …)
         * @return the attribute
         */
        public static Attribute integer(String name, long value) {
            return new Attribute(name, new ProtobufWriter().varint(20, 2).varint(3, value));
        }

        /**
         * @param name  attribute name
         * @param value a FLOAT attribute (alpha, epsilon …)
         * @return the attribute
         */
        public static Attribute real(String name, float value) {
            return new Attribute(name, new ProtobufWriter().varint(20, 1).float32(2, value));
        }
    }

    /**
     * Declares a graph input.
     *
     * @param name  its name
     * @param type  {@link #FLOAT} or {@link #INT64}
     * @param shape its dimensions, −1 for a free one
     * @return this
     */
    public OnnxGraphBuilder input(String name, int type, long... shape) {
        define(name);
        inputs.add(valueInfo(name, type, shape));
        return this;
    }

    /**
     * Declares a graph output (a value some node produces).
     *
     * @param name  its name
     * @param type  {@link #FLOAT} or {@link #INT64}
     * @param shape its dimensions, −1 for a free one
     * @return this
     */
    public OnnxGraphBuilder output(String name, int type, long... shape) {
        outputs.add(valueInfo(name, type, shape));
        return this;
    }

    /**
     * Adds a float32 constant (weights), stored as little-endian raw data.
     *
     * @param name   its name
     * @param values row-major values
     * @param shape  its dimensions
     * @return {@code name}
     */
    public String floats(String name, float[] values, long... shape) {
        checkCount(name, values.length, shape);
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) raw.putFloat(v);
        return initializer(name, FLOAT, raw.array(), shape);
    }

    /**
     * Adds an int64 constant (shapes, axes).
     *
     * @param name   its name
     * @param values row-major values
     * @param shape  its dimensions
     * @return {@code name}
     */
    public String longs(String name, long[] values, long... shape) {
        checkCount(name, values.length, shape);
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) raw.putLong(v);
        return initializer(name, INT64, raw.array(), shape);
    }

    /**
     * Adds a node with one output.
     *
     * @param opType     the operator, e.g. {@code Conv}
     * @param inputs     names of defined values (graph inputs, initializers, earlier outputs)
     * @param output     the name of the value it produces
     * @param attributes its attributes
     * @return {@code output}
     */
    public String node(String opType, List<String> inputs, String output, Attribute... attributes) {
        for (String in : inputs) {
            if (!defined.contains(in)) throw new IllegalArgumentException(opType + " node reads '" + in + "', which is not defined yet");
        }
        define(output);
        ProtobufWriter node = new ProtobufWriter();
        for (String in : inputs) node.string(1, in);
        node.string(2, output);
        node.string(3, opType.toLowerCase() + "_" + nodeCount++);
        node.string(4, opType);
        for (Attribute a : attributes) node.message(5, new ProtobufWriter().string(1, a.name()).append(a.body()));
        nodes.add(node);
        return output;
    }

    /**
     * @param producer written into the model's producer_name
     * @param version  written into producer_version
     * @param docString written into the model's doc_string (provenance)
     * @return the model file's bytes
     */
    public byte[] toModel(String producer, String version, String docString) {
        ProtobufWriter graph = new ProtobufWriter();
        for (ProtobufWriter n : nodes) graph.message(1, n);
        graph.string(2, graphName);
        for (ProtobufWriter t : initializers) graph.message(5, t);
        for (ProtobufWriter in : inputs) graph.message(11, in);
        for (ProtobufWriter out : outputs) graph.message(12, out);
        ProtobufWriter model = new ProtobufWriter()
            .varint(1, IR_VERSION)
            .string(2, producer)
            .string(3, version)
            .string(6, docString)
            .message(7, graph)
            .message(8, new ProtobufWriter().string(1, "").varint(2, OPSET));
        return model.toByteArray();
    }

    private String initializer(String name, int type, byte[] raw, long[] shape) {
        define(name);
        ProtobufWriter t = new ProtobufWriter().repeatedVarints(1, shape).varint(2, type).string(8, name).bytes(9, raw);
        initializers.add(t);
        return name;
    }

    private static ProtobufWriter valueInfo(String name, int type, long[] shape) {
        ProtobufWriter dims = new ProtobufWriter();
        for (long d : shape) {
            ProtobufWriter dim = d < 0 ? new ProtobufWriter().string(2, FREE_DIMENSION) : new ProtobufWriter().varint(1, d);
            dims.message(1, dim);
        }
        ProtobufWriter tensorType = new ProtobufWriter().varint(1, type).message(2, dims);
        return new ProtobufWriter().string(1, name).message(2, new ProtobufWriter().message(1, tensorType));
    }

    private void define(String name) {
        if (!defined.add(name)) throw new IllegalArgumentException("value '" + name + "' is defined twice");
    }

    private static void checkCount(String name, int count, long[] shape) {
        long expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (expected != count) throw new IllegalArgumentException("'" + name + "' has " + count + " values, its shape " + Arrays.toString(shape) + " needs " + expected);
    }
}
