package dev.dragon.clap.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.io.InputFormatException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Token ids against those of the JavaScript port of Hugging Face tokenizers ({@code src/test/js/make_token_fixtures.mjs}):
 * MiniLM's WordPiece tokenizer.json (from the langchain4j model package) and the tiny byte-level BPE of the test CLAP.
 */
class HuggingFaceTokenizerTest {

    static String resource(String name) throws IOException {
        try (InputStream in = HuggingFaceTokenizerTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<JsonObject> cases(String name) throws IOException {
        try (JsonReader r = Json.createReader(new java.io.StringReader(resource(name)))) {
            return r.readArray().stream().map(JsonValue::asJsonObject).toList();
        }
    }

    private static void assertSameIds(HuggingFaceTokenizer tokenizer, List<JsonObject> cases) {
        for (JsonObject c : cases) {
            long[] expected = c.getJsonArray("ids").stream().mapToLong(v -> Long.parseLong(v.toString())).toArray();
            assertArrayEquals(expected, tokenizer.encode(c.getString("text"), 100_000).ids(), c.getString("text"));
        }
    }

    @Test
    void wordPieceMatchesTheReferenceIds() throws IOException {
        HuggingFaceTokenizer minilm = HuggingFaceTokenizer.parse(resource("all-minilm-l6-v2-tokenizer.json"), "minilm");
        List<JsonObject> cases = cases("minilm/token-ids.json");
        assertTrue(cases.size() >= 40);
        assertSameIds(minilm, cases);
    }

    @Test
    void byteLevelBpeMatchesTheReferenceIds() throws IOException {
        assertSameIds(HuggingFaceTokenizer.parse(resource("tiny-clap/tokenizer.json"), "tiny"), cases("tiny-clap/token-ids.json"));
    }

    @Test
    void truncatesToTheConfiguredLengthKeepingSpecialTokens() throws IOException {
        HuggingFaceTokenizer minilm = HuggingFaceTokenizer.parse(resource("all-minilm-l6-v2-tokenizer.json"), "minilm");
        assertEquals(128, minilm.configuredMaxLength());
        TokenIds ids = minilm.encode("word ".repeat(500), 0);
        assertEquals(128, ids.length());
        assertEquals(101, ids.ids()[0]);
        assertEquals(102, ids.ids()[127]);
        assertEquals(8, minilm.encode("word ".repeat(500), 8).length());
    }

    @Test
    void unsupportedPartsAreNamed() {
        String json = "{\"model\": {\"type\": \"Unigram\", \"vocab\": {}}}";
        InputFormatException e = assertThrows(InputFormatException.class, () -> HuggingFaceTokenizer.parse(json, "x/tokenizer.json"));
        assertTrue(e.getMessage().startsWith("x/tokenizer.json: ") && e.getMessage().contains("Unigram"), e.getMessage());
    }
}
