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

class CorpusCommandTest {

    @TempDir
    Path folder;

    private final CorpusCommand command = new CorpusCommand();

    @Test
    void buildsACorpusAndPrintsTheFolderLast() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path out = folder.resolve("corpus");
        int code = command.run(List.of("--out", out.toString(), "--clips", "3", "--heldout", "1", "--seed", "9", "--threads", "1"),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(out.toAbsolutePath().normalize().toString(), lines[lines.length - 1]);
        assertTrue(Files.isRegularFile(out.resolve("audio/heldout-000000.wav")));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"seed\": 9,"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--clips", "5"), List.of("--out", "x", "--clips", "many"),
            List.of("--out", "x", "--bogus", "1"), List.of("--out", "x", "--clips", "0", "--heldout", "0"),
            List.of("--out", "x", "--seconds", "0"), List.of("--out"))) {
            CommandException e = assertThrows(CommandException.class, () -> command.run(args, System.out), args.toString());
            assertEquals(CommandException.USAGE, e.exitCode(), args.toString());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void anOutputPathThatIsAFileIsAOneLineFailure() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        CommandException e = assertThrows(CommandException.class, () -> command.run(List.of("--out", file.toString()), System.out));
        assertEquals(CommandException.FAILURE, e.exitCode());
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("not a folder"), e.getMessage());
    }

    @Test
    void aSoundFont3IsRefusedByItsVersionNotItsName() throws Exception {
        byte[] header = "RIFF\0\0\0\0sfbkLIST\0\0\0\0INFOifil\4\0\0\0\3\0\1\0".getBytes(StandardCharsets.ISO_8859_1);
        Path font = Files.write(folder.resolve("compressed.sf2"), header);
        CommandException e = assertThrows(CommandException.class,
            () -> command.run(List.of("--out", folder.resolve("c").toString(), "--soundfont", font.toString()), System.out));
        assertEquals(CommandException.FAILURE, e.exitCode());
        assertTrue(e.getMessage().contains("SoundFont 3"), e.getMessage());
    }

    @Test
    void aMissingSoundfontIsAOneLineFailure() {
        for (String font : List.of("/nonexistent/bank.sf2", "/nonexistent/bank.sf3")) {
            CommandException e = assertThrows(CommandException.class,
                () -> command.run(List.of("--out", folder.toString(), "--soundfont", font), System.out));
            assertEquals(CommandException.FAILURE, e.exitCode());
            assertTrue(e.getMessage().contains(font), e.getMessage());
        }
    }
}
