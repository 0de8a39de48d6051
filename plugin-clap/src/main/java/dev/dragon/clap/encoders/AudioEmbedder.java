package dev.dragon.clap.encoders;

import ai.onnxruntime.OrtException;
import dev.dragon.api.AudioClip;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.clap.features.ClapFeatureConfig;
import dev.dragon.clap.features.ClapFeatureExtractor;
import dev.dragon.clap.features.ClapFeatures;
import dev.dragon.clap.onnx.ModelDescriptor;
import dev.dragon.clap.onnx.OnnxModel;
import dev.dragon.io.Resampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CLAP-style audio tower: downmix, resample to the model's rate, frame ({@link AudioFraming}), compute CLAP
 * features per frame, run the model in batches, L2-normalise each row when the descriptor asks. Thread-safe.
 */
public final class AudioEmbedder implements Embedder {

    private final OnnxModel model;
    private final ClapFeatureExtractor extractor;
    private final AudioFraming framing;
    private final int batchSize;
    private final long cropSeed;
    private final String fingerprint;

    /**
     * @param model     an audio model (descriptor modality audio, pooling none)
     * @param features  the model's preprocessing
     * @param framing   how clips become rows
     * @param batchSize frames per model run, ≥ 1
     * @param cropSeed  seed of CLAP's crops
     * @throws IllegalArgumentException when the descriptor's input shape or rate disagrees with the preprocessing
     */
    public AudioEmbedder(OnnxModel model, ClapFeatureConfig features, AudioFraming framing, int batchSize, long cropSeed) {
        ModelDescriptor d = model.descriptor();
        if (d.modality() != ModelDescriptor.Modality.AUDIO) throw new IllegalArgumentException(model.source() + ": the descriptor is not for an audio model");
        if (d.pooling() != ModelDescriptor.Pooling.NONE) throw new IllegalArgumentException(model.source() + ": audio models must output [batch, d] (pooling none)");
        long[] shape = d.input(ModelDescriptor.Role.FEATURES).shape();
        long[] wanted = {shape[0], features.views(), features.chunkFrames(), features.melBins()};
        for (int i = 1; i < 4; i++) {
            if (shape[i] != -1 && shape[i] != wanted[i]) {
                throw new IllegalArgumentException(model.source() + ": input '" + d.input(ModelDescriptor.Role.FEATURES).name() + "' is " + Arrays.toString(shape)
                    + " but the preprocessor config gives [batch, " + features.views() + ", " + features.chunkFrames() + ", " + features.melBins() + "]");
            }
        }
        if (d.sampleRate() != features.sampleRate()) {
            throw new IllegalArgumentException(model.source() + ": descriptor sample_rate " + d.sampleRate() + " differs from the preprocessor's " + features.sampleRate());
        }
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        this.model = model;
        this.extractor = new ClapFeatureExtractor(features);
        this.framing = framing;
        this.batchSize = batchSize;
        this.cropSeed = cropSeed;
        this.fingerprint = "onnx-audio;model=" + model.sha256().substring(0, 16) + ";descriptor=" + Integer.toHexString(d.text().hashCode())
            + ";features=" + features.describe() + ";framing=" + framing.describe() + ";seed=" + cropSeed;
    }

    /**
     * @param clip any audio clip, any rate and channel count
     * @return one row per frame (T×d)
     * @throws IllegalArgumentException for an empty clip
     * @throws OrtException             when the model fails
     */
    public FrameEmbeddings embed(AudioClip clip) throws OrtException {
        if (clip.frames() == 0) throw new IllegalArgumentException("empty audio: nothing to embed");
        int rate = extractor.config().sampleRate();
        float[] mono = Resampler.resample(clip.downmix(), rate).channel(0);
        List<float[]> pieces = frame(mono, rate);
        int d = dimension();
        double[] out = new double[pieces.size() * d];
        for (int from = 0; from < pieces.size(); from += batchSize) {
            List<ClapFeatures> batch = new ArrayList<>();
            for (int i = from; i < Math.min(pieces.size(), from + batchSize); i++) batch.add(extractor.extract(pieces.get(i), cropSeed));
            double[][] rows = run(batch);
            for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, (from + i) * d, d);
        }
        return new FrameEmbeddings(pieces.size(), d, out);
    }

    /**
     * Runs the model on precomputed features (one row per element).
     *
     * @param batch features of equal shape
     * @return one (normalised if the descriptor says so) embedding per element
     * @throws OrtException when the model fails
     */
    public double[][] run(List<ClapFeatures> batch) throws OrtException {
        ClapFeatures first = batch.get(0);
        int size = first.values().length;
        float[] input = new float[batch.size() * size];
        for (int i = 0; i < batch.size(); i++) System.arraycopy(batch.get(i).values(), 0, input, i * size, size);
        ModelDescriptor d = model.descriptor();
        String name = d.input(ModelDescriptor.Role.FEATURES).name();
        long[] shape = {batch.size(), first.views(), first.frames(), first.mels()};
        Map<String, boolean[][]> flags = new HashMap<>();
        if (d.input(ModelDescriptor.Role.IS_LONGER) != null) {
            // per clip, never the reference's "mark a random clip longer when none is": embeddings stay deterministic
            boolean[][] longer = new boolean[batch.size()][1];
            for (int i = 0; i < longer.length; i++) longer[i][0] = batch.get(i).longer();
            flags.put(d.input(ModelDescriptor.Role.IS_LONGER).name(), longer);
        }
        OnnxModel.Output output = model.run(Map.of(name, input), Map.of(), Map.of(name, shape), flags);
        return EmbeddingOutputs.rows(output, batch.size(), dimension(), model.descriptor().normalize());
    }

    private List<float[]> frame(float[] mono, int rate) {
        if (framing.mode() == AudioFraming.Mode.CLIP) return List.of(mono);
        int window = (int) Math.round(framing.windowSeconds() * rate);
        int hop = (int) Math.round(framing.hopSeconds() * rate);
        List<float[]> pieces = new ArrayList<>();
        for (int start = 0; start < mono.length; start += hop) {
            // copyOfRange zero-fills past the end: the tail window is zero-padded
            pieces.add(Arrays.copyOfRange(mono, start, start + window));
        }
        return pieces;
    }

    @Override
    public OnnxModel model() {
        return model;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }
}
