package dev.dragon.clap.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WordPiece: each word becomes the longest vocabulary prefix, then the longest "##"-prefixed continuations; a
 * word that cannot be covered (or is too long) becomes the unknown token as a whole.
 */
final class WordPieceModel implements SubwordModel {

    private final Map<String, Integer> vocab;
    private final int unknownId;
    private final String continuationPrefix;
    private final int maxCharsPerWord;

    WordPieceModel(Map<String, Integer> vocab, String unknownToken, String continuationPrefix, int maxCharsPerWord) {
        this.vocab = vocab;
        Integer unk = vocab.get(unknownToken);
        if (unk == null) throw new IllegalArgumentException("the vocabulary lacks the unknown token '" + unknownToken + "'");
        this.unknownId = unk;
        this.continuationPrefix = continuationPrefix;
        this.maxCharsPerWord = maxCharsPerWord;
    }

    @Override
    public List<Integer> tokenize(List<String> words) {
        List<Integer> ids = new ArrayList<>();
        for (String word : words) ids.addAll(word(word));
        return ids;
    }

    private List<Integer> word(String word) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > maxCharsPerWord) return List.of(unknownId);
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < cps.length) {
            int end = cps.length;
            Integer found = null;
            while (start < end) {
                String piece = new String(cps, start, end - start);
                if (start > 0) piece = continuationPrefix + piece;
                found = vocab.get(piece);
                if (found != null) break;
                end--;
            }
            if (found == null) return List.of(unknownId);
            pieces.add(found);
            start = end;
        }
        return pieces;
    }

    @Override
    public int id(String token) {
        return vocab.getOrDefault(token, -1);
    }
}
