package dev.dragon.diffusion.cli;

import dev.dragon.diffusion.corpus.Composer;
import dev.dragon.diffusion.corpus.CorpusBuilder;
import dev.dragon.diffusion.corpus.CorpusPlan;
import dev.dragon.diffusion.corpus.MidiRenderer;
import dev.dragon.diffusion.corpus.SoundbankSource;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dragon corpus}: builds the built-in music corpus (procedurally composed, rendered with the JDK's Gervill
 * synthesizer, captioned from the compositions) into a folder, resuming an interrupted build. Progress goes to
 * stderr; the folder is printed on the last line of stdout.
 */
@Component(property = Subcommand.NAME + "=corpus")
public class CorpusCommand implements Subcommand {

    static final int DEFAULT_CLIPS = 2000;
    static final int DEFAULT_HELD_OUT = 200;
    static final long DEFAULT_SEED = 1;
    private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

    @Override
    public String name() {
        return "corpus";
    }

    @Override
    public String summary() {
        return "build the built-in music corpus (captioned clips rendered with Gervill) into a folder; resumes";
    }

    @Override
    public String usage() {
        return "dragon corpus --out DIR [--clips N] [--heldout M] [--seed S] [--soundfont FILE.sf2] [--threads T]"
            + " [--rate HZ] [--seconds SEC]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        CorpusOptions o = CorpusOptions.parse(args, usage());
        SoundbankSource soundbank;
        try {
            soundbank = o.soundFont() == null ? SoundbankSource.frozenEmergency(o.out()) : SoundbankSource.soundFont(o.soundFont());
        } catch (IOException e) { // a bad soundfont, or the folder cannot be written
            throw new CommandException(describe(e));
        } catch (IllegalStateException e) { // Gervill not reachable
            throw new CommandException(e.getMessage());
        }
        MidiRenderer renderer = new MidiRenderer(soundbank, o.sampleRate());
        CorpusPlan plan = new CorpusPlan(o.seed(), o.clips(), o.heldOut(), new Composer(o.seconds()));
        CorpusBuilder builder = new CorpusBuilder(plan, renderer, o.seconds(), o.threads());
        System.err.printf(Locale.ROOT, "corpus: %d training + %d held-out clips of %.1f s at %d Hz, seed %d, soundbank %s, %d thread(s)%n",
            o.clips(), o.heldOut(), o.seconds(), o.sampleRate(), o.seed(), soundbank.description(), o.threads());
        CorpusBuilder.Summary summary;
        try {
            summary = builder.build(o.out(), new ProgressLine(System.err, PROGRESS_INTERVAL_NANOS));
        } catch (IOException e) {
            throw new CommandException(describe(e));
        } catch (IllegalStateException e) {
            throw new CommandException(e.getMessage());
        }
        out.printf(Locale.ROOT, "%d clips (%d rendered in %.1f s, %d already present), %.1f MB%n", summary.clips(),
            summary.rendered(), summary.renderSeconds(), summary.skipped(), summary.bytes() / 1e6);
        out.println(o.out().toAbsolutePath().normalize());
        return 0;
    }

    /** One line naming the file and the problem (file-system exceptions carry only the path as their message). */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException f) return f.getFile() + ": no such file or folder";
        if (e instanceof AccessDeniedException f) return f.getFile() + ": permission denied";
        if (e instanceof FileAlreadyExistsException f) return f.getFile() + ": exists and is not a folder";
        if (e instanceof FileSystemException f) return f.getFile() + ": " + (f.getReason() == null ? "cannot be written" : f.getReason());
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The parsed command line. */
    record CorpusOptions(Path out, int clips, int heldOut, long seed, Path soundFont, int threads, int sampleRate,
        double seconds) {

        static CorpusOptions parse(List<String> args, String usage) throws CommandException {
            Path out = null;
            Path soundFont = null;
            int clips = DEFAULT_CLIPS;
            int heldOut = DEFAULT_HELD_OUT;
            long seed = DEFAULT_SEED;
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            int rate = MidiRenderer.DEFAULT_SAMPLE_RATE;
            double seconds = Composer.DEFAULT_SECONDS;
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (!option.startsWith("--")) throw CommandException.usage("unexpected argument '" + option + "' (usage: " + usage + ")");
                if (i + 1 >= args.size()) throw CommandException.usage(option + " needs a value");
                String value = args.get(++i);
                switch (option) {
                    case "--out" -> out = Path.of(value);
                    case "--soundfont" -> soundFont = Path.of(value);
                    case "--clips" -> clips = (int) number(option, value, 0, 999_999);
                    case "--heldout" -> heldOut = (int) number(option, value, 0, 999_999);
                    case "--seed" -> seed = number(option, value, Long.MIN_VALUE, Long.MAX_VALUE);
                    case "--threads" -> threads = (int) number(option, value, 1, 256);
                    case "--rate" -> rate = (int) number(option, value, 8000, 192_000);
                    case "--seconds" -> {
                        try {
                            seconds = Double.parseDouble(value);
                        } catch (NumberFormatException e) {
                            seconds = Double.NaN;
                        }
                        if (!(seconds >= 0.5 && seconds <= 60)) throw CommandException.usage("--seconds must be a number from 0.5 to 60, got '" + value + "'");
                    }
                    default -> throw CommandException.usage("unknown option '" + option + "' (usage: " + usage + ")");
                }
            }
            if (out == null) throw CommandException.usage("--out DIR is required (usage: " + usage + ")");
            if (clips + heldOut == 0) throw CommandException.usage("nothing to build: --clips and --heldout are both 0");
            return new CorpusOptions(out, clips, heldOut, seed, soundFont, threads, rate, seconds);
        }

        private static long number(String option, String value, long min, long max) throws CommandException {
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw CommandException.usage(option + " needs a whole number, got '" + value + "'");
            }
            if (n < min || n > max) throw CommandException.usage(option + " must be from " + min + " to " + max + ", got " + n);
            return n;
        }
    }
}
