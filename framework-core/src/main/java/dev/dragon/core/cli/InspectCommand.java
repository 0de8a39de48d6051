package dev.dragon.core.cli;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.io.InputFormatException;
import dev.dragon.io.Npy;
import dev.dragon.io.NpyArray;
import dev.dragon.io.WavFile;
import dev.dragon.io.WavHeader;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dragon inspect FILE...}: reads WAV audio or {@code .npy} embeddings exactly as the rest of dragon does and
 * says what they hold, or one line on what is wrong with them.
 */
@Component(property = Subcommand.NAME + "=inspect")
public class InspectCommand implements Subcommand {

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String summary() {
        return "check WAV audio or .npy embeddings and describe them (format, shape, length)";
    }

    @Override
    public String usage() {
        return "dragon inspect FILE.wav|FILE.npy [...]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws IOException, CommandException {
        if (args.isEmpty()) throw CommandException.usage("name at least one file (usage: " + usage() + ")");
        for (String arg : args) {
            if (arg.startsWith("-")) throw CommandException.usage("unknown option '" + arg + "'");
            Path file = Path.of(arg);
            out.println(describe(file));
        }
        return 0;
    }

    static String describe(Path file) throws IOException {
        return looksLikeNpy(file) ? describeNpy(file) : describeWav(file);
    }

    /** The extension says what the file should be (so the error says what is wrong with it); without one, sniff. */
    private static boolean looksLikeNpy(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) return true;
        if (name.endsWith(".wav")) return false;
        byte[] head = new byte[6];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, head.length) == 6 && (head[0] & 0xFF) == 0x93
                && new String(head, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY");
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such file");
        }
    }

    private static String describeWav(Path file) throws IOException {
        WavHeader h = WavFile.header(file);
        return String.format("%s: WAV %s, %d channel(s), %d Hz, %d frames (%.3f s)",
            file, h.encoding(), h.channels(), h.sampleRate(), h.frames(), h.durationSeconds());
    }

    private static String describeNpy(Path file) throws IOException {
        NpyArray array = Npy.read(file);
        FrameEmbeddings e;
        try {
            e = array.toFrameEmbeddings();
        } catch (IllegalArgumentException bad) {
            throw new InputFormatException(file, "unsupported shape for embeddings: " + bad.getMessage());
        }
        long nonFinite = Arrays.stream(e.values()).filter(v -> !Double.isFinite(v)).count();
        return String.format("%s: NPY %s, %d rows x %d dimensions%s", file, array.float32() ? "float32" : "float64",
            e.frames(), e.dimension(), nonFinite == 0 ? "" : ", " + nonFinite + " NaN/infinite value(s)");
    }
}
