package dev.dragon.fad.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.GaussianAccumulator;
import dev.dragon.fad.GeneratedEmbeddings;
import dev.dragon.io.InputFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceStatisticsStoreTest {

    @TempDir
    Path dir;

    private static ReferenceStatistics sample(String fingerprint) {
        return new GaussianAccumulator(32, "sample").add(GeneratedEmbeddings.generate(9, 50, 32, 0.5, 0.25, 0.0), "sample").toStatistics(fingerprint, "sha256:abc");
    }

    @Test
    void reloadIsBitIdentical() throws Exception {
        ReferenceStatisticsStore store = new ReferenceStatisticsStore(dir);
        ReferenceStatistics stats = sample("clap@1");
        Path file = store.save(stats);
        ReferenceStatistics back = store.find("clap@1", "sha256:abc").orElseThrow();
        assertEquals(stats.count(), back.count());
        assertEquals(stats.encoderFingerprint(), back.encoderFingerprint());
        for (int i = 0; i < stats.covariance().length; i++) {
            assertEquals(Double.doubleToRawLongBits(stats.covariance()[i]), Double.doubleToRawLongBits(back.covariance()[i]));
        }
        for (int i = 0; i < stats.mean().length; i++) {
            assertEquals(Double.doubleToRawLongBits(stats.mean()[i]), Double.doubleToRawLongBits(back.mean()[i]));
        }
        // and writing the reloaded statistics gives the same bytes
        byte[] first = Files.readAllBytes(file);
        StatisticsFile.write(dir.resolve("again.stats"), back);
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("again.stats")));
    }

    @Test
    void anotherEncoderFingerprintMisses() throws Exception {
        ReferenceStatisticsStore store = new ReferenceStatisticsStore(dir);
        store.save(sample("clap@1"));
        assertTrue(store.find("clap@2", "sha256:abc").isEmpty());
        assertTrue(store.find("clap@1", "sha256:other").isEmpty());
        assertTrue(store.find("clap@1", "sha256:abc").isPresent());
    }

    @Test
    void damagedCacheEntryIsAMissAndIsOverwritten() throws Exception {
        ReferenceStatisticsStore store = new ReferenceStatisticsStore(dir);
        ReferenceStatistics stats = sample("clap@1");
        Path file = store.save(stats);
        Files.write(file, new byte[] {'D', 'R', 'G'});
        assertTrue(store.find("clap@1", "sha256:abc").isEmpty());
        store.save(stats);
        assertEquals(stats, store.find("clap@1", "sha256:abc").orElseThrow());
    }

    @Test
    void truncatedFileIsNamed() throws Exception {
        Path file = dir.resolve("broken.stats");
        StatisticsFile.write(file, sample("clap@1"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        var e = assertThrows(InputFormatException.class, () -> StatisticsFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": truncated"), e.getMessage());
    }

    @Test
    void foreignFileIsNamed() throws Exception {
        Path file = dir.resolve("foreign.stats");
        Files.writeString(file, "hello, this is not a statistics file");
        var e = assertThrows(InputFormatException.class, () -> StatisticsFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not a dragon statistics file"), e.getMessage());
    }
}
