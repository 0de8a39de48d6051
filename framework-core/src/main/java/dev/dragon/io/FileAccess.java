package dev.dragon.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How the readers and writers of this package touch the file system: whole-file reads, atomic writes. */
final class FileAccess {

    /** Writes the content of a file to a stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private FileAccess() {
    }

    /** All bytes of {@code file}; a missing file is an {@link InputFormatException} like any other bad input. */
    static byte[] readAll(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such file");
        }
    }

    /**
     * Writes to a temporary file beside {@code file}, then renames it into place: readers never see a half-written
     * file, and a failure leaves the previous file (if any) untouched.
     */
    static void writeAtomically(Path file, Content content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
