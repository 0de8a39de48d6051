package dev.dragon.clap.text;

import java.util.Arrays;

/**
 * One text as a model reads it: token ids with the special tokens around them, and segment ids (all 0 for one
 * sentence). The attention mask is 1 for every id held here; padding is added when a batch is built.
 *
 * @param ids     token ids
 * @param typeIds segment ids, as many as {@code ids}
 */
public record TokenIds(long[] ids, long[] typeIds) {

    /** Checks the lengths agree. */
    public TokenIds {
        if (ids.length != typeIds.length) throw new IllegalArgumentException("ids and type ids differ in length");
    }

    /** @return the number of tokens */
    public int length() {
        return ids.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenIds t && Arrays.equals(t.ids, ids) && Arrays.equals(t.typeIds, typeIds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "TokenIds" + Arrays.toString(ids);
    }
}
