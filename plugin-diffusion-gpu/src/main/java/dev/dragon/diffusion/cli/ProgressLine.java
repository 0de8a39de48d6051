package dev.dragon.diffusion.cli;

import dev.dragon.diffusion.corpus.CorpusBuilder;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints build progress as whole lines (logs and pipes stay readable): clips done of total, elapsed time and an
 * estimate of the time left from the rate of clips rendered so far, at most once per interval and at the end.
 */
final class ProgressLine implements CorpusBuilder.Progress {

    private final PrintStream err;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastPrint = start;

    ProgressLine(PrintStream err, long intervalNanos) {
        this.err = err;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void update(int done, int total, int skipped) {
        long now = System.nanoTime();
        if (done < total && now - lastPrint < intervalNanos) return;
        lastPrint = now;
        double elapsed = (now - start) / 1e9;
        int rendered = done - skipped;
        String eta = done == total ? "0s" : rendered == 0 ? "?" : duration(elapsed / rendered * (total - done));
        err.printf(Locale.ROOT, "corpus: %d/%d clips (%d%%)%s, %s elapsed, ETA %s%n", done, total, 100L * done / total,
            skipped > 0 ? ", " + skipped + " already present" : "", duration(elapsed), eta);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
