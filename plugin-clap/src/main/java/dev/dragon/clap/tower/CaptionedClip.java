package dev.dragon.clap.tower;

import java.nio.file.Path;

/**
 * One clip of a captioned corpus.
 *
 * @param id      the clip's id, e.g. {@code train-000012}
 * @param heldOut whether it belongs to the held-out split (never trained on)
 * @param audio   its WAV file
 * @param caption its caption
 */
public record CaptionedClip(String id, boolean heldOut, Path audio, String caption) {
}
