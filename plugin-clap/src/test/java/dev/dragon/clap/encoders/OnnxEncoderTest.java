package dev.dragon.clap.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import dev.dragon.api.UnsupportedModalityException;
import dev.dragon.clap.features.TestSignal;
import dev.dragon.clap.onnx.SessionSettings;
import dev.dragon.clap.onnx.TinyClap;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The general ONNX encoder over the tiny CLAP-named models of make_tiny_clap_models.py, through the same code
 * path a LAION-CLAP export takes: embeddings equal those numpy computed from the reference features and token ids.
 */
class OnnxEncoderTest {

    /** float32 inference against float64 numpy: a few float32 ulps of a unit vector. */
    static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    OnnxEncoderSettings audioSettings(String model, String framing) {
        return new OnnxEncoderSettings("clap-audio", dir.resolve(model), dir.resolve("audio.descriptor.json"),
            dir.resolve("preprocessor_config.json"), null, new SessionSettings(1, false), 3, AudioFraming.of(framing, 10, 1), 7);
    }

    OnnxEncoderSettings textSettings() {
        return new OnnxEncoderSettings("clap-text", dir.resolve("text.onnx"), dir.resolve("text.descriptor.json"), null,
            dir.resolve("tokenizer.json"), SessionSettings.defaults(), 4, AudioFraming.of("clip", 0, 0), 0);
    }

    private JsonArray json(String name) throws IOException {
        try (Reader r = Files.newBufferedReader(dir.resolve(name)); JsonReader j = Json.createReader(r)) {
            return j.readArray();
        }
    }

    private static double[] vector(JsonArray a) {
        return a.stream().mapToDouble(v -> Double.parseDouble(v.toString())).toArray();
    }

    static double maxAbsDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    @Test
    void audioEmbeddingsMatchNumpyForBothFramings() throws IOException {
        TinyClap.copyTo(dir);
        for (JsonValue v : json("expected-audio.json")) {
            JsonObject c = v.asJsonObject();
            OnnxEncoder encoder = new OnnxEncoder(audioSettings("audio.onnx", c.getString("framing")));
            try {
                FrameEmbeddings e = encoder.embedAudio(AudioClip.mono(48_000, TestSignal.of(c.getInt("samples"), 48_000)));
                JsonArray rows = c.getJsonArray("embeddings");
                assertEquals(rows.size(), e.frames());
                for (int t = 0; t < rows.size(); t++) {
                    double diff = maxAbsDiff(vector(rows.getJsonArray(t)), e.row(t));
                    assertTrue(diff < TOLERANCE, c.getString("framing") + " row " + t + ": max abs diff " + diff);
                }
            } finally {
                encoder.close();
            }
        }
    }

    @Test
    void fusedModelGetsFourViewsAndIsLongerPerClip() throws IOException {
        TinyClap.copyTo(dir);
        OnnxEncoderSettings fused = new OnnxEncoderSettings("clap-audio-fused", dir.resolve("audio-fusion.onnx"),
            dir.resolve("audio-fusion.descriptor.json"), dir.resolve("preprocessor_config.fusion.json"), null,
            SessionSettings.defaults(), 2, AudioFraming.of("clip", 0, 0), 11);
        OnnxEncoder encoder = new OnnxEncoder(fused);
        try {
            for (JsonValue v : json("expected-audio-fusion.json")) {
                JsonObject c = v.asJsonObject();
                FrameEmbeddings e = encoder.embedAudio(AudioClip.mono(48_000, TestSignal.of(c.getInt("samples"), 48_000)));
                double diff = maxAbsDiff(vector(c.getJsonArray("embeddings").getJsonArray(0)), e.row(0));
                assertTrue(diff < TOLERANCE, c.getInt("samples") + " samples, is_longer " + c.getBoolean("is_longer") + ": max abs diff " + diff);
            }
        } finally {
            encoder.close();
        }
        // the unfused preprocessing gives one view: the fused model's descriptor rejects it with one line
        IOException e = assertThrows(IOException.class, () -> new OnnxEncoder(new OnnxEncoderSettings("x", dir.resolve("audio-fusion.onnx"),
            dir.resolve("audio-fusion.descriptor.json"), dir.resolve("preprocessor_config.json"), null,
            SessionSettings.defaults(), 2, AudioFraming.of("clip", 0, 0), 11)));
        assertTrue(e.getMessage().contains("but the preprocessor config gives [batch, 1, 1001, 64]"), e.getMessage());
    }

