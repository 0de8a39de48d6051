package dev.dragon.aesthetics.data;

import java.nio.file.Path;

/**
 * One row of a ratings file.
 *
 * @param line   its 1-based line number in the file
 * @param file   the audio file as written in the row
 * @param path   the audio file, resolved against the ratings file's folder when relative
 * @param rating the rating (higher is better), finite
 * @param prompt the prompt or group id, or null when the file has no prompt column
 */
public record RatingRow(int line, String file, Path path, double rating, String prompt) {
}
