package dev.dragon.clap.encoders;

import java.util.Locale;

/**
 * How a clip becomes rows of embeddings. {@code WINDOWS}: windows of {@code windowSeconds} every
 * {@code hopSeconds}, starting at 0 while the start lies inside the clip, each zero-padded at its tail (the
 * common FAD toolkit convention: 10 s every 1 s). {@code CLIP}: one row from the whole clip, cropped or padded as
 * the model's preprocessor config says (the usual CLAP clip embedding).
 *
 * @param mode          windows or whole clip
 * @param windowSeconds window length in seconds (WINDOWS only)
 * @param hopSeconds    window step in seconds (WINDOWS only)
 */
public record AudioFraming(Mode mode, double windowSeconds, double hopSeconds) {

    /** The two framings. */
    public enum Mode {
        /** Fixed windows at a fixed step, tail zero-padded. */
        WINDOWS,
        /** The whole clip as one example. */
        CLIP
    }

    /** Checks the window and step. */
    public AudioFraming {
        if (mode == Mode.WINDOWS && (!(windowSeconds > 0) || !(hopSeconds > 0))) {
            throw new IllegalArgumentException("windowSeconds and hopSeconds must be positive");
        }
    }

    /**
     * @param name "windows" or "clip"
     * @param windowSeconds window length
     * @param hopSeconds window step
     * @return the framing
     */
    public static AudioFraming of(String name, double windowSeconds, double hopSeconds) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "windows" -> new AudioFraming(Mode.WINDOWS, windowSeconds, hopSeconds);
            case "clip" -> new AudioFraming(Mode.CLIP, 0, 0);
            default -> throw new IllegalArgumentException("framing must be 'windows' or 'clip', got '" + name + "'");
        };
    }

    /** @return a short description for fingerprints */
    public String describe() {
        return mode == Mode.CLIP ? "clip" : "windows " + windowSeconds + "s/" + hopSeconds + "s";
    }
}
