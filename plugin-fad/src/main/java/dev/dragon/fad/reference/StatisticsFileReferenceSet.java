package dev.dragon.fad.reference;

import dev.dragon.api.Encoder;
import dev.dragon.api.ReferenceStatistics;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reference statistics computed elsewhere and saved as a {@link StatisticsFile}. They must come from the same
 * encoder version: a fingerprint other than the configured encoder's is an error, not a silent mismatch.
 */
public final class StatisticsFileReferenceSet implements ReferenceSet {

    private final Path file;

    /** @param file a statistics file */
    public StatisticsFileReferenceSet(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return "reference statistics " + file;
    }

    @Override
    public String contentHash() throws IOException {
        return StatisticsFile.read(file).referenceHash();
    }

    @Override
    public ReferenceStatistics compute(Encoder encoder, String contentHash) throws IOException {
        ReferenceStatistics stats = StatisticsFile.read(file);
        if (!stats.encoderFingerprint().equals(encoder.fingerprint())) {
            throw new IllegalArgumentException(describe() + ": made with encoder fingerprint '" + stats.encoderFingerprint()
                + "', but the configured encoder '" + encoder.id() + "' has '" + encoder.fingerprint() + "'");
        }
        if (stats.dimension() != encoder.dimension()) {
            throw new IllegalArgumentException(describe() + ": dimension " + stats.dimension() + ", encoder '" + encoder.id() + "' has " + encoder.dimension());
        }
        return stats;
    }

    @Override
    public boolean isPrecomputed() {
        return true;
    }
}
