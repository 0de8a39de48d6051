package dev.dragon.fad.reference;

import dev.dragon.api.ReferenceStatistics;
import dev.dragon.io.InputFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A folder of {@link StatisticsFile}s keyed by (encoder fingerprint, reference-set content hash): statistics of a
 * large reference set are computed once per encoder version and reloaded bit-identically afterwards. A changed
 * encoder fingerprint or changed reference content is a different key, hence a miss.
 */
public final class ReferenceStatisticsStore {

    private final Path directory;

    /** @param directory the cache folder; created on the first save */
    public ReferenceStatisticsStore(Path directory) {
        this.directory = directory;
    }

    /** @return the cache folder */
    public Path directory() {
        return directory;
    }

    /**
     * @param encoderFingerprint the encoder's fingerprint
     * @param referenceHash      the reference set's content hash
     * @return the cached statistics, or empty on a miss — a damaged cache file (truncated by a crash, say) is a
     *         miss too, so that it is recomputed and overwritten instead of failing every reward that needs it
     * @throws IOException when a cached file exists but cannot be read at all
     */
    public Optional<ReferenceStatistics> find(String encoderFingerprint, String referenceHash) throws IOException {
        Path file = fileFor(encoderFingerprint, referenceHash);
        if (!Files.isRegularFile(file)) return Optional.empty();
        ReferenceStatistics stats;
        try {
            stats = StatisticsFile.read(file);
        } catch (InputFormatException damaged) {
            return Optional.empty();
        }
        // the file name is a digest: check the key itself, so that a collision can never serve wrong statistics
        boolean same = stats.encoderFingerprint().equals(encoderFingerprint) && stats.referenceHash().equals(referenceHash);
        return same ? Optional.of(stats) : Optional.empty();
    }

    /**
     * @param stats statistics to keep, under their own fingerprint and hash
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public Path save(ReferenceStatistics stats) throws IOException {
        Path file = fileFor(stats.encoderFingerprint(), stats.referenceHash());
        StatisticsFile.write(file, stats);
        return file;
    }

    /**
     * @param encoderFingerprint the encoder's fingerprint
     * @param referenceHash      the reference set's content hash
     * @return where statistics under that key live
     */
    public Path fileFor(String encoderFingerprint, String referenceHash) {
        return directory.resolve(sha256(encoderFingerprint + '\n' + referenceHash) + ".stats");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
