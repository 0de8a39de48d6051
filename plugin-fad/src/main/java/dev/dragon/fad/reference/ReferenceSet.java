package dev.dragon.fad.reference;

import dev.dragon.api.Encoder;
import dev.dragon.api.ReferenceStatistics;
import java.io.IOException;

/** Where a FAD reward's reference distribution comes from: audio files, captions, or a statistics file. */
public interface ReferenceSet {

    /** @return how to name this set in messages, e.g. {@code reference audio /data/refs} */
    String describe();

    /**
     * @return a hash of everything that determines the statistics for a given encoder (file names and bytes,
     *         caption text): the cache key's second half
     * @throws IOException when the set cannot be read
     */
    String contentHash() throws IOException;

    /**
     * Computes the statistics from scratch.
     *
     * @param encoder     embeds the set
     * @param contentHash {@link #contentHash()}, already computed by the caller
     * @return statistics carrying the encoder's fingerprint and the content hash
     * @throws IOException when the set cannot be read
     */
    ReferenceStatistics compute(Encoder encoder, String contentHash) throws IOException;

    /** @return true when the statistics are stored already and need no cache */
    default boolean isPrecomputed() {
        return false;
    }
}
