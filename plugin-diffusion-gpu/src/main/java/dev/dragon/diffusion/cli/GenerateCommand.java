package dev.dragon.diffusion.cli;

import dev.dragon.api.Generation;
import dev.dragon.api.Generator;
import dev.dragon.api.Prompt;
import dev.dragon.api.SamplingRequest;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code dragon generate}: one clip from a text prompt with a generator service (the built-in one by default),
 * optionally from a checkpoint folder, written as a 16-bit WAV. The same seed gives the same file.
 */
@Component(property = Subcommand.NAME + "=generate")
public class GenerateCommand implements Subcommand {

    private static final String USAGE = "dragon generate --prompt TEXT --out FILE.wav [--seed S] [--steps N]"
        + " [--guidance G] [--checkpoint DIR] [--generator ID]";
    private static final Set<String> OPTIONS = Set.of("prompt", "out", "seed", "steps", "guidance", "checkpoint", "generator");

    private final Orchestrator orchestrator;

    /** For DS. */
    @Activate
    public GenerateCommand(@Reference Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "generate one clip from a text prompt (same seed, same audio)";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options o = Options.parse(args, OPTIONS, USAGE);
        String text = o.required("prompt", USAGE);
        Path target = Path.of(o.required("out", USAGE));
        long seed = o.whole("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        int steps = (int) o.whole("steps", 40, 1, 1000);
        double guidance = o.real("guidance", 3.0, 0, 100);
        String id = o.text("generator", "builtin-music");
        Generator generator = orchestrator.generator(id).orElseThrow(() -> new CommandException("no generator '" + id
            + "' (see dragon plugins)"));
        Path checkpoint = o.path("checkpoint");
        try {
            if (checkpoint != null) generator.restore(checkpoint);
            long started = System.nanoTime();
            Generation generation = generator.sample(new SamplingRequest(List.of(new Prompt("prompt", text)), List.of(seed),
                steps, guidance)).get(0);
            WavFile.write(target, generation.audio(), SampleEncoding.PCM_16);
            out.printf(Locale.ROOT, "%.1f s of audio in %.1f s (%d steps, guidance %.1f, seed %d)%n",
                generation.audio().durationSeconds(), (System.nanoTime() - started) / 1e9, steps, guidance, seed);
        } catch (IOException e) {
            throw new CommandException(CorpusCommand.describe(e));
        }
        out.println(target.toAbsolutePath().normalize());
        return 0;
    }
}
