package dev.dragon.clap.onnx;

import dev.dragon.io.InputFormatException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an ONNX encoder model takes and gives, from a small JSON file beside it, e.g.
 * <pre>{@code
 * {"modality": "audio", "sample_rate": 48000,
 *  "inputs": [{"name": "input_features", "role": "features", "shape": [-1, 1, 1001, 64]}],
 *  "output": {"name": "audio_embeds", "shape": [-1, 512]}, "pooling": "none", "normalize": true}
 * }</pre>
 * A dimension of −1 is free (batch, sequence length). Audio models may add an {@code is_longer} input (fused CLAP
 * checkpoints). Text models list {@code input_ids}, {@code attention_mask} and optionally {@code token_type_ids}
 * inputs with those roles, and may give {@code max_length}.
 *
 * @param modality   what the model embeds
 * @param inputs     every model input, by role
 * @param output     the output that carries the embeddings
 * @param sampleRate the audio rate the model expects (audio only; 0 for text)
 * @param maxLength  the longest token sequence (text only; 0 = take the tokenizer's)
 * @param pooling    how the output becomes one vector per example
 * @param normalize  L2-normalise the embeddings
 * @param text       the descriptor's own JSON text (for fingerprints)
 */
public record ModelDescriptor(Modality modality, List<TensorSpec> inputs, TensorSpec output, int sampleRate, int maxLength,
                              Pooling pooling, boolean normalize, String text) {

    /** What a model embeds. */
    public enum Modality {
        /** Audio, through CLAP features. */
        AUDIO,
        /** Text, through a tokenizer. */
        TEXT
    }

    /** What an input carries. */
    public enum Role {
        /** float32 audio features ([B, views, frames, mels] for CLAP). */
        FEATURES,
        /** int64 token ids [B, T]. */
        INPUT_IDS,
        /** int64 attention mask [B, T]: 1 for tokens, 0 for padding. */
        ATTENTION_MASK,
        /** int64 segment ids [B, T], all 0 for one sentence. */
        TOKEN_TYPE_IDS,
        /** bool [B, 1]: the clip was longer than the model's input (fused CLAP checkpoints take it). */
        IS_LONGER
    }

    /** How the output becomes one vector per example. */
    public enum Pooling {
        /** The output already is [B, D]. */
        NONE,
        /** Mean over the tokens of [B, T, D] where the attention mask is 1. */
        MEAN,
        /** The first token of [B, T, D]. */
        CLS
    }

    /**
     * One named tensor.
     *
     * @param name  its name in the graph
     * @param role  what it carries (inputs only; null for the output)
     * @param shape its dimensions, −1 where free
     */
    public record TensorSpec(String name, Role role, long[] shape) {
        /** @return the shape as written in descriptors, e.g. {@code [-1, 1, 1001, 64]} */
        public String describeShape() {
            return Arrays.toString(shape);
        }
    }

    /** @return the input with that role, or null */
    public TensorSpec input(Role role) {
        for (TensorSpec s : inputs) if (s.role() == role) return s;
        return null;
    }

    /**
     * Reads a descriptor file.
     *
     * @param file the JSON file
     * @return the descriptor
     * @throws InputFormatException naming the file and what is missing or wrong
     * @throws IOException          when it cannot be read
     */
    public static ModelDescriptor load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such descriptor file");
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(file, e.getMessage());
        }
    }

    /**
     * @param json the descriptor's JSON text
     * @return the descriptor
     * @throws IllegalArgumentException saying what is missing or wrong
     */
    public static ModelDescriptor parse(String json) {
        try {
            return parseObject(json);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("a value has the wrong type or is missing (" + e.getMessage() + ")");
        }
    }

    private static ModelDescriptor parseObject(String json) {
        JsonObject o;
        try (Reader r = new StringReader(json); JsonReader reader = Json.createReader(r)) {
            o = reader.readObject();
        } catch (JsonException | IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage());
        }
        Modality modality = enumValue(Modality.class, string(o, "modality", null), "modality");
        JsonArray inputArray = o.get("inputs") instanceof JsonArray a ? a : null;
        if (inputArray == null || inputArray.isEmpty()) throw new IllegalArgumentException("'inputs' must be a non-empty array");
        List<TensorSpec> inputs = new ArrayList<>();
        for (JsonValue v : inputArray) {
            if (!(v instanceof JsonObject in)) throw new IllegalArgumentException("each of 'inputs' must be an object");
            inputs.add(new TensorSpec(string(in, "name", null), enumValue(Role.class, string(in, "role", null), "role"), shape(in)));
        }
        if (!(o.get("output") instanceof JsonObject out)) throw new IllegalArgumentException("'output' must be an object with name and shape");
        TensorSpec output = new TensorSpec(string(out, "name", null), null, shape(out));
        Pooling pooling = enumValue(Pooling.class, string(o, "pooling", "none"), "pooling");
        boolean normalize = !o.containsKey("normalize") || o.getBoolean("normalize");
        int sampleRate = intValue(o, "sample_rate", 0);
        int maxLength = intValue(o, "max_length", 0);
        ModelDescriptor d = new ModelDescriptor(modality, List.copyOf(inputs), output, sampleRate, maxLength, pooling, normalize, json.strip());
        d.check();
        return d;
    }

    private void check() {
        if (modality == Modality.AUDIO) {
            if (sampleRate <= 0) throw new IllegalArgumentException("an audio descriptor needs a positive 'sample_rate'");
            TensorSpec features = input(Role.FEATURES);
            if (features == null || inputs.stream().filter(s -> s.role() == Role.FEATURES).count() != 1) {
                throw new IllegalArgumentException("an audio model takes exactly one input with role 'features'");
            }
            for (TensorSpec s : inputs) {
                if (s.role() != Role.FEATURES && s.role() != Role.IS_LONGER) {
                    throw new IllegalArgumentException("an audio model takes 'features' and optionally 'is_longer', not '" + s.role().name().toLowerCase(Locale.ROOT) + "'");
                }
            }
            if (features.shape().length != 4) throw new IllegalArgumentException("the features input must be 4-D [batch, views, frames, mels]");
            TensorSpec longer = input(Role.IS_LONGER);
            if (longer != null && longer.shape().length != 2) throw new IllegalArgumentException("the is_longer input must be 2-D [batch, 1]");
        } else {
            if (input(Role.INPUT_IDS) == null || input(Role.ATTENTION_MASK) == null) {
                throw new IllegalArgumentException("a text model needs inputs with roles 'input_ids' and 'attention_mask'");
            }
            for (TensorSpec s : inputs) {
                if (s.role() == Role.FEATURES || s.role() == Role.IS_LONGER) {
                    throw new IllegalArgumentException("a text model has no '" + s.role().name().toLowerCase(Locale.ROOT) + "' input");
                }
                if (s.shape().length != 2) throw new IllegalArgumentException("token input '" + s.name() + "' must be 2-D [batch, tokens]");
            }
        }
        int expectedRank = pooling == Pooling.NONE ? 2 : 3;
        if (output.shape().length != expectedRank) {
            throw new IllegalArgumentException("output '" + output.name() + "' must be " + expectedRank + "-D with pooling " + pooling.name().toLowerCase(Locale.ROOT));
        }
        if (output.shape()[expectedRank - 1] <= 0) throw new IllegalArgumentException("output '" + output.name() + "' needs a fixed embedding dimension");
    }

    /** @return d, the embedding dimension */
    public int dimension() {
        return (int) output.shape()[output.shape().length - 1];
    }

    private static long[] shape(JsonObject o) {
        if (!(o.get("shape") instanceof JsonArray a) || a.isEmpty()) throw new IllegalArgumentException("'" + o.getString("name", "?") + "' needs a non-empty 'shape'");
        long[] shape = new long[a.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(a.get(i) instanceof JsonNumber n) || !n.isIntegral() || (n.longValue() < 1 && n.longValue() != -1)) {
                throw new IllegalArgumentException("shape of '" + o.getString("name", "?") + "' must hold positive integers or -1");
            }
            shape[i] = n.longValue();
        }
        return shape;
    }

    private static String string(JsonObject o, String key, String fallback) {
        JsonValue v = o.get(key);
        if (v == null && fallback != null) return fallback;
        if (!(v instanceof JsonString s)) throw new IllegalArgumentException("missing or non-string '" + key + "'");
        return s.getString();
    }

    private static int intValue(JsonObject o, String key, int fallback) {
        JsonValue v = o.get(key);
        if (v == null) return fallback;
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) throw new IllegalArgumentException("'" + key + "' must be an integer");
        return n.intValueExact();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "' cannot be '" + value + "' (one of "
                + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ")");
        }
    }
}
