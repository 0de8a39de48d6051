package dev.dragon.clap.cli;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.Modality;
import dev.dragon.clap.tower.CaptionedClip;
import dev.dragon.clap.tower.CaptionedCorpus;
import dev.dragon.clap.tower.RetrievalRecall;
import dev.dragon.io.WavFile;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.Subcommand;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code dragon clap-retrieval --corpus DIR --audio-encoder ID --text-encoder ID [--split heldout|train]
 * [--candidates 100] [--rounds 20] [--seed S]}: caption → clip and clip → caption recall@1 and @5 of any pair of
 * encoders on a captioned corpus, among random candidate sets, through the encoders exactly as they serve (a
 * clip's embedding is the normalised mean of its rows).
 */
@Component(property = Subcommand.NAME + "=clap-retrieval")
public class ClapRetrievalCommand implements Subcommand {

    private final Orchestrator orchestrator;

    /** @param orchestrator where the encoders are found */
    @Activate
    public ClapRetrievalCommand(@Reference Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public String name() {
        return "clap-retrieval";
    }

    @Override
    public String summary() {
        return "caption-to-clip and clip-to-caption recall@1/@5 of an audio and a text encoder on a captioned corpus";
    }

    @Override
    public String usage() {
        return "dragon clap-retrieval --corpus DIR --audio-encoder ID --text-encoder ID [--split heldout|train] [--candidates 100] [--rounds 20] [--seed S]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        String corpus = null;
        String audioId = null;
        String textId = null;
        String split = "heldout";
        int candidates = 100;
        int rounds = 20;
        long seed = 1;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) throw CommandException.usage(option + " needs a value (usage: " + usage() + ")");
            String value = args.get(++i);
            try {
                switch (option) {
                    case "--corpus" -> corpus = value;
                    case "--audio-encoder" -> audioId = value;
                    case "--text-encoder" -> textId = value;
                    case "--split" -> split = value;
                    case "--candidates" -> candidates = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw CommandException.usage("unknown argument '" + option + "' (usage: " + usage() + ")");
                }
            } catch (NumberFormatException e) {
                throw CommandException.usage(option + " needs a number, got '" + value + "'");
            }
        }
        if (corpus == null || audioId == null || textId == null) throw CommandException.usage("give --corpus, --audio-encoder and --text-encoder (usage: " + usage() + ")");
        if (!split.equals("heldout") && !split.equals("train")) throw CommandException.usage("--split is 'heldout' or 'train', not '" + split + "'");
        if (!Files.isDirectory(Path.of(corpus))) throw new CommandException(corpus + ": no such corpus folder");
        Encoder audio = encoder(audioId, Modality.AUDIO);
        Encoder text = encoder(textId, Modality.TEXT);
        boolean heldOut = split.equals("heldout");
        List<CaptionedClip> clips = CaptionedCorpus.read(Path.of(corpus)).stream().filter(c -> c.heldOut() == heldOut).toList();
        if (clips.size() < candidates) throw new CommandException(corpus + ": the " + split + " split has " + clips.size() + " clips, fewer than " + candidates + " candidates");
        float[][] a = new float[clips.size()][];
        float[][] t = new float[clips.size()][];
        for (int i = 0; i < clips.size(); i++) {
            AudioClip clip = WavFile.read(clips.get(i).audio());
            if (clip.frames() == 0) throw new CommandException(clips.get(i).audio() + ": empty audio");
            a[i] = toFloat(audio.embedAudio(clip).meanPooled());
            t[i] = toFloat(text.embedText(clips.get(i).caption()));
        }
        RetrievalRecall recall = RetrievalRecall.measure(a, t, candidates, rounds, seed);
        out.printf("%s: %d %s clips, audio '%s', text '%s'%n", corpus, clips.size(), split, audioId, textId);
        out.println(recall.describe());
        return 0;
    }

    private Encoder encoder(String id, Modality modality) throws CommandException {
        Encoder e = orchestrator.encoder(id).orElseThrow(() -> new CommandException("no encoder '" + id + "' in this framework (dragon plugins lists them)"));
        if (!e.modalities().contains(modality)) throw new CommandException("encoder '" + id + "' does not embed " + modality.name().toLowerCase());
        return e;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}
