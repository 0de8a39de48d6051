package dev.dragon.api;

/** Thrown when an {@link Encoder} is asked to embed a modality it does not list in {@link Encoder#modalities()}. */
public class UnsupportedModalityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param encoderId the encoder asked
     * @param modality  what it was asked to embed
     */
    public UnsupportedModalityException(String encoderId, Modality modality) {
        super("encoder '" + encoderId + "' does not embed " + modality.name().toLowerCase());
    }
}
