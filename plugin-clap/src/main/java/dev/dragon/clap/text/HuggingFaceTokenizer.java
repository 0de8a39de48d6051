package dev.dragon.clap.text;

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
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text tokenizer read from a model's own Hugging Face {@code tokenizer.json}, in pure Java. It covers what
 * sentence encoders and CLAP ship: a BERT normalizer or none; the BERT or byte-level pre-tokenizer; a WordPiece or
 * byte-level BPE model; template, BERT or RoBERTa post-processing (special tokens around one sequence); right
 * truncation. Anything else fails on load with a message naming the file and the unsupported part. Added tokens
 * written inside the text are not recognised as specials (prompts do not contain them). Immutable; thread-safe.
 */
public final class HuggingFaceTokenizer {

    private final String source;
    private final BertNormalizer normalizer;
    private final ByteLevelBpeModel byteLevel;
    private final SubwordModel model;
    private final long[] prefixIds;
    private final long[] prefixTypes;
    private final long[] suffixIds;
    private final long[] suffixTypes;
    private final long sequenceType;
    private final int padId;
    private final int configuredMaxLength;

    private HuggingFaceTokenizer(String source, BertNormalizer normalizer, ByteLevelBpeModel byteLevel, SubwordModel model,
                                 List<long[]> prefix, List<long[]> suffix, long sequenceType, int padId, int configuredMaxLength) {
        this.source = source;
        this.normalizer = normalizer;
        this.byteLevel = byteLevel;
        this.model = model;
        this.prefixIds = prefix.stream().mapToLong(p -> p[0]).toArray();
        this.prefixTypes = prefix.stream().mapToLong(p -> p[1]).toArray();
        this.suffixIds = suffix.stream().mapToLong(p -> p[0]).toArray();
        this.suffixTypes = suffix.stream().mapToLong(p -> p[1]).toArray();
        this.sequenceType = sequenceType;
        this.padId = padId;
        this.configuredMaxLength = configuredMaxLength;
    }

