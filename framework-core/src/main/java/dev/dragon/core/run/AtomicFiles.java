package dev.dragon.core.run;

import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Writes files so that a crash leaves the old content or the new, never a torn file: temp file, then rename. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * @param file where to write (its folder is created)
     * @param text the content, UTF-8
     * @throws IOException when it cannot be written
     */
    public static void writeText(Path file, String text) throws IOException {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param file  where to write (its folder is created)
     * @param bytes the content
     * @throws IOException when it cannot be written
     */
    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @param file where to write
     * @param json the document, pretty-printed
     * @throws IOException when it cannot be written
     */
    public static void writeJson(Path file, JsonStructure json) throws IOException {
        writeText(file, pretty(json));
    }

    /** @return the document pretty-printed, ending in a newline */
    public static String pretty(JsonStructure json) {
        StringWriter out = new StringWriter();
        jakarta.json.Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(json);
        return out.toString().strip() + "\n";
    }

    /**
     * Renames {@code from} to {@code to} atomically where the file system can (replacing {@code to}).
     *
     * @throws IOException when it cannot be moved
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
