package dev.dragon.clap.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level BPE as GPT-2 and RoBERTa (hence CLAP's text tower) use it: the GPT-2 split pattern cuts the text
 * into words, each word's UTF-8 bytes are spelled with printable stand-in characters, and the ranked merges join
 * adjacent symbols, lowest rank first, until none applies.
 */
final class ByteLevelBpeModel implements SubwordModel {

    private static final Pattern GPT2_SPLIT = Pattern.compile(
        "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final char[] BYTE_TO_CHAR = byteAlphabet();

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> mergeRanks;
    private final Integer unknownId;
    private final boolean addPrefixSpace;

    ByteLevelBpeModel(Map<String, Integer> vocab, List<String[]> merges, String unknownToken, boolean addPrefixSpace) {
        this.vocab = vocab;
        this.mergeRanks = new HashMap<>();
        for (int i = 0; i < merges.size(); i++) mergeRanks.putIfAbsent(merges.get(i)[0] + ' ' + merges.get(i)[1], i);
        this.unknownId = unknownToken == null ? null : vocab.get(unknownToken);
        this.addPrefixSpace = addPrefixSpace;
    }

    /** Splits a text into byte-level words (the pre-tokenizer's job for this model). */
    List<String> split(String text) {
        String s = addPrefixSpace && !text.startsWith(" ") ? " " + text : text;
        List<String> words = new ArrayList<>();
        Matcher m = GPT2_SPLIT.matcher(s);
        while (m.find()) {
            StringBuilder mapped = new StringBuilder();
            for (byte b : m.group().getBytes(StandardCharsets.UTF_8)) mapped.append(BYTE_TO_CHAR[b & 0xFF]);
            words.add(mapped.toString());
        }
        return words;
    }

    @Override
    public List<Integer> tokenize(List<String> words) {
        List<Integer> ids = new ArrayList<>();
        for (String word : words) {
            for (String symbol : merge(word)) {
                Integer id = vocab.get(symbol);
                if (id == null) id = unknownId;
                if (id == null) throw new IllegalArgumentException("token '" + symbol + "' is not in the vocabulary and there is no unknown token");
                ids.add(id);
            }
        }
        return ids;
    }

    private List<String> merge(String word) {
        List<String> symbols = new ArrayList<>();
        word.codePoints().forEach(c -> symbols.add(new String(Character.toChars(c))));
        while (symbols.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            int best = -1;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = mergeRanks.get(symbols.get(i) + ' ' + symbols.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    best = i;
                }
            }
            if (best < 0) break;
            String left = symbols.get(best);
            String right = symbols.get(best + 1);
            List<String> merged = new ArrayList<>(symbols.size());
            for (int i = 0; i < symbols.size(); i++) {
                if (i + 1 < symbols.size() && symbols.get(i).equals(left) && symbols.get(i + 1).equals(right)) {
                    merged.add(left + right);
                    i++;
                } else {
                    merged.add(symbols.get(i));
                }
            }
            symbols.clear();
            symbols.addAll(merged);
        }
        return symbols;
    }

    @Override
    public int id(String token) {
        return vocab.getOrDefault(token, -1);
    }

    /** GPT-2's table: printable Latin-1 bytes stand for themselves, the other bytes for code points from 256 up. */
    private static char[] byteAlphabet() {
        char[] table = new char[256];
        int next = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            table[b] = printable ? (char) b : (char) (256 + next++);
        }
        return table;
    }
}
