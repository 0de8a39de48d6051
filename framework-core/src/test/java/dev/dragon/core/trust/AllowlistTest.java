package dev.dragon.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowlistTest {

    static final String A = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    static final String B = "4cbbd9be0cba685835755f827758705db5a413c5494c34262cd25946a73e7582";

    @Test
    void valuesMaySplitOnCommasAndSpacesAndAreLowerCased() {
        assertEquals(Set.of(A, B), Allowlist.fromValues(new String[] {A.toUpperCase() + ", " + B}));
        assertEquals(Set.of(A, B), Allowlist.fromValues(new String[] {"[\"" + A + "\", \"" + B + "\"]"}));
        assertEquals(Set.of(A), Allowlist.fromValues(new String[] {A, "", " "}));
        assertEquals(Set.of(), Allowlist.fromValues(null));
    }

    @Test
    void aValueThatIsNoHashIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Allowlist.fromValues(new String[] {A + ",3a5f"}));
        assertEquals("allow: '3a5f' is not a SHA-256 (64 hex digits)", e.getMessage());
    }

    @Test
    void readsSha256sumOutputWithCommentsAndBinaryMarks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("allowlist.txt");
        Files.write(file, List.of("# vetted plugins", "", A + "  plugins/foo.jar", B.toUpperCase() + " *bar.jar"));
        assertEquals(Set.of(A, B), Allowlist.fromFile(file));
    }

    @Test
    void aBadLineIsNamedWithFileAndLineNumber(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("allowlist.txt");
        Files.write(file, List.of(A + "  foo.jar", "foo.jar  " + A));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Allowlist.fromFile(file));
        assertEquals(file + ": line 2: 'foo.jar' is not a SHA-256 (expected 'HEX  NAME' as sha256sum prints it)", e.getMessage());
    }

    @Test
    void aMissingFileIsOneLineNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("missing.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Allowlist.fromFile(file));
        assertEquals(file + ": cannot read the allowlist (NoSuchFileException: " + file + ")", e.getMessage());
    }
}
