package dev.dragon.runtime;

import java.io.PrintStream;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@code dragon} subcommand, registered as a service by whichever bundle implements it. The command line picks
 * the service whose {@link #name()} matches the longest run of leading arguments ({@code metrics fad} before
 * {@code metrics}) and hands it the rest.
 */
@ConsumerType
public interface Subcommand {

    /** Service property carrying {@link #name()}. */
    String NAME = "dragon.command";

    /** @return the words that select this command, e.g. {@code plugins} or {@code metrics fad} */
    String name();

    /** @return one line for the command overview */
    String summary();

    /** @return the usage line(s), e.g. {@code dragon metrics fad --a A.npy --b B.npy} */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param out  where results go (stdout); diagnostics go to the log
     * @return the process exit code
     * @throws CommandException for failures the user can act on (one line)
     * @throws Exception        for anything else (reported as one line too, with a stack trace under --verbose)
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
