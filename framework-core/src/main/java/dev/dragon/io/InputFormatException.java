package dev.dragon.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be read as what it should be. The message is one line: the file, then the problem. */
public class InputFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file    the offending file
     * @param problem what is wrong with it, in a few words
     */
    public InputFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** @return the offending file */
    public Path file() {
        return file;
    }
}
