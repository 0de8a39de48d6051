package dev.dragon.clap.features;

import dev.dragon.io.InputFormatException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The parameters of a CLAP model's audio preprocessing, read from its Hugging Face {@code preprocessor_config.json}
 * (never hard-coded: the hub's configs and the library defaults differ).
 *
 * @param sampleRate     {@code sampling_rate}, Hz (48 000 for CLAP)
 * @param melBins        {@code feature_size}, number of mel filters (64)
 * @param fftSize        {@code fft_window_size}, window and FFT length (1024)
 * @param hopLength      {@code hop_length}, samples between frames (480)
 * @param maxLengthSeconds {@code max_length_s}, the model's input length in seconds (10)
 * @param frequencyMin   {@code frequency_min}, lowest mel edge in Hz
 * @param frequencyMax   {@code frequency_max}, highest mel edge in Hz
 * @param padding        {@code padding}: how audio shorter than the input length is filled
 * @param truncation     {@code truncation}: how longer audio is cut, and which mel scale applies
 */
public record ClapFeatureConfig(int sampleRate, int melBins, int fftSize, int hopLength, double maxLengthSeconds,
                                double frequencyMin, double frequencyMax, Padding padding, Truncation truncation) {

    /** How audio shorter than the model's input is filled. */
    public enum Padding {
        /** Tile the clip as many whole times as fit, then zero-pad the rest. */
        REPEATPAD,
        /** Tile the clip one time more than fits, then cut to length. */
        REPEAT,
        /** Zero-pad. */
        PAD
    }

    /** How audio longer than the model's input is handled; also selects the mel scale. */
    public enum Truncation {
        /** One seeded crop of the waveform; Slaney mel scale and area normalisation. */
        RAND_TRUNC,
        /** Four views (time-shrunk whole plus three seeded crops of the mel); HTK mel scale, no normalisation. */
        FUSION
    }

    /** Checks that the parameters describe a usable STFT and mel bank. */
    public ClapFeatureConfig {
        if (sampleRate <= 0 || melBins <= 0 || fftSize < 2 || hopLength <= 0 || !(maxLengthSeconds > 0)) {
            throw new IllegalArgumentException("sampling_rate, feature_size, fft_window_size, hop_length and max_length_s must be positive");
        }
        if (!(frequencyMin >= 0) || !(frequencyMax > frequencyMin) || frequencyMax > sampleRate / 2.0) {
            throw new IllegalArgumentException("need 0 <= frequency_min < frequency_max <= sampling_rate/2, got "
                + frequencyMin + " and " + frequencyMax);
        }
    }

    /** @return the model's input length in samples ({@code max_length_s · sampling_rate}) */
    public int maxSamples() {
        return (int) Math.round(maxLengthSeconds * sampleRate);
    }

    /** @return frames per view: {@code 1 + maxSamples / hop_length} (1001 for CLAP; the config's nb_max_frames is stale) */
    public int chunkFrames() {
        return maxSamples() / hopLength + 1;
    }

    /** @return the number of views in the output: 4 for fusion, otherwise 1 */
    public int views() {
        return truncation == Truncation.FUSION ? 4 : 1;
    }

    /** @return a short stable description for encoder fingerprints */
    public String describe() {
        return String.format(Locale.ROOT, "sr=%d mels=%d fft=%d hop=%d len=%s fmin=%s fmax=%s pad=%s trunc=%s",
            sampleRate, melBins, fftSize, hopLength, maxLengthSeconds, frequencyMin, frequencyMax,
            padding.name().toLowerCase(Locale.ROOT), truncation.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Reads a {@code preprocessor_config.json}.
     *
     * @param file the file
     * @return its parameters
     * @throws InputFormatException naming the file and the missing or bad key
     * @throws IOException          when it cannot be read
     */
    public static ClapFeatureConfig load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file); JsonReader json = Json.createReader(r)) {
            return fromJson(json.readObject());
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such file");
        } catch (JsonException | ClassCastException e) {
            throw new InputFormatException(file, "not a JSON object: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(file, e.getMessage());
        }
    }

    /**
     * Reads the parameters from a parsed preprocessor config.
     *
     * @param o the JSON object
     * @return its parameters
     * @throws IllegalArgumentException naming the missing or bad key
     */
    public static ClapFeatureConfig fromJson(JsonObject o) {
        int fft = intValue(o, "fft_window_size", o.containsKey("fft_window_size") ? null : intValue(o, "n_fft", null));
        return new ClapFeatureConfig(
            intValue(o, "sampling_rate", null),
            intValue(o, "feature_size", null),
            fft,
            intValue(o, "hop_length", null),
            number(o, "max_length_s"),
            number(o, "frequency_min"),
            number(o, "frequency_max"),
            padding(string(o, "padding", "repeatpad")),
            truncation(string(o, "truncation", "fusion")));
    }

    private static Padding padding(String value) {
        return switch (value) {
            case "repeatpad" -> Padding.REPEATPAD;
            case "repeat" -> Padding.REPEAT;
            case "pad" -> Padding.PAD;
            default -> throw new IllegalArgumentException("'padding' must be repeatpad, repeat or pad, got '" + value + "'");
        };
    }

    private static Truncation truncation(String value) {
        return switch (value) {
            case "rand_trunc" -> Truncation.RAND_TRUNC;
            case "fusion" -> Truncation.FUSION;
            default -> throw new IllegalArgumentException("'truncation' must be rand_trunc or fusion, got '" + value + "'");
        };
    }

    private static double number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonNumber n)) throw new IllegalArgumentException("missing or non-numeric '" + key + "'");
        return n.doubleValue();
    }

    private static int intValue(JsonObject o, String key, Integer fallback) {
        JsonValue v = o.get(key);
        if (v == null && fallback != null) return fallback;
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) throw new IllegalArgumentException("missing or non-integer '" + key + "'");
        return n.intValueExact();
    }

    private static String string(JsonObject o, String key, String fallback) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) return fallback;
        if (!(v instanceof JsonString s)) throw new IllegalArgumentException("'" + key + "' must be a string");
        return s.getString();
    }
}
