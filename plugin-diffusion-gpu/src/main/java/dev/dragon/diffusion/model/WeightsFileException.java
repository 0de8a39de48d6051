package dev.dragon.diffusion.model;

import java.io.IOException;

/** A weights file that cannot be loaded into a denoiser: its one-line message says which file and why. */
public final class WeightsFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message one line: the file and what is wrong with it */
    public WeightsFileException(String message) {
        super(message);
    }
}
