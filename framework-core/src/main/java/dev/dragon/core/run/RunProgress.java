package dev.dragon.core.run;

import dev.dragon.core.dragon.IterationMetrics;
import dev.dragon.core.dragon.LoopListener;
import dev.dragon.core.evaluation.Evaluator;
import dev.dragon.runtime.ProgressBar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Shows a run's progress: a console progress bar per phase (rollouts, scoring, training, checkpoint, evaluation)
 * and the run's entry on the {@link StatusBoard}.
 */
public final class RunProgress implements LoopListener, Evaluator.Progress, AutoCloseable {

    private final Path folder;
    private final int iterations;
    private final StatusBoard board;
    private final BiFunction<String, Long, ProgressBar> bars;
    private ProgressBar bar;
    private String barKey = "";
    private int iteration;
    private JsonObject lastReward;

    /**
     * @param folder     the run folder
     * @param iterations iterations in the run
     * @param board      where to publish the state, or null
     * @param bars       makes a progress bar for a task and total ({@link ProgressBar#start} on the console)
     */
    public RunProgress(Path folder, int iterations, StatusBoard board, BiFunction<String, Long, ProgressBar> bars) {
        this.folder = folder;
        this.iterations = iterations;
        this.board = board;
        this.bars = bars;
    }

    @Override
    public void progress(int iteration, Phase phase, int done, int total) {
        this.iteration = iteration;
        String task = String.format("iteration %d/%d %s", iteration, iterations, phase.name().toLowerCase());
        if (phase == Phase.CHECKPOINT && iteration == 0) task = "base checkpoint";
        show(task, done, total);
    }

    @Override
    public void update(String phase, int done, int total) {
        show("evaluation " + phase, done, total);
    }

    private void show(String task, int done, int total) {
        if (!task.equals(barKey)) {
            if (bar != null) bar.close();
            bar = bars.apply(task, (long) total);
            barKey = task;
        }
        bar.advanceTo(done);
        if (board != null) board.publish(StatusBoard.state(folder, iteration, iterations, task, done + "/" + total, lastReward));
        if (done >= total) {
            bar.close();
            bar = null;
            barKey = "";
        }
    }

    @Override
    public void iterationDone(IterationMetrics metrics) {
        JsonObjectBuilder r = Json.createObjectBuilder();
        metrics.rewards().forEach(r::add);
        lastReward = r.build();
    }

    /** Finishes the console line and removes the status entry. */
    @Override
    public void close() {
        if (bar != null) bar.close();
        if (board != null) board.clear();
    }
}
