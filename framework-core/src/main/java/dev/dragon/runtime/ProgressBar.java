package dev.dragon.runtime;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A console progress bar with an estimate of the time left, for long phases (rollouts, scoring, training,
 * evaluation, corpus rendering). On a terminal it redraws one line on stderr; otherwise (pipes, logs, CI) it prints
 * a plain line at every tenth of the work and at the end, so logs stay short and readable.
 *
 * <p>Not thread-safe: one phase, one owner. Close it (try-with-resources) to finish the line.
 */
public final class ProgressBar implements AutoCloseable {

    /** Environment variable that forces a mode: {@code tty} (redrawn line) or {@code plain} (whole lines). */
    public static final String MODE_VARIABLE = "DRAGON_PROGRESS";

    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final String task;
    private final long total;
    private final PrintStream out;
    private final boolean redraw;
    private final LongSupplier clock;
    private final long start;
    private long done;
    private long lastDraw = Long.MIN_VALUE;
    private int lastTenth = -1;
    private int lastLength;
    private boolean closed;

    /**
     * @param task   what is being done, e.g. {@code rollouts}
     * @param total  units of work, at least 1
     * @param out    where to draw (stderr)
     * @param redraw true to redraw one line ({@code \r}), false for plain lines
     * @param clock  nanosecond clock (tests pass their own)
     */
    public ProgressBar(String task, long total, PrintStream out, boolean redraw, LongSupplier clock) {
        this.task = task;
        this.total = Math.max(1, total);
        this.out = out;
        this.redraw = redraw;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /**
     * A bar on stderr, redrawn when the process has a terminal (or {@value #MODE_VARIABLE}{@code =tty}).
     *
     * @param task  what is being done
     * @param total units of work
     * @return the bar, drawn at 0
     */
    public static ProgressBar start(String task, long total) {
        ProgressBar bar = new ProgressBar(task, total, System.err, interactive(), System::nanoTime);
        bar.advanceTo(0);
        return bar;
    }

    /**
     * @return true when bars should redraw one line: the process has a terminal, or {@value #MODE_VARIABLE} is
     * {@code tty} ({@code plain} forces whole lines)
     */
    public static boolean interactive() {
        String mode = System.getenv(MODE_VARIABLE);
        return mode != null ? mode.equalsIgnoreCase("tty") : System.console() != null;
    }

    /** @param units more units done */
    public void advance(long units) {
        advanceTo(done + units);
    }

    /** @param units units done so far (clamped to the total) */
    public void advanceTo(long units) {
        done = Math.max(0, Math.min(total, units));
        long now = clock.getAsLong();
        if (redraw) {
            if (done < total && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) return;
            lastDraw = now;
            String line = line(now);
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            out.flush();
        } else {
            int tenth = (int) (10 * done / total);
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            out.println(line(now));
            out.flush();
        }
    }

    /** @return units done */
    public long done() {
        return done;
    }

    /** @return units in total */
    public long total() {
        return total;
    }

    /** @return seconds left at the rate so far, NaN before any unit is done */
    public double etaSeconds() {
        if (done == 0) return Double.NaN;
        double elapsed = (clock.getAsLong() - start) / 1e9;
        return elapsed / done * (total - done);
    }

    /** @return the line as it would be drawn now, e.g. {@code rollouts [######------] 12/48  25% 0:07 left} */
    public String line() {
        return line(clock.getAsLong());
    }

    private String line(long now) {
        int filled = (int) (BAR_WIDTH * done / total);
        double elapsed = (now - start) / 1e9;
        String eta = done == total ? "done in " + clockTime(elapsed) : done == 0 ? "ETA ?" : "ETA " + clockTime(elapsed / done * (total - done));
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %3d%% %s", task, "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
            done, total, 100 * done / total, eta);
    }

    private static String clockTime(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * Ends the bar without leaving a line behind: on a terminal its line is blanked (the next bar or message takes
     * its place); in plain mode nothing more is printed. For short phases whose completion is reported otherwise.
     */
    public void retire() {
        if (closed) return;
        closed = true;
        if (redraw && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
        }
    }

    /** Draws the final state and ends the line. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (redraw) {
            lastDraw = Long.MIN_VALUE;
            String line = line(clock.getAsLong());
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) + "\n");
            out.flush();
        } else if (lastTenth != (int) (10 * done / total)) {
            out.println(line(clock.getAsLong()));
        }
    }
}
