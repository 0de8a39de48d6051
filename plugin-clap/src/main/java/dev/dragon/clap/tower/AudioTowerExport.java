package dev.dragon.clap.tower;

import dev.dragon.clap.export.OnnxGraphBuilder;
import dev.dragon.clap.export.OnnxGraphBuilder.Attribute;
import java.util.List;

/**
 * Writes an {@link AudioTower} as an ONNX model with a LAION-CLAP audio export's contract: input
 * {@value #INPUT} float32 [batch, 1, frames, mels], output {@value #OUTPUT} float32 [batch, d], not normalised.
 * Operators (opset 17): Reshape, Transpose, Sub, Div, AveragePool, Conv, Relu, MaxPool, ReduceMean, ReduceMax,
 * Concat, Gemm — the same computation, step for step, as {@link AudioTower#forward}.
 */
public final class AudioTowerExport {

    /** The input name LAION-CLAP audio exports use. */
    public static final String INPUT = "input_features";
    /** The output name LAION-CLAP audio exports use. */
    public static final String OUTPUT = "audio_embeds";

    private AudioTowerExport() {
    }

    /**
     * @param tower     the trained tower
     * @param docString provenance written into the model (data, seed, settings)
     * @return the {@code .onnx} file's bytes
     */
    public static byte[] onnx(AudioTower tower, String docString) {
        TowerShape s = tower.shape();
        OnnxGraphBuilder g = new OnnxGraphBuilder("builtin-clap-audio");
        g.input(INPUT, OnnxGraphBuilder.FLOAT, -1, 1, s.frames(), s.mels());
        String x = g.node("Reshape", List.of(INPUT, g.longs("frames_by_mels", new long[] {0, s.frames(), s.mels()}, 3)), "features_2d");
        x = g.node("Transpose", List.of(x), "mels_by_frames", Attribute.ints("perm", 0, 2, 1));
        x = g.node("Sub", List.of(x, g.floats("input_offset", new float[] {s.inputOffset()}, 1)), "centred");
        x = g.node("Div", List.of(x, g.floats("input_scale", new float[] {s.inputScale()}, 1)), "scaled");
        x = g.node("AveragePool", List.of(x), "time_pooled", Attribute.ints("kernel_shape", s.timePooling()), Attribute.ints("strides", s.timePooling()));
        for (int layer = 1; layer <= 3; layer++) {
            String w = g.floats("conv" + layer + ".weight", tower.values("conv" + layer + ".weight"), tower.dimensions("conv" + layer + ".weight"));
            String b = g.floats("conv" + layer + ".bias", tower.values("conv" + layer + ".bias"), tower.dimensions("conv" + layer + ".bias"));
            x = g.node("Conv", List.of(x, w, b), "conv" + layer, Attribute.ints("kernel_shape", 3), Attribute.ints("pads", 1, 1),
                Attribute.ints("strides", 1), Attribute.ints("dilations", 1), Attribute.integer("group", 1));
            x = g.node("Relu", List.of(x), "conv" + layer + "_relu");
            if (layer < 3) x = g.node("MaxPool", List.of(x), "conv" + layer + "_pooled", Attribute.ints("kernel_shape", 2), Attribute.ints("strides", 2));
        }
        String mean = g.node("ReduceMean", List.of(x), "time_mean", Attribute.ints("axes", 2), Attribute.integer("keepdims", 0));
        String max = g.node("ReduceMax", List.of(x), "time_max", Attribute.ints("axes", 2), Attribute.integer("keepdims", 0));
        x = g.node("Concat", List.of(mean, max), "pooled", Attribute.integer("axis", 1));
        x = g.node("Gemm", List.of(x, g.floats("head1.weight", tower.values("head1.weight"), tower.dimensions("head1.weight")),
            g.floats("head1.bias", tower.values("head1.bias"), tower.dimensions("head1.bias"))), "head1", Attribute.integer("transB", 1));
        x = g.node("Relu", List.of(x), "head1_relu");
        g.node("Gemm", List.of(x, g.floats("head2.weight", tower.values("head2.weight"), tower.dimensions("head2.weight")),
            g.floats("head2.bias", tower.values("head2.bias"), tower.dimensions("head2.bias"))), OUTPUT, Attribute.integer("transB", 1));
        g.output(OUTPUT, OnnxGraphBuilder.FLOAT, -1, s.dimension());
        return g.toModel("dragon plugin-clap", "1", docString);
    }

    /**
     * @param tower the tower
     * @param sampleRate the rate its features are computed at (the preprocessor config's)
     * @return the descriptor JSON the general ONNX encoder reads, as a LAION-CLAP audio export's
     */
    public static String descriptor(AudioTower tower, int sampleRate) {
        TowerShape s = tower.shape();
        return "{\"modality\": \"audio\", \"sample_rate\": " + sampleRate + ",\n"
            + " \"inputs\": [{\"name\": \"" + INPUT + "\", \"role\": \"features\", \"shape\": [-1, 1, " + s.frames() + ", " + s.mels() + "]}],\n"
            + " \"output\": {\"name\": \"" + OUTPUT + "\", \"shape\": [-1, " + s.dimension() + "]}, \"pooling\": \"none\", \"normalize\": true}\n";
    }
}
