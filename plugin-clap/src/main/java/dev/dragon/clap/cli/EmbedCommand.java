package dev.dragon.clap.cli;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import dev.dragon.io.Npy;
import dev.dragon.io.NpyArray;
import dev.dragon.io.WavFile;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code dragon embed --encoder ID (--audio FILE.wav | --text TEXT) --out FILE.npy}: embeds one WAV file (T×d,
 * one row per frame) or one text (1×d) with any encoder the framework holds and writes float64 {@code .npy}.
 */
@Component(property = Subcommand.NAME + "=embed")
public class EmbedCommand implements Subcommand {

    private final Orchestrator orchestrator;

    /** @param orchestrator where the encoders are found */
    @Activate
    public EmbedCommand(@Reference Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return "embed";
    }

    @Override
    public String summary() {
        return "embed a WAV file or a text with an encoder and write the embeddings as .npy";
    }

    @Override
    public String usage() {
        return "dragon embed --encoder ID (--audio FILE.wav | --text TEXT) --out FILE.npy";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        String encoderId = null;
        String audio = null;
        String text = null;
        String output = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size() && option.startsWith("--")) throw CommandException.usage(option + " needs a value (usage: " + usage() + ")");
            switch (option) {
                case "--encoder" -> encoderId = args.get(++i);
                case "--audio" -> audio = args.get(++i);
                case "--text" -> text = args.get(++i);
                case "--out" -> output = args.get(++i);
                default -> throw CommandException.usage("unknown argument '" + option + "' (usage: " + usage() + ")");
            }
        }
        if (encoderId == null || output == null || (audio == null) == (text == null)) {
            throw CommandException.usage("give --encoder, --out and exactly one of --audio or --text (usage: " + usage() + ")");
        }
        String id = encoderId;
        Encoder encoder = orchestrator.encoder(id)
            .orElseThrow(() -> new CommandException("no encoder '" + id + "' in this framework (dragon plugins lists them)"));
        Modality wanted = audio != null ? Modality.AUDIO : Modality.TEXT;
        if (!encoder.modalities().contains(wanted)) {
            throw new CommandException("encoder '" + id + "' does not embed " + wanted.name().toLowerCase() + " (it embeds " + encoder.modalities() + ")");
        }
        FrameEmbeddings embeddings;
        if (audio != null) {
            AudioClip clip = WavFile.read(Path.of(audio));
            if (clip.frames() == 0) throw new CommandException(audio + ": empty audio, nothing to embed");
            embeddings = encoder.embedAudio(clip);
        } else {
            double[] v = encoder.embedText(text);
            embeddings = new FrameEmbeddings(1, v.length, v);
        }
        Path file = Path.of(output);
        Npy.write(file, NpyArray.of(embeddings));
        out.printf("%s: %d x %d embeddings from encoder '%s'%n", file, embeddings.frames(), embeddings.dimension(), id);
        return 0;
    }
}
