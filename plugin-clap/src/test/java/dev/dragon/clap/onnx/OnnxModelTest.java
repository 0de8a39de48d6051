package dev.dragon.clap.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.io.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading checks: each bad model gives one line naming the file and the mismatch. */
class OnnxModelTest {

    @TempDir
    Path dir;

    private String loadError(String model, String descriptor) throws IOException {
        TinyClap.copyTo(dir);
        ModelDescriptor d = ModelDescriptor.load(dir.resolve(descriptor));
        InputFormatException e = assertThrows(InputFormatException.class,
            () -> OnnxModel.load(dir.resolve(model), d, SessionSettings.defaults()).close());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve(model).toString() + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void missingFile() throws IOException {
        assertTrue(loadError("nothing-here.onnx", "audio.descriptor.json").endsWith("no such model file"));
    }

    @Test
    void notOnnx() throws IOException {
        Files.writeString(dir.resolve("garbage.onnx"), "this is not a protobuf model");
        assertTrue(loadError("garbage.onnx", "audio.descriptor.json").contains("not a loadable ONNX model"));
    }

    @Test
    void inputNamesDisagree() throws IOException {
        String message = loadError("text.onnx", "audio.descriptor.json");
        assertTrue(message.contains("model inputs [attention_mask, input_ids] do not match the descriptor's [input_features]"), message);
    }

    @Test
    void inputShapeDisagrees() throws IOException {
        String message = loadError("audio-1000frames.onnx", "audio.descriptor.json");
        assertTrue(message.contains("input 'input_features' has shape [-1, 1, 1000, 64] in the model, the descriptor says [-1, 1, 1001, 64]"), message);
    }

    @Test
    void outputMissing() throws IOException {
        TinyClap.copyTo(dir);
        Files.writeString(dir.resolve("renamed.json"), Files.readString(dir.resolve("audio.descriptor.json")).replace("\"audio_embeds\"", "\"embeddings\""));
        ModelDescriptor d = ModelDescriptor.load(dir.resolve("renamed.json"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> OnnxModel.load(dir.resolve("audio.onnx"), d, SessionSettings.defaults()));
        assertTrue(e.getMessage().contains("model has no output 'embeddings' (it has [audio_embeds])"), e.getMessage());
    }

    @Test
    void badDescriptorIsNamed() throws IOException {
        Files.writeString(dir.resolve("d.json"), "{\"modality\": \"video\"}");
        InputFormatException e = assertThrows(InputFormatException.class, () -> ModelDescriptor.load(dir.resolve("d.json")));
        assertTrue(e.getMessage().startsWith(dir.resolve("d.json") + ": 'modality' cannot be 'video'"), e.getMessage());
    }

    @Test
    void goodModelLoadsWithSessionOptionsAndCloses() throws IOException {
        TinyClap.copyTo(dir);
        OnnxModel m = OnnxModel.load(dir.resolve("audio.onnx"), ModelDescriptor.load(dir.resolve("audio.descriptor.json")), new SessionSettings(1, true));
        assertEquals(8, m.descriptor().dimension());
        assertEquals(64, m.sha256().length());
        m.close();
        assertTrue(m.isClosed());
    }
}
