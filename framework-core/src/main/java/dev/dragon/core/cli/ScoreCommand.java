package dev.dragon.core.cli;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.api.Reward;
import dev.dragon.io.InputFormatException;
import dev.dragon.io.WavFile;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import dev.dragon.runtime.PluginType;
import dev.dragon.runtime.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code dragon score --reward ID… --audio DIR|FILE.wav…}: scores audio that already exists — a folder of WAV files,
 * or files — with any rewards the framework holds, without a generator (the {@code eval} profile's use). Prints a
 * tab-separated table: one row per file with each per-example reward's score ({@code -} for set rewards), then the
 * row {@code set} with every reward's score of the whole set (a per-example reward's: the mean). Rewards that use the
 * prompt read it from {@code --captions FILE.tsv} (columns {@code file}, {@code caption}; file names as listed).
 */
@Component(property = Subcommand.NAME + "=score")
public class ScoreCommand implements Subcommand {

    @Reference
    private Orchestrator orchestrator;

    /** For tests: a command over the given orchestrator. */
    ScoreCommand(Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    /** For Declarative Services. */
    public ScoreCommand() {
    }

    @Override
    public String name() {
        return "score";
    }

    @Override
    public String summary() {
        return "score existing WAV files (a folder or files) with rewards: one row per file, the whole set's score last";
    }

    @Override
    public String usage() {
        return "dragon score --reward ID [--reward ID]... --audio DIR|FILE.wav [--audio ...] [--captions FILE.tsv]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws IOException, CommandException {
        CommandOptions o = CommandOptions.parse(name(), args, Set.of("--reward", "--audio", "--captions"), Set.of());
        if (o.all("--reward").isEmpty()) throw CommandException.usage("name at least one --reward (usage: " + usage() + ")");
        if (o.all("--audio").isEmpty()) throw CommandException.usage("name a folder or WAV files with --audio (usage: " + usage() + ")");
        List<Reward> rewards = new ArrayList<>();
        for (String id : o.all("--reward")) {
            rewards.add(orchestrator.reward(id).orElseThrow(() -> new CommandException("unknown reward '" + id
                + "' (available: " + available() + ")")));
        }
        List<Path> files = audioFiles(o.all("--audio"));
        Map<String, String> captions = o.has("--captions") ? captions(Path.of(o.string("--captions", ""))) : Map.of();
        boolean needCaptions = rewards.stream().anyMatch(Reward::usesPrompt);
        List<Generation> set = new ArrayList<>();
        for (Path f : files) {
            String key = f.getFileName().toString();
            String caption = captions.get(key);
            if (caption == null && needCaptions) {
                throw new CommandException("reward '" + rewards.stream().filter(Reward::usesPrompt).findFirst().orElseThrow().id()
                    + "' needs each clip's prompt: " + key + " has no caption" + (o.has("--captions") ? " in " + o.string("--captions", "") : " (give --captions FILE.tsv)"));
            }
            AudioClip clip = WavFile.read(f);
            set.add(new Generation(new Prompt(key, caption == null ? "" : caption), 0, clip, null, "files"));
        }
        String[][] cells = new String[files.size() + 1][rewards.size()];
        for (int r = 0; r < rewards.size(); r++) {
            Reward reward = rewards.get(r);
            if (reward.kind().scoresEachExample()) {
                double[] s = checked(reward, reward.scoreEach(set), set.size());
                for (int i = 0; i < s.length; i++) cells[i][r] = Double.toString(s[i]);
            } else {
                for (int i = 0; i < set.size(); i++) cells[i][r] = "-";
            }
            cells[files.size()][r] = Double.toString(checked(reward, new double[] {reward.scoreSet(set)}, 1)[0]);
        }
        out.println("file\t" + rewards.stream().map(Reward::id).collect(Collectors.joining("\t")));
        for (int i = 0; i <= files.size(); i++) {
            out.println((i < files.size() ? files.get(i).getFileName().toString() : "set") + "\t" + String.join("\t", cells[i]));
        }
        return 0;
    }

    private String available() {
        String ids = orchestrator.plugins().stream().filter(p -> p.type() == PluginType.REWARD).map(PluginEntry::id).sorted()
            .collect(Collectors.joining(", "));
        return ids.isEmpty() ? "none" : ids;
    }

    /** @return the WAV files the arguments name: a folder's {@code *.wav} (not recursive, sorted by name) or the files */
    static List<Path> audioFiles(List<String> args) throws IOException, CommandException {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> wavs = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav") && Files.isRegularFile(f))
                        .sorted().toList();
                    if (wavs.isEmpty()) throw new CommandException(p + ": no .wav files in this folder");
                    files.addAll(wavs);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new InputFormatException(p, "no such file or folder");
            }
        }
        Set<String> names = new java.util.HashSet<>();
        for (Path f : files) {
            if (!names.add(f.getFileName().toString())) throw new CommandException(f + ": two clips named " + f.getFileName() + " (rows are named by file name)");
        }
        return files;
    }

    /** @return file name → caption from a TSV with the header {@code file<TAB>caption} */
    static Map<String, String> captions(Path tsv) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputFormatException(tsv, "no such file");
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals("file\tcaption")) {
            throw new InputFormatException(tsv, "line 1: expected the header 'file<TAB>caption'");
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] f = lines.get(i).split("\t", -1);
            if (f.length != 2) throw new InputFormatException(tsv, "line " + (i + 1) + ": expected 2 tab-separated columns, got " + f.length);
            map.put(f[0].strip(), f[1].strip());
        }
        return map;
    }

    private static double[] checked(Reward r, double[] s, int expected) throws CommandException {
        if (s == null || s.length != expected) {
            throw new CommandException("reward '" + r.id() + "' returned " + (s == null ? 0 : s.length) + " scores for " + expected + " clips");
        }
        for (double v : s) {
            if (!Double.isFinite(v)) throw new CommandException("reward '" + r.id() + "' returned a non-finite score (" + v + ")");
        }
        return s;
    }
}
