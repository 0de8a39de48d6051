package dev.dragon.api;

import java.util.Objects;

/**
 * A text condition for generation.
 *
 * @param id   a stable identifier, unique within a prompt set (used to pair samples and in reports)
 * @param text the prompt itself
 */
public record Prompt(String id, String text) {
    /** Checks that both parts are present. */
    public Prompt {
        Objects.requireNonNull(id, "prompt id");
        Objects.requireNonNull(text, "prompt text");
    }
}
