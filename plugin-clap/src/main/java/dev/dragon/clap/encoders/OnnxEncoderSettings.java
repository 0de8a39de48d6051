package dev.dragon.clap.encoders;

import dev.dragon.clap.features.ClapFeatureConfig;
import dev.dragon.clap.onnx.ModelDescriptor;
import dev.dragon.clap.onnx.OnnxModel;
import dev.dragon.clap.onnx.SessionSettings;
import dev.dragon.clap.text.HuggingFaceTokenizer;
import dev.dragon.io.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Everything an {@link OnnxEncoder} is configured with: the model file and its descriptor, plus the preprocessor
 * config (audio) or the tokenizer (text), and how to run.
 *
 * @param id                 the encoder id
 * @param model              the {@code .onnx} file
 * @param descriptor         its JSON descriptor
 * @param preprocessorConfig CLAP's {@code preprocessor_config.json} (audio models)
 * @param tokenizer          the model's {@code tokenizer.json} (text models)
 * @param session            ONNX Runtime options
 * @param batchSize          examples per model run
 * @param framing            how clips become rows (audio)
 * @param cropSeed           seed of CLAP's crops (audio)
 */
public record OnnxEncoderSettings(String id, Path model, Path descriptor, Path preprocessorConfig, Path tokenizer,
                                  SessionSettings session, int batchSize, AudioFraming framing, long cropSeed) {

    /**
     * Loads and checks everything; nothing is left open when it fails.
     *
     * @return the ready embedder
     * @throws IOException naming the file and the problem
     */
    public Embedder load() throws IOException {
        ModelDescriptor d = ModelDescriptor.load(descriptor);
        if (d.modality() == ModelDescriptor.Modality.AUDIO) {
            if (preprocessorConfig == null) throw new InputFormatException(descriptor, "an audio model needs a preprocessor config (preprocessorConfigPath)");
            ClapFeatureConfig features = ClapFeatureConfig.load(preprocessorConfig);
            OnnxModel m = OnnxModel.load(model, d, session);
            try {
                return new AudioEmbedder(m, features, framing, batchSize, cropSeed);
            } catch (IllegalArgumentException e) {
                m.close();
                throw new InputFormatException(model, e.getMessage().replace(model + ": ", ""));
            }
        }
        if (tokenizer == null) throw new InputFormatException(descriptor, "a text model needs a tokenizer.json (tokenizerPath)");
        HuggingFaceTokenizer t = HuggingFaceTokenizer.load(tokenizer);
        OnnxModel m = OnnxModel.load(model, d, session);
        try {
            return new TextEmbedder(m, t, sha256(Files.readAllBytes(tokenizer)).substring(0, 16), batchSize);
        } catch (IllegalArgumentException e) {
            m.close();
            throw new InputFormatException(model, e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
