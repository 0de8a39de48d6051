package dev.dragon.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    @Test
    void matchesTheFipsTestVectorAndSha256sum(@TempDir Path dir) throws Exception {
        // FIPS 180-2, appendix B.1 ("abc"); the same value `printf abc | sha256sum` prints
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(abc, Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
        Path file = dir.resolve("abc.jar");
        Files.writeString(file, "abc", StandardCharsets.US_ASCII);
        assertEquals(abc, Sha256.of(file));
        // larger than one read buffer: `head -c 200000 /dev/zero | sha256sum`
        Path zeros = dir.resolve("zeros.jar");
        Files.write(zeros, new byte[200_000]);
        assertEquals("4cbbd9be0cba685835755f827758705db5a413c5494c34262cd25946a73e7582", Sha256.of(zeros));
    }

    @Test
    void recognisesHex() {
        assertTrue(Sha256.isHex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
        assertFalse(Sha256.isHex("ba7816bf"));
        assertFalse(Sha256.isHex("za7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
