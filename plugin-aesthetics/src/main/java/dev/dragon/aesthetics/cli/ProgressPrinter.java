package dev.dragon.aesthetics.cli;

import dev.dragon.aesthetics.data.RatingsEmbedder;
import java.io.PrintStream;

/** Progress of embedding a ratings file, on stderr, at most every two seconds and at the end. */
final class ProgressPrinter implements RatingsEmbedder.Progress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long last = start;

    /** @param err where progress goes */
    ProgressPrinter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(int done, int total) {
        long now = System.nanoTime();
        if (done == total || now - last >= INTERVAL_NANOS) {
            last = now;
            err.printf("embedding: %d/%d clips, %.1f s%n", done, total, (now - start) / 1e9);
        }
    }
}
