package dev.dragon.fad.cli;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.PerSongFrechetDistance;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** {@code dragon metrics fad-per-song --song S.npy --ref R.npy}: one clip's frames against a reference set. */
@Component(property = Subcommand.NAME + "=" + FadPerSongCommand.NAME)
public class FadPerSongCommand implements Subcommand {

    static final String NAME = "metrics fad-per-song";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "per-song Fréchet distance: one clip's frame embeddings against a reference set";
    }

    @Override
    public String usage() {
        return "dragon metrics fad-per-song --song S.npy --ref R.npy   (rows = frames/examples, columns = dimensions)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        CommandOptions options = CommandOptions.parse(args, Set.of("song", "ref"));
        String songFile = options.require("song");
        String refFile = options.require("ref");
        FrameEmbeddings song = CommandOptions.readEmbeddings(songFile);
        ReferenceStatistics reference = FadCommand.statistics(refFile);
        try {
            out.println(PerSongFrechetDistance.of(song, songFile, reference));
        } catch (IllegalArgumentException | ArithmeticException e) {
            String message = e.getMessage();
            // the computation names the song; a dimension clash is as much the reference's fault
            throw new CommandException(message.contains("dimension mismatch") ? message + " (reference " + refFile + ")" : message);
        }
        return 0;
    }
}
