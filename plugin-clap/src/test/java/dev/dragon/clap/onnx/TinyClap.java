package dev.dragon.clap.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the tiny CLAP test files (from make_tiny_clap_models.py) out of the test resources into a folder. */
public final class TinyClap {

    private TinyClap() {
    }

    /**
     * @param dir a folder
     * @return {@code dir}, now holding the tiny models, descriptors, preprocessor config and tokenizer
     * @throws IOException when a resource is missing
     */
    public static Path copyTo(Path dir) throws IOException {
        for (String name : new String[] {"audio.onnx", "audio-1000frames.onnx", "audio-negated.onnx", "text.onnx", "audio.descriptor.json",
            "text.descriptor.json", "preprocessor_config.json", "tokenizer.json", "expected-audio.json", "expected-text.json",
            "audio-fusion.onnx", "audio-fusion.descriptor.json", "preprocessor_config.fusion.json", "expected-audio-fusion.json"}) {
            try (InputStream in = TinyClap.class.getResourceAsStream("/tiny-clap/" + name)) {
                if (in == null) throw new IOException("missing test resource tiny-clap/" + name);
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir;
    }
}
