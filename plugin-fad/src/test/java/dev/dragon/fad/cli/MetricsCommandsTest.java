package dev.dragon.fad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.io.Npy;
import dev.dragon.io.NpyArray;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandsTest {

    @TempDir
    Path tmp;

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(MetricsCommandsTest.class.getResource("/dev/dragon/fad/" + name).toURI()).toString();
    }

    private static double expected(String key) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MetricsCommandsTest.class.getResourceAsStream("/dev/dragon/fad/expected.properties")) {
            p.load(in);
        }
        return Double.parseDouble(p.getProperty(key));
    }

    /** Runs a command and returns its last output line, which must be the value alone. */
    private static double lastLineValue(Subcommand command, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, command.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        return Double.parseDouble(lines[lines.length - 1]);
    }

    private static void assertRelative(double expected, double actual) {
        assertTrue(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected), "expected " + expected + ", got " + actual);
    }

    @Test
    void fadPrintsTheDistanceAlone() throws Exception {
        assertRelative(expected("dataset.small"), lastLineValue(new FadCommand(), "--a", fixture("a-small.npy"), "--b", fixture("b-small.npy")));
    }

    @Test
    void fadPerSongPrintsTheDistanceAlone() throws Exception {
        assertRelative(expected("song.short"), lastLineValue(new FadPerSongCommand(), "--song", fixture("song-short.npy"), "--ref", fixture("b-small.npy")));
    }

    @Test
    void fadInfinityPrintsTheInterceptLast() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new FadInfinityCommand().run(List.of("--a", fixture("a-small.npy"), "--b", fixture("b-small.npy"), "--points", "4"),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(5, lines.length);
        // the last subset is the whole set: its FAD is the plain one
        assertRelative(expected("dataset.small"), Double.parseDouble(lines[3].substring(lines[3].indexOf("fad=") + 4)));
        assertTrue(Double.isFinite(Double.parseDouble(lines[4])));
    }

    @Test
    void statisticsFileWrittenFromEmbeddingsReloads() throws Exception {
        Path out = tmp.resolve("ref.stats");
        new FadStatisticsCommand().run(List.of("--x", fixture("b-small.npy"), "--fingerprint", "clap@1", "--out", out.toString()),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        var stats = dev.dragon.fad.reference.StatisticsFile.read(out);
        assertEquals("clap@1", stats.encoderFingerprint());
        assertEquals(50, stats.count());
        assertEquals(8, stats.dimension());
    }

    @Test
    void nanRowNamesTheFile() throws Exception {
        Path bad = tmp.resolve("bad.npy");
        double[] v = new double[16];
        v[7] = Double.NaN;
        Npy.write(bad, new NpyArray(new int[] {4, 4}, v, false));
        var e = assertThrows(CommandException.class, () -> new FadCommand().run(List.of("--a", bad.toString(), "--b", fixture("b-small.npy")), System.out));
        assertTrue(e.getMessage().startsWith(bad + ": row 1 holds NaN"), e.getMessage());
    }

    @Test
    void dimensionMismatchNamesTheFile() throws Exception {
        Path narrow = tmp.resolve("narrow.npy");
        Npy.write(narrow, new NpyArray(new int[] {4, 3}, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 2}, false));
        var e = assertThrows(CommandException.class, () -> new FadCommand().run(List.of("--a", fixture("a-small.npy"), "--b", narrow.toString()), System.out));
        assertTrue(e.getMessage().startsWith(narrow + ": dimension mismatch"), e.getMessage());
    }

    @Test
    void singleFrameSongNamesTheFile() throws Exception {
        Path one = tmp.resolve("one.npy");
        Npy.write(one, new NpyArray(new int[] {1, 8}, new double[8], false));
        var e = assertThrows(CommandException.class, () -> new FadPerSongCommand().run(List.of("--song", one.toString(), "--ref", fixture("b-small.npy")), System.out));
        assertTrue(e.getMessage().startsWith(one + ": only 1 frame"), e.getMessage());
    }

    @Test
    void missingFileNamesTheFile() {
        var e = assertThrows(CommandException.class, () -> new FadCommand().run(List.of("--a", "/nope/a.npy", "--b", "/nope/b.npy"), System.out));
        assertTrue(e.getMessage().startsWith("/nope/a.npy: no such file"), e.getMessage());
    }

    @Test
    void unknownOptionIsAUsageError() {
        var e = assertThrows(CommandException.class, () -> new FadCommand().run(List.of("--c", "x"), System.out));
        assertEquals(CommandException.USAGE, e.exitCode());
    }
}
