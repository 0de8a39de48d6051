package dev.dragon.diffusion.corpus;

import java.util.Locale;

/** Which part of the corpus a clip belongs to. */
public enum Split {
    /** Clips the base model, the audio tower and the aesthetics proxy train on. */
    TRAIN,
    /** Clips (and their captions as prompts) from attribute combinations the training split never contains. */
    HELDOUT;

    /** @return the name used in files, e.g. {@code train} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
