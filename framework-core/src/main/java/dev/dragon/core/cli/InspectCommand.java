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
        byte[] head = new byte[6];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such file");
        }
        String magic = new String(head, 0, Math.min(n, 4), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (magic.equals("RIFF") || magic.equals("RF64")) {
            WavHeader h = WavFile.header(file);
            return String.format("%s: WAV %s, %d channel(s), %d Hz, %d frames (%.3f s)",
                file, h.encoding(), h.channels(), h.sampleRate(), h.frames(), h.durationSeconds());
        }
        if (n >= 6 && (head[0] & 0xFF) == 0x93 && new String(head, 1, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("NUMPY")) {
            NpyArray array = Npy.read(file);
            FrameEmbeddings e;
            try {
                e = array.toFrameEmbeddings();
            } catch (IllegalArgumentException bad) {
                throw new InputFormatException(file, "unsupported shape for embeddings: " + bad.getMessage());
            }
            long nonFinite = java.util.Arrays.stream(e.values()).filter(v -> !Double.isFinite(v)).count();
            return String.format("%s: NPY %s, %d rows x %d dimensions%s", file, array.float32() ? "float32" : "float64",
                e.frames(), e.dimension(), nonFinite == 0 ? "" : ", " + nonFinite + " NaN/infinite value(s)");
        }
        throw new InputFormatException(file, "neither a WAV nor a .npy file");
    }
}