    @Test
    void textEmbeddingsMatchNumpyInOneBatch() throws IOException {
        TinyClap.copyTo(dir);
        OnnxEncoder encoder = new OnnxEncoder(textSettings());
        try {
            List<String> texts = new ArrayList<>();
            List<double[]> expected = new ArrayList<>();
            for (JsonValue v : json("expected-text.json")) {
                texts.add(v.asJsonObject().getString("text"));
                expected.add(vector(v.asJsonObject().getJsonArray("embedding")));
            }
            double[][] batch = encoder.embedTexts(texts);
            for (int i = 0; i < texts.size(); i++) {
                double diff = maxAbsDiff(expected.get(i), batch[i]);
                assertTrue(diff < TOLERANCE, "'" + texts.get(i) + "': max abs diff " + diff);
                assertArrayEquals(batch[i], encoder.embedText(texts.get(i)), 1e-6, "batched and single agree");
            }
            assertEquals(java.util.Set.of(Modality.TEXT), encoder.modalities());
            assertThrows(UnsupportedModalityException.class, () -> encoder.embedAudio(AudioClip.mono(48_000, new float[10])));
        } finally {
            encoder.close();
        }
    }

    @Test
    void emptyAudioIsAnErrorAndShortAudioIsPadded() throws IOException {
        TinyClap.copyTo(dir);
        OnnxEncoder encoder = new OnnxEncoder(audioSettings("audio.onnx", "clip"));
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.embedAudio(AudioClip.mono(48_000, new float[0])));
            assertTrue(e.getMessage().contains("empty audio"), e.getMessage());
            // 0.1 s at 16 kHz, stereo: downmixed, resampled to 48 kHz, repeat-padded to 10 s, embedded
            float[] ch = TestSignal.of(1600, 16_000);
            FrameEmbeddings short16k = encoder.embedAudio(new AudioClip(16_000, new float[][] {ch, ch}));
            assertEquals(1, short16k.frames());
            assertTrue(short16k.allFinite());
        } finally {
            encoder.close();
        }
    }

    @Test
    void deterministicAndSafeFromSeveralThreads() throws Exception {
        TinyClap.copyTo(dir);
        OnnxEncoder encoder = new OnnxEncoder(audioSettings("audio.onnx", "windows"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            AudioClip clip = AudioClip.mono(48_000, TestSignal.of(2 * 48_000 + 100, 48_000));
            FrameEmbeddings reference = encoder.embedAudio(clip);
            List<Future<FrameEmbeddings>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) results.add(pool.submit(() -> encoder.embedAudio(clip)));
            for (Future<FrameEmbeddings> f : results) assertEquals(reference, f.get());
            assertEquals(3, reference.frames());
        } finally {
            pool.shutdown();
            encoder.close();
        }
    }

    @Test
    void pointingAtAnotherModelTakesEffectAndClosesTheOldSession() throws IOException {
        TinyClap.copyTo(dir);
        OnnxEncoder encoder = new OnnxEncoder(audioSettings("audio.onnx", "clip"));
        try {
            AudioClip clip = AudioClip.mono(48_000, TestSignal.of(48_000, 48_000));
            double[] before = encoder.embedAudio(clip).row(0);
            Embedder old = encoder.current();
            String oldFingerprint = encoder.fingerprint();
            encoder.apply(audioSettings("audio-negated.onnx", "clip"));
            assertTrue(old.model().isClosed());
            assertNotEquals(oldFingerprint, encoder.fingerprint());
            double[] after = encoder.embedAudio(clip).row(0);
            for (int i = 0; i < before.length; i++) assertEquals(-before[i], after[i], 1e-6);
            // a bad new model leaves the working one in place
            assertThrows(IOException.class, () -> encoder.apply(audioSettings("audio-1000frames.onnx", "clip")));
            assertArrayEquals(after, encoder.embedAudio(clip).row(0));
        } finally {
            encoder.close();
        }
    }
}
