package dev.dragon.core.dragon;

/** Which checkpoint of a finished run is evaluated and reported as the fine-tuned model. */
public enum CheckpointSelection {
    /** The last one (the paper's choice). */
    FINAL,
    /**
     * The one whose last iterations scored best on-policy (the run's own samples, so no held-out prompt is looked
     * at): it keeps a run that collapsed late from discarding its good earlier model. Rule:
     * {@code dev.dragon.core.run.BestCheckpoint}.
     */
    BEST;

    /**
     * @param text {@code final} or {@code best}, any case
     * @return the selection
     * @throws IllegalArgumentException naming the allowed values
     */
    public static CheckpointSelection parse(String text) {
        for (CheckpointSelection s : values()) {
            if (s.name().equalsIgnoreCase(text)) return s;
        }
        throw new IllegalArgumentException("unknown checkpoint selection '" + text + "' (one of: final, best)");
    }
}
