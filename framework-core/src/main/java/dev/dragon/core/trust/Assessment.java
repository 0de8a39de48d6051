package dev.dragon.core.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What the trust policy knows of one bundle: for a bundle from a watched folder, its file and that file's SHA-256
 * taken when the bundle was installed or updated (or why it could not be taken); for a bundle of the profile that
 * was updated at runtime (FileInstall updates an installed bundle of the same name and version instead of installing
 * a dropped jar), its symbolic name, since its new content has no file the gate could hash.
 *
 * @param file      the jar file the bundle was installed from, or {@code null} for a replaced profile bundle
 * @param sha256    its SHA-256 in hex, or {@code null} when unknown
 * @param problem   why no hash could be taken, or {@code null}
 * @param replaced  the symbolic name of a profile bundle replaced at runtime, or {@code null}
 */
record Assessment(Path file, String sha256, String problem, String replaced) {

    Assessment(Path file, String sha256, String problem) {
        this(file, sha256, problem, null);
    }

    /** A bundle of the profile whose content was replaced at runtime. */
    static Assessment replacedProfileBundle(String symbolicName) {
        return new Assessment(null, null, "its content was replaced at runtime", symbolicName);
    }

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
