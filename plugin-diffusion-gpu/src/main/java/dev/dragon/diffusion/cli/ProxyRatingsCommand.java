package dev.dragon.diffusion.cli;

import dev.dragon.diffusion.corpus.Composer;
import dev.dragon.diffusion.corpus.MidiRenderer;
import dev.dragon.diffusion.corpus.ProxyRatingBuilder;
import dev.dragon.diffusion.corpus.ProxyRatingPlan;
import dev.dragon.diffusion.corpus.SoundbankSource;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dragon proxy-ratings}: writes the built-in proxy rating set (clean corpus renders and copies spoilt at graded
 * severities, rated by a fixed rule) for training and evaluating an aesthetics predictor with
 * {@code dragon aesthetics train/eval}. A proxy for taste, not a measurement of it. Progress goes to stderr; the
 * ratings file is printed on the last line of stdout.
 */
@Component(property = Subcommand.NAME + "=proxy-ratings")
public class ProxyRatingsCommand implements Subcommand {

    static final int DEFAULT_CLIPS = 100;
    static final int DEFAULT_COPIES = 6;
    static final long DEFAULT_SEED = 1;
    private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

    @Override
    public String name() {
        return "proxy-ratings";
    }

    @Override
    public String summary() {
        return "write the built-in PROXY rating set (clean vs degraded corpus renders) as WAVs + ratings.csv";
    }

    @Override
    public String usage() {
        return "dragon proxy-ratings --out DIR [--clips N] [--copies K] [--seed S] [--soundfont FILE.sf2] [--threads T] [--rate HZ] [--seconds SEC]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CommandException {
        Path folder = null;
        Path soundFont = null;
        int clips = DEFAULT_CLIPS, copies = DEFAULT_COPIES, rate = MidiRenderer.DEFAULT_SAMPLE_RATE;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        long seed = DEFAULT_SEED;
        double seconds = Composer.DEFAULT_SECONDS;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!option.startsWith("--")) throw CommandException.usage("unexpected argument '" + option + "' (usage: " + usage() + ")");
            if (i + 1 >= args.size()) throw CommandException.usage(option + " needs a value");
            String value = args.get(++i);
            switch (option) {
                case "--out" -> folder = Path.of(value);
                case "--soundfont" -> soundFont = Path.of(value);
                case "--clips" -> clips = (int) number(option, value, 1, 999_999);
                case "--copies" -> copies = (int) number(option, value, 1, ProxyRatingPlan.PAIRS);
                case "--seed" -> seed = number(option, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--threads" -> threads = (int) number(option, value, 1, 256);
                case "--rate" -> rate = (int) number(option, value, 8000, 192_000);
                case "--seconds" -> {
                    double s;
                    try {
                        s = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        s = Double.NaN;
                    }
                    if (!(s >= 0.5 && s <= 60)) throw CommandException.usage("--seconds must be a number from 0.5 to 60, got '" + value + "'");
                    seconds = s;
                }
                default -> throw CommandException.usage("unknown option '" + option + "' (usage: " + usage() + ")");
            }
        }
        if (folder == null) throw CommandException.usage("--out DIR is required (usage: " + usage() + ")");
        SoundbankSource soundbank;
        try {
            soundbank = soundFont == null ? SoundbankSource.frozenEmergency(folder) : SoundbankSource.soundFont(soundFont);
        } catch (IOException e) {
            throw new CommandException(CorpusCommand.describe(e));
        } catch (IllegalStateException e) { // Gervill not reachable
            throw new CommandException(e.getMessage());
        }
        MidiRenderer renderer = new MidiRenderer(soundbank, rate);
        ProxyRatingPlan plan = new ProxyRatingPlan(seed, clips, copies, new Composer(seconds));
        System.err.printf(Locale.ROOT, "proxy-ratings: %d pieces x (1 clean + %d degraded) of %.1f s at %d Hz, seed %d, soundbank %s, %d thread(s)%n",
            clips, copies, seconds, rate, seed, soundbank.description(), threads);
        ProxyRatingBuilder.Summary summary;
        try {
            summary = new ProxyRatingBuilder(plan, renderer, seconds, threads).build(folder, new ProgressLine(System.err, PROGRESS_INTERVAL_NANOS));
        } catch (IOException e) {
            throw new CommandException(CorpusCommand.describe(e));
        } catch (IllegalStateException e) {
            throw new CommandException(e.getMessage());
        }
        out.printf(Locale.ROOT, "%d rated clips (%d pieces) in %.1f s, %.1f MB; a PROXY for taste (fixed rule: clean 4, degraded 4 - severity)%n",
            summary.items(), summary.clips(), summary.renderSeconds(), summary.bytes() / 1e6);
        out.println(folder.resolve(ProxyRatingBuilder.RATINGS_FILE).toAbsolutePath().normalize());
        return 0;
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
