package dev.dragon.diffusion.cli;

import java.io.PrintStream;
import java.util.Locale;

/** Training progress as whole lines, at most every two seconds and at the end of each phase: step, loss, ETA. */
final class StepProgress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private String phase = "";
    private long phaseStart;
    private long lastPrint;

    StepProgress(PrintStream err) {
        this.err = err;
    }

    void step(String name, int done, int total, double loss) {
        long now = System.nanoTime();
        if (!name.equals(phase)) {
            phase = name;
            phaseStart = now;
            lastPrint = now;
        }
        if (done < total && now - lastPrint < INTERVAL_NANOS) return;
        lastPrint = now;
        double elapsed = (now - phaseStart) / 1e9;
        double eta = elapsed / done * (total - done);
        err.printf(Locale.ROOT, "%s: step %d/%d (%d%%), loss %.5f, %.0fs elapsed, ETA %.0fs%n", name, done, total,
            100L * done / total, loss, elapsed, eta);
    }
}
