package dev.dragon.core.run;

import dev.dragon.core.dragon.IterationMetrics;
import dev.dragon.core.dragon.LoopListener;
import dev.dragon.core.evaluation.Evaluator;
import dev.dragon.runtime.ProgressBar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Shows a run's progress on the console and on the {@link StatusBoard}. On a terminal the current phase of the
 * current iteration (rollouts, scoring, training, checkpoint) is one redrawn progress bar; every finished iteration
 * leaves one line (status, mean reward per reward, loss, seconds, ETA of the run); evaluation phases keep their bars.
 * Without a terminal only the iteration lines and the evaluation bars are printed, so logs stay short. A paused run
 * is published as {@code "state": "paused"} with its reason (the loop's log line says the same once).
 */
public final class RunProgress implements LoopListener, Evaluator.Progress, AutoCloseable {

    private final Path folder;
    private final int iterations;
    private final StatusBoard board;
    private final BiFunction<String, Long, ProgressBar> bars;
    private final PrintStream console;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private ProgressBar bar;
    private String barKey = "";
    private int iteration;
    private int firstIteration = -1;
    private JsonObject lastReward;
    /** Why the run waits, or null while it runs. */
    private String pausedBecause;

    /**
     * @param folder      the run folder
     * @param iterations  iterations in the run
     * @param board       where to publish the state, or null
     * @param bars        makes a progress bar for a task and total ({@link ProgressBar#start} on the console)
     * @param console     where iteration lines go (stderr)
     * @param interactive true to show per-phase bars of each iteration (a terminal)
     */
    public RunProgress(Path folder, int iterations, StatusBoard board, BiFunction<String, Long, ProgressBar> bars,
                       PrintStream console, boolean interactive) {
        this.folder = folder;
        this.iterations = iterations;
        this.board = board;
        this.bars = bars;
        this.console = console;
        this.interactive = interactive;
    }

    /**
     * @param folder     the run folder
     * @param iterations iterations in the run
     * @param board      where to publish the state
     * @return progress on stderr, per-phase bars when there is a terminal
     */
    public static RunProgress onConsole(Path folder, int iterations, StatusBoard board) {
        return new RunProgress(folder, iterations, board, ProgressBar::start, System.err, ProgressBar.interactive());
    }

    @Override
    public void progress(int iteration, Phase phase, int done, int total) {
        this.iteration = iteration;
        String task = iteration == 0 ? "base checkpoint" : String.format("iteration %d/%d %s", iteration, iterations, phase.name().toLowerCase());
        publish(task, done, total);
        if (!interactive) return;
        if (!task.equals(barKey)) {
            retireBar();
            bar = bars.apply(task, (long) total);
            barKey = task;
        }
        bar.advanceTo(done);
    }

    @Override
    public void update(String phase, int done, int total) {
        String task = "evaluation " + phase;
        publish(task, done, total);
        if (!task.equals(barKey)) {
            retireBar();
            bar = bars.apply(task, (long) total);
            barKey = task;
        }
        bar.advanceTo(done);
        if (done >= total) {
            bar.close();
            bar = null;
            barKey = "";
        }
    }

    @Override
    public void iterationDone(IterationMetrics m) {
        retireBar();
        if (firstIteration < 0) firstIteration = m.iteration();
        JsonObjectBuilder r = Json.createObjectBuilder();
        m.rewards().forEach(r::add);
        lastReward = r.build();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "iteration %d/%d %s", m.iteration(), iterations, m.status()));
        m.rewards().forEach((id, v) -> line.append(String.format(Locale.ROOT, "  %s %.5g", id, v)));
        if (m.trained()) line.append(String.format(Locale.ROOT, "  loss %.4g", m.loss()));
        int done = m.iteration() - firstIteration + 1;
        double perIteration = (System.nanoTime() - started) / 1e9 / done;
        line.append(String.format(Locale.ROOT, "  %.1f s  ETA %s", m.seconds(), clock(perIteration * (iterations - m.iteration()))));
        // a skipped iteration's reason is the loop's own warning, printed just before: one line per fault, not two
        console.println(line);
        console.flush();
    }

    @Override
    public void paused(int iteration, String reason) {
        retireBar();
        this.iteration = iteration;
        pausedBecause = reason;
        publish(String.format("paused before iteration %d/%d", iteration, iterations), 0, 1);
    }

    @Override
    public void resumed(int iteration) {
        pausedBecause = null;
        publish(String.format("iteration %d/%d resumed", iteration, iterations), 0, 1);
    }

    private void publish(String task, int done, int total) {
        if (board != null) {
            board.publish(StatusBoard.state(folder, iteration, iterations, task, done + "/" + total, lastReward, pausedBecause));
        }
    }

    private void retireBar() {
        if (bar != null) bar.retire();
        bar = null;
        barKey = "";
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Finishes the console line and removes the status entry. */
    @Override
    public void close() {
        if (bar != null) bar.close();
        if (board != null) board.clear();
    }
}
