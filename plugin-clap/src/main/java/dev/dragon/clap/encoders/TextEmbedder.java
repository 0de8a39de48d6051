package dev.dragon.clap.encoders;

import ai.onnxruntime.OrtException;
import dev.dragon.clap.onnx.ModelDescriptor;
import dev.dragon.clap.onnx.ModelDescriptor.Role;
import dev.dragon.clap.onnx.OnnxModel;
import dev.dragon.clap.text.HuggingFaceTokenizer;
import dev.dragon.clap.text.TokenIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text tower: the model's own tokenizer, batches padded to their longest text (or the model's fixed length),
 * pooling as the descriptor says (none, masked mean, first token), L2 normalisation. Thread-safe.
 */
public final class TextEmbedder implements Embedder {

    private final OnnxModel model;
    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;
    private final long fixedLength;
    private final int batchSize;
    private final String fingerprint;

    /**
     * @param model         a text model (descriptor modality text)
     * @param tokenizer     its tokenizer
     * @param tokenizerHash a hash of the tokenizer file, for the fingerprint
     * @param batchSize     texts per model run, ≥ 1
     */
    public TextEmbedder(OnnxModel model, HuggingFaceTokenizer tokenizer, String tokenizerHash, int batchSize) {
        ModelDescriptor d = model.descriptor();
        if (d.modality() != ModelDescriptor.Modality.TEXT) throw new IllegalArgumentException(model.source() + ": the descriptor is not for a text model");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        this.model = model;
        this.tokenizer = tokenizer;
        long fixed = model.fixedSequenceLength();
        this.fixedLength = fixed;
        this.maxLength = fixed > 0 ? (int) fixed : d.maxLength() > 0 ? d.maxLength() : tokenizer.configuredMaxLength() > 0 ? tokenizer.configuredMaxLength() : 512;
        this.batchSize = batchSize;
        this.fingerprint = "onnx-text;model=" + model.sha256().substring(0, 16) + ";descriptor=" + Integer.toHexString(d.text().hashCode())
            + ";tokenizer=" + tokenizerHash + ";max_length=" + maxLength;
    }

    /**
     * @param texts the texts
     * @return one embedding per text, in order
     * @throws OrtException when the model fails
     */
    public double[][] embed(List<String> texts) throws OrtException {
        double[][] out = new double[texts.size()][];
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            double[][] rows = runBatch(batch);
            System.arraycopy(rows, 0, out, from, rows.length);
        }
        return out;
    }

    private double[][] runBatch(List<String> texts) throws OrtException {
        List<TokenIds> encoded = new ArrayList<>();
        int longest = 1;
        for (String t : texts) {
            TokenIds ids = tokenizer.encode(t, maxLength);
            encoded.add(ids);
            longest = Math.max(longest, ids.length());
        }
        int tokens = fixedLength > 0 ? (int) fixedLength : longest;
        int b = texts.size();
        long[] ids = new long[b * tokens];
        long[] mask = new long[b * tokens];
        long[] types = new long[b * tokens];
        java.util.Arrays.fill(ids, tokenizer.padId());
        for (int i = 0; i < b; i++) {
            TokenIds t = encoded.get(i);
            for (int j = 0; j < t.length(); j++) {
                ids[i * tokens + j] = t.ids()[j];
                types[i * tokens + j] = t.typeIds()[j];
                mask[i * tokens + j] = 1;
            }
        }
        ModelDescriptor d = model.descriptor();
        Map<String, long[]> inputs = new HashMap<>();
        Map<String, long[]> shapes = new HashMap<>();
        long[] shape = {b, tokens};
        inputs.put(d.input(Role.INPUT_IDS).name(), ids);
        inputs.put(d.input(Role.ATTENTION_MASK).name(), mask);
        if (d.input(Role.TOKEN_TYPE_IDS) != null) inputs.put(d.input(Role.TOKEN_TYPE_IDS).name(), types);
        for (String name : inputs.keySet()) shapes.put(name, shape);
        OnnxModel.Output output = model.run(Map.of(), inputs, shapes);
        if (d.pooling() == ModelDescriptor.Pooling.NONE) return EmbeddingOutputs.rows(output, b, dimension(), d.normalize());
        return EmbeddingOutputs.pooled(output, mask, b, tokens, dimension(), d.pooling(), d.normalize());
    }

    /** @return the tokenizer */
    public HuggingFaceTokenizer tokenizer() {
        return tokenizer;
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
