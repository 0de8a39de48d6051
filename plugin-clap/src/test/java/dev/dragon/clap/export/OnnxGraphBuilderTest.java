package dev.dragon.clap.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.pooling.Pool;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.dragon.clap.export.OnnxGraphBuilder.Attribute;
import dev.dragon.clap.tower.PytorchEngine;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tiny graphs written by {@link OnnxGraphBuilder}, loaded and run by ONNX Runtime, against a plain-Java reference
 * (element-wise, reductions, Gemm) or DJL/PyTorch (convolution and pooling). Tolerance 1e-5 (float32 sums of a few
 * dozen terms).
 */
class OnnxGraphBuilderTest {

    private static final double TOLERANCE = 1e-5;

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "value count");
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], TOLERANCE, "value " + i);
    }

    @Test
    void gemmWithTransposedWeightsAndRelu() throws Exception {
        Random r = new Random(1);
        float[] x = random(r, 2 * 3);
        float[] w = random(r, 4 * 3);
        float[] b = random(r, 4);
        OnnxGraphBuilder g = new OnnxGraphBuilder("gemm");
        g.input("x", OnnxGraphBuilder.FLOAT, -1, 3);
        String y = g.node("Gemm", List.of("x", g.floats("w", w, 4, 3), g.floats("b", b, 4)), "y", Attribute.integer("transB", 1));
        g.node("Relu", List.of(y), "out");
        g.output("out", OnnxGraphBuilder.FLOAT, -1, 4);
        float[] expected = new float[2 * 4];
        for (int i = 0; i < 2; i++) {
            for (int o = 0; o < 4; o++) {
                double s = b[o];
                for (int k = 0; k < 3; k++) s += x[i * 3 + k] * w[o * 3 + k];
                expected[i * 4 + o] = (float) Math.max(0, s);
            }
        }
        assertClose(expected, OrtRunner.run(g.toModel("test", "1", ""), "x", x, 2, 3));
    }

    @Test
    void reshapeTransposeAffineReductionsConcat() throws Exception {
        Random r = new Random(2);
        int frames = 5;
        int mels = 3;
        float[] x = random(r, 2 * frames * mels);
        OnnxGraphBuilder g = new OnnxGraphBuilder("reductions");
        g.input("x", OnnxGraphBuilder.FLOAT, -1, 1, frames, mels);
        String v = g.node("Reshape", List.of("x", g.longs("shape", new long[] {0, frames, mels}, 3)), "flat");
        v = g.node("Transpose", List.of(v), "t", Attribute.ints("perm", 0, 2, 1));
        v = g.node("Sub", List.of(v, g.floats("offset", new float[] {0.5f}, 1)), "centred");
        v = g.node("Div", List.of(v, g.floats("scale", new float[] {2f}, 1)), "scaled");
        String mean = g.node("ReduceMean", List.of(v), "mean", Attribute.ints("axes", 2), Attribute.integer("keepdims", 0));
        String max = g.node("ReduceMax", List.of(v), "max", Attribute.ints("axes", 2), Attribute.integer("keepdims", 0));
        g.node("Concat", List.of(mean, max), "out", Attribute.integer("axis", 1));
        g.output("out", OnnxGraphBuilder.FLOAT, -1, 2 * mels);
        float[] expected = new float[2 * 2 * mels];
        for (int b = 0; b < 2; b++) {
            for (int m = 0; m < mels; m++) {
                double sum = 0;
                double top = Double.NEGATIVE_INFINITY;
                for (int f = 0; f < frames; f++) {
                    double value = (x[(b * frames + f) * mels + m] - 0.5f) / 2f;
                    sum += value;
                    top = Math.max(top, value);
                }
                expected[b * 2 * mels + m] = (float) (sum / frames);
                expected[b * 2 * mels + mels + m] = (float) top;
            }
        }
        assertClose(expected, OrtRunner.run(g.toModel("test", "1", ""), "x", x, 2, 1, frames, mels));
    }

    @Test
    void convolutionAndPoolingMatchDjl() throws Exception {
        Random r = new Random(3);
        int channels = 3;
        int length = 18;
        int filters = 4;
        float[] x = random(r, 2 * channels * length);
        float[] w = random(r, filters * channels * 3);
        float[] b = random(r, filters);
        OnnxGraphBuilder g = new OnnxGraphBuilder("conv");
        g.input("x", OnnxGraphBuilder.FLOAT, -1, channels, length);
        String v = g.node("AveragePool", List.of("x"), "avg", Attribute.ints("kernel_shape", 2), Attribute.ints("strides", 2));
        v = g.node("Conv", List.of(v, g.floats("w", w, filters, channels, 3), g.floats("b", b, filters)), "conv",
            Attribute.ints("kernel_shape", 3), Attribute.ints("pads", 1, 1), Attribute.ints("strides", 1), Attribute.ints("dilations", 1),
            Attribute.integer("group", 1));
        v = g.node("Relu", List.of(v), "relu");
        g.node("MaxPool", List.of(v), "out", Attribute.ints("kernel_shape", 2), Attribute.ints("strides", 2));
        g.output("out", OnnxGraphBuilder.FLOAT, -1, filters, -1);
        float[] expected;
        try (NDManager m = PytorchEngine.get().newBaseManager()) {
            NDArray input = m.create(x, new Shape(2, channels, length));
            NDArray y = Pool.avgPool1d(input, new Shape(2), new Shape(2), new Shape(0), false, true);
            y = Conv1d.conv1d(y, m.create(w, new Shape(filters, channels, 3)), m.create(b, new Shape(filters)), new Shape(1), new Shape(1),
                new Shape(1), 1).singletonOrThrow();
            y = Pool.maxPool1d(Activation.relu(y), new Shape(2), new Shape(2), new Shape(0), false);
            assertEquals(new Shape(2, filters, 4), y.getShape());
            expected = y.toFloatArray();
        }
        assertClose(expected, OrtRunner.run(g.toModel("test", "1", ""), "x", x, 2, channels, length));
    }

    @Test
    void freeDimensionsStayFree() throws Exception {
        OnnxGraphBuilder g = new OnnxGraphBuilder("identity");
        g.input("x", OnnxGraphBuilder.FLOAT, -1, 2);
        g.node("Relu", List.of("x"), "y");
        g.output("y", OnnxGraphBuilder.FLOAT, -1, 2);
        byte[] model = g.toModel("test", "1", "doc");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            long[] shape = ((TensorInfo) session.getInputInfo().get("x").getInfo()).getShape();
            assertEquals(-1, shape[0]);
            assertEquals(2, shape[1]);
        }
        assertClose(new float[] {0, 1, 2, 0, 0, 3}, OrtRunner.run(model, "x", new float[] {-1, 1, 2, -2, 0, 3}, 3, 2));
    }

    @Test
    void misuseFailsAtOnce() {
        OnnxGraphBuilder g = new OnnxGraphBuilder("bad");
        g.input("x", OnnxGraphBuilder.FLOAT, -1, 2);
        assertThrows(IllegalArgumentException.class, () -> g.node("Relu", List.of("nowhere"), "y"));
        assertThrows(IllegalArgumentException.class, () -> g.node("Relu", List.of("x"), "x"));
        assertThrows(IllegalArgumentException.class, () -> g.floats("w", new float[3], 2, 2));
    }
}
