package dev.dragon.aesthetics.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.aesthetics.TestEncoder;
import dev.dragon.io.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model folder: exact round trip, provenance kept, damage and a foreign encoder refused with one line. */
class ModelFolderTest {

    @TempDir
    Path tmp;

    private AestheticsModel trained() {
        RatedEmbeddings data = AestheticsTrainerTest.synthetic(10, 4, false, 21);
        return new AestheticsTrainer(HyperparameterGrid.standard()).train(data, 3, "test-audio", "test v1", "r.csv");
    }

    @Test
    void roundTripReproducesPredictionsBitForBit() throws IOException {
        AestheticsModel model = trained();
        Path folder = tmp.resolve("model");
        ModelFolder.write(folder, model);
        AestheticsModel back = ModelFolder.load(folder, TestEncoder.standard().withDimension(6));
        RatedEmbeddings probe = AestheticsTrainerTest.synthetic(3, 3, false, 5);
        assertArrayEquals(model.predict(probe.rows(), probe.size()), back.predict(probe.rows(), probe.size()), 0);
        assertEquals(model.kernel(), back.kernel());
        assertEquals(model.provenance(), back.provenance());
        String json = Files.readString(folder.resolve(ModelFolder.MODEL_FILE));
        assertTrue(json.contains("\"fingerprint\": \"test v1\"") && json.contains("\"sha256\": \"hash-21\""), json);
    }

    @Test
    void anEncoderWithAnotherFingerprintIsRefusedWithOneLine() throws IOException {
        Path folder = tmp.resolve("model");
        ModelFolder.write(folder, trained());
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> ModelFolder.load(folder, new TestEncoder("test-audio", "test v2").withDimension(6)));
        assertEquals(folder + ": trained on encoder 'test-audio' with fingerprint test v1, but encoder 'test-audio' has fingerprint "
            + "test v2: retrain the model with this encoder", e.getMessage());
    }

    @Test
    void damagedOrMissingFilesAreRefused() throws IOException {
        Path folder = tmp.resolve("model");
        ModelFolder.write(folder, trained());
        byte[] alpha = Files.readAllBytes(folder.resolve(ModelFolder.ALPHA_FILE));
        alpha[alpha.length - 1] ^= 1;
        Files.write(folder.resolve(ModelFolder.ALPHA_FILE), alpha);
        InputFormatException damaged = assertThrows(InputFormatException.class, () -> ModelFolder.read(folder));
        assertEquals(folder.resolve(ModelFolder.ALPHA_FILE) + ": content does not match the SHA-256 in model.json (damaged, or from another model)",
            damaged.getMessage());
        Files.delete(folder.resolve(ModelFolder.MODEL_FILE));
        InputFormatException missing = assertThrows(InputFormatException.class, () -> ModelFolder.read(folder));
        assertEquals(folder.resolve(ModelFolder.MODEL_FILE) + ": no such file (not an aesthetics model folder)", missing.getMessage());
        assertThrows(InputFormatException.class, () -> ModelFolder.read(tmp.resolve("nowhere")));
        Files.writeString(folder.resolve(ModelFolder.MODEL_FILE), "{\"format\": \"other\"}");
        assertTrue(assertThrows(InputFormatException.class, () -> ModelFolder.read(folder)).getMessage().contains("format 'other'"));
    }
}
