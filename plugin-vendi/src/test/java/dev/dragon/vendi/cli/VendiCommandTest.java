package dev.dragon.vendi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.runtime.CommandException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class VendiCommandTest {

    private static String fixture() throws Exception {
        return Path.of(VendiCommandTest.class.getResource("/dev/dragon/vendi/x-small.npy").toURI()).toString();
    }

    private static double run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, new VendiCommand().run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        return Double.parseDouble(lines[lines.length - 1]);
    }

    @Test
    void printsTheScoreAloneWithOrderOneByDefault() throws Exception {
        Properties p = new Properties();
        try (InputStream in = VendiCommandTest.class.getResourceAsStream("/dev/dragon/vendi/expected.properties")) {
            p.load(in);
        }
        double expected = Double.parseDouble(p.getProperty("x-small.q1"));
        double actual = run("--x", fixture());
        assertTrue(Math.abs(actual - expected) <= 1e-9 * expected, "expected " + expected + ", got " + actual);
        assertEquals(actual, run("--x", fixture(), "--q", "1"));
    }

    @Test
    void infinityOrderIsAccepted() throws Exception {
        assertTrue(run("--x", fixture(), "--q", "inf") <= run("--x", fixture(), "--q", "2"));
    }

    @Test
    void badOrderIsAUsageError() {
        var e = assertThrows(CommandException.class, () -> new VendiCommand().run(List.of("--x", "x.npy", "--q", "-1"), System.out));
        assertEquals(CommandException.USAGE, e.exitCode());
    }

    @Test
    void missingFileNamesTheFile() {
        var e = assertThrows(CommandException.class, () -> new VendiCommand().run(List.of("--x", "/nope/x.npy"), System.out));
        assertTrue(e.getMessage().startsWith("/nope/x.npy: no such file"), e.getMessage());
    }
}
