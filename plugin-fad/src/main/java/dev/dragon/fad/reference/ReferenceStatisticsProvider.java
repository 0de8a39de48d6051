package dev.dragon.fad.reference;

import dev.dragon.api.Encoder;
import dev.dragon.api.ReferenceStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Gives a reward the reference statistics for its current encoder: from memory when the encoder is unchanged,
 * else from the {@link ReferenceStatisticsStore}, else computed (and saved). Thread-safe; the set's content is
 * hashed once per encoder fingerprint, so edits to the reference files take effect on reconfiguration.
 */
public final class ReferenceStatisticsProvider {

    private final ReferenceSet set;
    private final ReferenceStatisticsStore store;
    private ReferenceStatistics current;

    /**
     * @param set   the reference set
     * @param store the cache
     */
    public ReferenceStatisticsProvider(ReferenceSet set, ReferenceStatisticsStore store) {
        this.set = set;
        this.store = store;
    }

    /** @return the reference set */
    public ReferenceSet set() {
        return set;
    }

    /**
     * @param encoder the encoder the reward uses now
     * @return statistics made with exactly that encoder's fingerprint
     * @throws UncheckedIOException when the set or the cache cannot be read
     */
    public synchronized ReferenceStatistics statisticsFor(Encoder encoder) {
        String fingerprint = encoder.fingerprint();
        if (current != null && current.encoderFingerprint().equals(fingerprint)) return current;
        try {
            if (set.isPrecomputed()) {
                current = set.compute(encoder, null);
                return current;
            }
            String hash = set.contentHash();
            Optional<ReferenceStatistics> cached = store.find(fingerprint, hash);
            if (cached.isPresent()) {
                current = cached.get();
            } else {
                current = set.compute(encoder, hash);
                store.save(current);
            }
            return current;
        } catch (IOException e) {
            throw new UncheckedIOException(set.describe() + ": " + e.getMessage(), e);
        }
    }
}
