package dev.dragon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress bar with a hand-driven clock: ETA arithmetic, plain lines at every tenth, one redrawn line on a terminal. */
class ProgressBarTest {

    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void etaFollowsTheRateSoFar() {
        ProgressBar bar = new ProgressBar("rollouts", 40, out, false, now::get);
        now.set(10_000_000_000L);
        bar.advanceTo(10);
        assertEquals(30.0, bar.etaSeconds(), 1e-9);
        assertEquals("rollouts [######------------------] 10/40  25% ETA 0:30", bar.line());
        now.set(20_000_000_000L);
        bar.advance(30);
        assertEquals("rollouts [########################] 40/40 100% done in 0:20", bar.line());
    }

    @Test
    void plainModePrintsWholeLinesAtEachTenth() {
        try (ProgressBar bar = new ProgressBar("scoring", 100, out, false, now::get)) {
            for (int i = 0; i <= 100; i++) bar.advanceTo(i);
        }
        String[] lines = text().split("\n");
        assertEquals(11, lines.length, text());
        assertTrue(lines[0].startsWith("scoring [") && lines[0].contains(" 0/100 "), lines[0]);
        assertTrue(lines[10].contains("100/100 100% done in 0:00"), lines[10]);
        assertTrue(!text().contains("\r"));
    }

    @Test
    void terminalModeRedrawsOneLineAndEndsIt() {
        try (ProgressBar bar = new ProgressBar("training", 3, out, true, now::get)) {
            bar.advanceTo(0);
            now.addAndGet(200_000_000L);
            bar.advanceTo(1);
            now.addAndGet(10_000_000L); // within the redraw interval: not drawn
            bar.advanceTo(2);
            now.addAndGet(200_000_000L);
            bar.advanceTo(3);
        }
        String t = text();
        assertEquals(1, t.chars().filter(c -> c == '\n').count(), t);
        assertTrue(t.endsWith("\n"));
        assertEquals(4, t.chars().filter(c -> c == '\r').count(), t);
        assertTrue(!t.contains(" 2/3 "), "throttled redraw skipped");
    }

    @Test
    void retireBlanksTheLineOnATerminalAndPrintsNothingOtherwise() {
        ProgressBar tty = new ProgressBar("scoring", 2, out, true, now::get);
        tty.advanceTo(1);
        tty.retire();
        String t = text();
        assertTrue(t.endsWith("\r"), t);
        assertEquals(0, t.chars().filter(c -> c == '\n').count());
        bytes.reset();
        ProgressBar plain = new ProgressBar("scoring", 2, out, false, now::get);
        plain.retire();
        plain.close();
        assertEquals("", text());
    }
}
