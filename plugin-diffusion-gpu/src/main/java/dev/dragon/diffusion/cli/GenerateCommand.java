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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
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
 * optionally from a checkpoint folder, written as a 16-bit WAV. The same seed gives the same file. With
 * {@code --prompts FILE.tsv} (columns id and caption, like a corpus's prompts-heldout.tsv) it writes one clip per
 * prompt into a folder, with a {@code captions.tsv} in the corpus layout, so corpus tools (e.g. clap-retrieval)
 * can measure the generations.
 */
@Component(property = Subcommand.NAME + "=generate")
public class GenerateCommand implements Subcommand {

    private static final String USAGE = "dragon generate (--prompt TEXT --out FILE.wav | --prompts FILE.tsv --out DIR"
        + " [--count N]) [--seed S] [--steps N] [--guidance G] [--checkpoint DIR] [--generator ID]";
    private static final Set<String> OPTIONS = Set.of("prompt", "prompts", "count", "out", "seed", "steps", "guidance",
        "checkpoint", "generator");
    private static final int BATCH = 16;

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
        if (o.path("prompts") != null) return generateAll(o, out);
        String text = o.required("prompt", USAGE);
        Path target = Path.of(o.required("out", USAGE));
        long seed = o.whole("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        int steps = (int) o.whole("steps", 40, 1, 1000);
        double guidance = o.real("guidance", 3.0, 0, 100);
        Generator generator = generator(o);
        try {
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

    /** The generator named by {@code --generator}, restored from {@code --checkpoint} when given. */
    private Generator generator(Options o) throws CommandException, IOException {
        String id = o.text("generator", "builtin-music");
        Generator generator = orchestrator.generator(id).orElseThrow(() -> new CommandException("no generator '" + id
            + "' (see dragon plugins)"));
        Path checkpoint = o.path("checkpoint");
        try {
            if (checkpoint != null) generator.restore(checkpoint);
        } catch (IOException e) {
            throw new CommandException(CorpusCommand.describe(e));
        }
        return generator;
    }

    private int generateAll(Options o, PrintStream out) throws Exception {
        Path table = o.path("prompts");
        Path folder = Path.of(o.required("out", USAGE));
        long seed = o.whole("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        int steps = (int) o.whole("steps", 40, 1, 1000);
        double guidance = o.real("guidance", 3.0, 0, 100);
        List<Prompt> prompts = PromptTable.read(table, (int) o.whole("count", Integer.MAX_VALUE, 1, Integer.MAX_VALUE));
        Generator generator = generator(o);
        StringBuilder captions = new StringBuilder("id\tsplit\tfile\tseed\tcaption\n");
        Files.createDirectories(folder.resolve("audio"));
        long started = System.nanoTime();
        for (int start = 0; start < prompts.size(); start += BATCH) {
            List<Prompt> chunk = prompts.subList(start, Math.min(prompts.size(), start + BATCH));
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) seeds.add(seed + start + i);
            List<Generation> generations = generator.sample(new SamplingRequest(chunk, seeds, steps, guidance));
            for (Generation g : generations) {
                String file = "audio/" + g.prompt().id() + ".wav";
                WavFile.write(folder.resolve(file), g.audio(), SampleEncoding.PCM_16);
                captions.append(g.prompt().id()).append("\theldout\t").append(file).append('\t').append(g.seed())
                    .append('\t').append(g.prompt().text()).append('\n');
            }
            System.err.printf(Locale.ROOT, "generate: %d/%d clips, %.0f s%n", start + chunk.size(), prompts.size(),
                (System.nanoTime() - started) / 1e9);
        }
        Files.writeString(folder.resolve("captions.tsv"), captions.toString(), StandardCharsets.UTF_8);
        out.println(folder.toAbsolutePath().normalize());
        return 0;
    }
}
