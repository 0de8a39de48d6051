package dev.dragon.core.dragon;

/** Hears what the DRAGON loop is doing: console progress, the status board, tests. Every method does nothing by default. */
public interface LoopListener {

    /** The phases of an iteration, in order. */
    enum Phase {
        /** drawing the on-policy samples */
        ROLLOUTS,
        /** scoring them and building D+/D− */
        SCORING,
        /** the preference update */
        TRAINING,
        /** writing a checkpoint */
        CHECKPOINT
    }

    /**
     * Progress inside a phase.
     *
     * @param iteration the iteration (0 for the base checkpoint)
     * @param phase     the phase
     * @param done      units done
     * @param total     units in the phase
     */
    default void progress(int iteration, Phase phase, int done, int total) {
    }

    /** @param metrics what a finished iteration did */
    default void iterationDone(IterationMetrics metrics) {
    }

    /** @param iteration the iteration of a checkpoint just written */
    default void checkpointWritten(int iteration) {
    }

    /**
     * The run stopped before {@code iteration} and waits (a reward is not available, or failed too often in a row).
     *
     * @param iteration the iteration that will run when the wait ends
     * @param reason    one line saying what it waits for
     */
    default void paused(int iteration, String reason) {
    }

    /**
     * The wait is over; {@code iteration} starts now.
     *
     * @param iteration the iteration about to run
     */
    default void resumed(int iteration) {
    }
}
