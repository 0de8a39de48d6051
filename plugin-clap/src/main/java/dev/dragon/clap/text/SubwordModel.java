package dev.dragon.clap.text;

import java.util.List;

/** Turns the pre-tokenized words of a text into vocabulary ids (WordPiece, byte-level BPE). */
interface SubwordModel {

    /**
     * @param words the text's words, in order, as the pre-tokenizer produced them
     * @return their token ids, in order
     */
    List<Integer> tokenize(List<String> words);

    /**
     * @param token a token's text
     * @return its id, or −1 when the vocabulary lacks it
     */
    int id(String token);
}
