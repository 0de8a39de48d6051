package dev.dragon.clap.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.io.Npy;
import dev.dragon.io.NpyArray;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Log-mel features against the numpy/scipy reference of {@code src/test/python/make_clap_fixtures.py}: every case
 * of {@code clap-features/cases.json} (rand_trunc and fusion, long, exact and short inputs, the three padding
 * modes) within 1e-5 dB, seeded crop positions equal.
 */
class ClapFeatureExtractorTest {

    static final double TOLERANCE = 1e-5;

    static Stream<JsonObject> cases() throws IOException {
        try (InputStream in = ClapFeatureExtractorTest.class.getResourceAsStream("/clap-features/cases.json");
             JsonReader r = Json.createReader(in)) {
            return r.readArray().stream().map(JsonValue::asJsonObject).toList().stream();
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void matchesTheReferenceWithin1e5(JsonObject testCase, @TempDir Path tmp) throws IOException {
        ClapFeatureConfig config = ClapFeatureConfig.fromJson(testCase.getJsonObject("config"));
        float[] audio = TestSignal.of(testCase.getInt("samples"), config.sampleRate());
        ClapFeatures features = new ClapFeatureExtractor(config).extract(audio, testCase.getJsonNumber("seed").longValue());

        assertEquals(testCase.getInt("views"), features.views());
        assertEquals(testCase.getInt("frames"), features.frames());
        assertEquals(1001, features.frames());
        int[] expectedCrops = testCase.getJsonArray("crop_starts").getValuesAs(JsonValue.class).stream()
            .mapToInt(v -> Integer.parseInt(v.toString())).toArray();
        assertArrayEquals(expectedCrops, features.cropStarts());
        assertEquals(expectedCrops.length > 0, features.longer(), "is_longer flag");

        NpyArray expected = reference(testCase.getString("name"), tmp);
        int stride = testCase.getInt("row_stride");
        int rows = expected.shape()[1];
        int mels = expected.shape()[2];
        double maxError = 0;
        for (int v = 0; v < features.views(); v++) {
            for (int r = 0; r < rows; r++) {
                for (int m = 0; m < mels; m++) {
                    double e = expected.values()[(v * rows + r) * mels + m];
                    maxError = Math.max(maxError, Math.abs(e - features.get(v, r * stride, m)));
                }
            }
        }
        assertTrue(maxError <= TOLERANCE, testCase.getString("name") + ": max abs error " + maxError + " dB");
    }

    @Test
    void sameSeedSameFeaturesOtherSeedOtherCrop() {
        ClapFeatureConfig config = config("rand_trunc", "repeatpad");
        ClapFeatureExtractor extractor = new ClapFeatureExtractor(config);
        float[] audio = TestSignal.of(13 * 48_000, 48_000);
        ClapFeatures a = extractor.extract(audio, 3);
        assertEquals(a, extractor.extract(audio, 3));
        assertTrue(a.cropStarts()[0] != extractor.extract(audio, 4).cropStarts()[0]);
    }

    @Test
    void emptyAudioIsAnError() {
        ClapFeatureExtractor extractor = new ClapFeatureExtractor(config("rand_trunc", "repeatpad"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> extractor.extract(new float[0], 0));
        assertTrue(e.getMessage().contains("empty audio"), e.getMessage());
    }

    @Test
    void paddingModesFillAsConfigured() {
        double[] x = {1, 2, 3};
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3, 0, 0}, ClapFeatureExtractor.pad(x, 8, ClapFeatureConfig.Padding.REPEATPAD));
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3, 1, 2}, ClapFeatureExtractor.pad(x, 8, ClapFeatureConfig.Padding.REPEAT));
        assertArrayEquals(new double[] {1, 2, 3, 0, 0, 0, 0, 0}, ClapFeatureExtractor.pad(x, 8, ClapFeatureConfig.Padding.PAD));
    }

    @Test
    void configErrorsNameTheKey(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("preprocessor_config.json");
        Files.writeString(file, "{\"sampling_rate\": 48000, \"feature_size\": 64, \"fft_window_size\": 1024, \"hop_length\": 480,"
            + " \"max_length_s\": 10, \"frequency_min\": 50, \"frequency_max\": 14000, \"truncation\": \"fusion\", \"padding\": \"mirror\"}");
        IOException e = assertThrows(IOException.class, () -> ClapFeatureConfig.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("'padding'"), e.getMessage());
        assertThrows(IOException.class, () -> ClapFeatureConfig.load(tmp.resolve("missing.json")));
    }

    @Test
    void readsThePublishedUnfusedConfig() throws IOException {
        ClapFeatureConfig c;
        try (InputStream in = getClass().getResourceAsStream("/clap-features/preprocessor_config.unfused.json"); JsonReader r = Json.createReader(in)) {
            c = ClapFeatureConfig.fromJson(r.readObject());
        }
        assertEquals(480_000, c.maxSamples());
        assertEquals(1001, c.chunkFrames());
        assertEquals(ClapFeatureConfig.Truncation.RAND_TRUNC, c.truncation());
        assertEquals(50.0, c.frequencyMin());
    }

    static ClapFeatureConfig config(String truncation, String padding) {
        return ClapFeatureConfig.fromJson(Json.createObjectBuilder().add("sampling_rate", 48000).add("feature_size", 64)
            .add("fft_window_size", 1024).add("hop_length", 480).add("max_length_s", 10).add("frequency_min", 50)
            .add("frequency_max", 14000).add("truncation", truncation).add("padding", padding).build());
    }

    private static NpyArray reference(String name, Path tmp) throws IOException {
        Path copy = tmp.resolve(name + ".npy");
        try (InputStream in = ClapFeatureExtractorTest.class.getResourceAsStream("/clap-features/" + name + ".npy")) {
            Files.copy(in, copy);
        }
        return Npy.read(copy);
    }

}
