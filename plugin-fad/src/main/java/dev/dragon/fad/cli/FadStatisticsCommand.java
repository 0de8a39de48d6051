package dev.dragon.fad.cli;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.GaussianAccumulator;
import dev.dragon.fad.reference.StatisticsFile;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dragon fad-stats --x X.npy --fingerprint F --out S.stats}: writes the reference statistics of embeddings
 * computed elsewhere, for a FAD reward's {@code reference.statistics}. The fingerprint must be that of the
 * encoder the reward will use (a reward refuses statistics from another encoder).
 */
@Component(property = Subcommand.NAME + "=" + FadStatisticsCommand.NAME)
public class FadStatisticsCommand implements Subcommand {

    static final String NAME = "fad-stats";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "write FAD reference statistics (count, mean, covariance) of an embeddings file";
    }

    @Override
    public String usage() {
        return "dragon fad-stats --x X.npy --fingerprint ENCODER_FINGERPRINT --out S.stats";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        CommandOptions options = CommandOptions.parse(args, Set.of("x", "fingerprint", "out"));
        String file = options.require("x");
        String fingerprint = options.require("fingerprint");
        Path target = Path.of(options.require("out"));
        FrameEmbeddings rows = CommandOptions.readEmbeddings(file);
        ReferenceStatistics stats;
        try {
            stats = new GaussianAccumulator(rows.dimension(), file).add(rows, file).toStatistics(fingerprint, "sha256:" + sha256(Path.of(file)));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        try {
            StatisticsFile.write(target, stats);
        } catch (IOException e) {
            throw new CommandException(target + ": cannot write (" + e.getMessage() + ")");
        }
        out.println(target);
        return 0;
    }

    private static String sha256(Path file) throws CommandException {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new CommandException(file + ": cannot hash (" + e.getMessage() + ")");
        }
    }
}
