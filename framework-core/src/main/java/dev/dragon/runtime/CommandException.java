package dev.dragon.runtime;

/**
 * A failure the user can act on: the command line prints its message as one line on stderr (no stack trace
 * unless {@code --verbose}) and exits with {@link #exitCode()}.
 */
public class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Exit code for bad usage (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** Exit code for a failure while running (bad input file, missing plugin). */
    public static final int FAILURE = 1;

    private final int exitCode;

    /**
     * @param message  one line saying what is wrong
     * @param exitCode the process exit code
     */
    public CommandException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** @param message one line saying what is wrong; exit code {@link #FAILURE} */
    public CommandException(String message) {
        this(message, FAILURE);
    }

    /**
     * @param message one line saying what went wrong
     * @return a usage error (exit code {@link #USAGE})
     */
    public static CommandException usage(String message) {
        return new CommandException(message, USAGE);
    }

    /** @return the process exit code */
    public int exitCode() {
        return exitCode;
    }
}