    /**
     * @param file a {@code tokenizer.json}
     * @return the tokenizer
     * @throws InputFormatException naming the file and what is missing or unsupported
     * @throws IOException          when it cannot be read
     */
    public static HuggingFaceTokenizer load(Path file) throws IOException {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such tokenizer file");
        }
    }

    /**
     * @param json   the {@code tokenizer.json} text
     * @param source where it came from, for messages
     * @return the tokenizer
     * @throws InputFormatException naming the source and what is missing or unsupported
     */
    public static HuggingFaceTokenizer parse(String json, String source) throws InputFormatException {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return build(r.readObject(), source);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new InputFormatException(Path.of(source), "not a usable tokenizer.json: " + e.getMessage());
        }
    }

    private static HuggingFaceTokenizer build(JsonObject o, String source) {
        BertNormalizer normalizer = null;
        JsonObject n = object(o, "normalizer");
        if (n != null) {
            if (!"BertNormalizer".equals(n.getString("type"))) throw new IllegalArgumentException("unsupported normalizer '" + n.getString("type") + "'");
            boolean lower = n.getBoolean("lowercase", true);
            JsonValue strip = n.get("strip_accents");
            boolean stripAccents = strip == null || strip == JsonValue.NULL ? lower : strip == JsonValue.TRUE;
            normalizer = new BertNormalizer(n.getBoolean("clean_text", true), n.getBoolean("handle_chinese_chars", true), stripAccents, lower);
        }
        JsonObject m = o.getJsonObject("model");
        String modelType = m.getString("type", "");
        Map<String, Integer> vocab = new HashMap<>();
        for (Map.Entry<String, JsonValue> e : m.getJsonObject("vocab").entrySet()) vocab.put(e.getKey(), ((JsonNumber) e.getValue()).intValue());
        for (JsonValue v : o.getJsonArray("added_tokens") == null ? List.<JsonValue>of() : o.getJsonArray("added_tokens")) {
            JsonObject t = v.asJsonObject();
            vocab.putIfAbsent(t.getString("content"), t.getInt("id"));
        }
        JsonObject pre = object(o, "pre_tokenizer");
        String preType = pre == null ? "" : pre.getString("type");
        SubwordModel model;
        ByteLevelBpeModel byteLevel = null;
        if (modelType.equals("WordPiece")) {
            if (!preType.equals("BertPreTokenizer")) throw new IllegalArgumentException("WordPiece needs the BertPreTokenizer, found '" + preType + "'");
            model = new WordPieceModel(vocab, m.getString("unk_token", "[UNK]"), m.getString("continuing_subword_prefix", "##"),
                m.getInt("max_input_chars_per_word", 100));
        } else if (modelType.equals("BPE")) {
            if (!preType.equals("ByteLevel")) throw new IllegalArgumentException("BPE is supported with the ByteLevel pre-tokenizer only, found '" + preType + "'");
            List<String[]> merges = new ArrayList<>();
            for (JsonValue v : m.getJsonArray("merges")) {
                if (v instanceof JsonString s) {
                    String[] parts = s.getString().split(" ", 2);
                    merges.add(parts);
                } else {
                    JsonArray pair = v.asJsonArray();
                    merges.add(new String[] {pair.getString(0), pair.getString(1)});
                }
            }
            JsonValue unk = m.get("unk_token");
            byteLevel = new ByteLevelBpeModel(vocab, merges, unk instanceof JsonString s ? s.getString() : null, pre.getBoolean("add_prefix_space", false));
            model = byteLevel;
        } else {
            throw new IllegalArgumentException("unsupported tokenizer model '" + modelType + "' (WordPiece and BPE are)");
        }

        List<long[]> prefix = new ArrayList<>();
        List<long[]> suffix = new ArrayList<>();
        long sequenceType = 0;
        JsonObject post = object(o, "post_processor");
        if (post != null) {
            switch (post.getString("type")) {
                case "TemplateProcessing" -> {
                    boolean seenSequence = false;
                    JsonObject specials = post.getJsonObject("special_tokens");
                    for (JsonValue v : post.getJsonArray("single")) {
                        JsonObject piece = v.asJsonObject();
                        if (piece.containsKey("Sequence")) {
                            seenSequence = true;
                            sequenceType = piece.getJsonObject("Sequence").getInt("type_id", 0);
                        } else {
                            JsonObject special = piece.getJsonObject("SpecialToken");
                            long type = special.getInt("type_id", 0);
                            for (JsonValue id : specials.getJsonObject(special.getString("id")).getJsonArray("ids")) {
                                (seenSequence ? suffix : prefix).add(new long[] {((JsonNumber) id).longValue(), type});
                            }
                        }
                    }
                }
                case "RobertaProcessing", "BertProcessing" -> {
                    prefix.add(new long[] {post.getJsonArray("cls").getJsonNumber(1).longValue(), 0});
                    suffix.add(new long[] {post.getJsonArray("sep").getJsonNumber(1).longValue(), 0});
                }
                default -> throw new IllegalArgumentException("unsupported post_processor '" + post.getString("type") + "'");
            }
        }
        JsonObject padding = object(o, "padding");
        int padId = padding != null ? padding.getInt("pad_id", 0) : vocab.getOrDefault("<pad>", vocab.getOrDefault("[PAD]", 0));
        JsonObject truncation = object(o, "truncation");
        int maxLength = truncation != null ? truncation.getInt("max_length", 0) : 0;
        return new HuggingFaceTokenizer(source, normalizer, byteLevel, model, prefix, suffix, sequenceType, padId, maxLength);
    }

    /**
     * Tokenizes one text, special tokens included, keeping at most {@code maxLength} ids (the text's tail is cut).
     *
     * @param text      the text
     * @param maxLength the most ids to keep; ≤ 0 takes the tokenizer's own truncation length, or no limit
     * @return the ids
     */
    public TokenIds encode(String text, int maxLength) {
        String normalized = normalizer == null ? text : normalizer.normalize(text);
        List<String> words = byteLevel != null ? byteLevel.split(normalized) : BertPreTokenizer.split(normalized);
        List<Integer> content = model.tokenize(words);
        int limit = maxLength > 0 ? maxLength : configuredMaxLength > 0 ? configuredMaxLength : Integer.MAX_VALUE;
        int keep = Math.max(0, Math.min(content.size(), limit - prefixIds.length - suffixIds.length));
        int total = prefixIds.length + keep + suffixIds.length;
        long[] ids = new long[total];
        long[] types = new long[total];
        System.arraycopy(prefixIds, 0, ids, 0, prefixIds.length);
        System.arraycopy(prefixTypes, 0, types, 0, prefixIds.length);
        for (int i = 0; i < keep; i++) {
            ids[prefixIds.length + i] = content.get(i);
            types[prefixIds.length + i] = sequenceType;
        }
        System.arraycopy(suffixIds, 0, ids, prefixIds.length + keep, suffixIds.length);
        System.arraycopy(suffixTypes, 0, types, prefixIds.length + keep, suffixIds.length);
        return new TokenIds(ids, types);
    }

    /** @return the id that pads short sequences in a batch */
    public int padId() {
        return padId;
    }

    /** @return the truncation length the tokenizer.json sets, or 0 when it sets none */
    public int configuredMaxLength() {
        return configuredMaxLength;
    }

    /** @return where it was read from */
    public String source() {
        return source;
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonObject obj ? obj : null;
    }
}
