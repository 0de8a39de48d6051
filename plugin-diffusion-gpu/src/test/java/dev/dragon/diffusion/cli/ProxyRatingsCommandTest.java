package dev.dragon.diffusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.runtime.CommandException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dragon proxy-ratings}: a tiny set end to end, and usage errors as one line with exit code 2. */
class ProxyRatingsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesATinySetAndPrintsTheRatingsFileLast() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path out = tmp.resolve("proxy");
        int rc = new ProxyRatingsCommand().run(List.of("--out", out.toString(), "--clips", "1", "--copies", "2", "--seconds", "0.5",
            "--rate", "8000", "--threads", "1"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(out.resolve("ratings.csv").toAbsolutePath().normalize().toString(), lines[lines.length - 1]);
        assertTrue(lines[0].startsWith("3 rated clips (1 pieces)"), lines[0]);
        assertEquals(4, Files.readAllLines(out.resolve("ratings.csv")).size());
    }

    @Test
    void badOptionsAreUsageErrors() {
        ProxyRatingsCommand command = new ProxyRatingsCommand();
        for (List<String> args : List.of(List.of("--clips", "3"), List.of("--out", "x", "--copies", "19"), List.of("--out", "x", "--clips", "many"),
            List.of("--out", "x", "--bogus", "1"), List.of("--out"))) {
            CommandException e = assertThrows(CommandException.class, () -> command.run(args, System.out), args.toString());
            assertEquals(CommandException.USAGE, e.exitCode(), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
