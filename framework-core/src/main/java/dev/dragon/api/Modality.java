package dev.dragon.api;

/** What an {@link Encoder} can embed. A cross-modal encoder (CLAP) embeds both into one space. */
public enum Modality {
    /** Waveforms, as {@link AudioClip}s. */
    AUDIO,
    /** Natural-language text such as prompts or captions. */
    TEXT
}
