package dev.dragon.core.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What the trust policy knows of one bundle from a watched folder: its file and that file's SHA-256 taken when the
 * bundle was installed or updated (or why it could not be taken).
 *
 * @param file     the jar file the bundle was installed from
 * @param sha256   its SHA-256 in hex, or {@code null} when unreadable
 * @param problem  why no hash could be taken, or {@code null}
 */
record Assessment(Path file, String sha256, String problem) {

    /** Reads and hashes the file now. */
    static Assessment of(Path file) {
        if (Files.isDirectory(file)) {
            return new Assessment(file, null, "it is a folder, and only jar files can be allowlisted");
        }
        try {
            return new Assessment(file, Sha256.of(file), null);
        } catch (NoSuchFileException e) {
            return new Assessment(file, null, "the file is gone, so its SHA-256 cannot be checked");
        } catch (IOException e) {
            return new Assessment(file, null, "cannot read it to compute its SHA-256 (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
