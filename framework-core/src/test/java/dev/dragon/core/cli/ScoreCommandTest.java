package dev.dragon.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Generator;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.io.InputFormatException;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import dev.dragon.runtime.PluginType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

    /** Peak absolute sample: an easy per-example score to check by hand. */
    static final Reward PEAK = new Reward() {
        @Override public String id() { return "peak"; }
        @Override public RewardKind kind() { return RewardKind.INSTANCE; }
        @Override public double[] scoreEach(List<Generation> g) {
            return g.stream().mapToDouble(x -> {
                double m = 0;
                for (float v : x.audio().channel(0)) m = Math.max(m, Math.abs(v));
                return m;
            }).toArray();
        }
    };
    /** A set reward: how many clips, so the set row is checkable. */
    static final Reward COUNT = new Reward() {
        @Override public String id() { return "count"; }
        @Override public RewardKind kind() { return RewardKind.DISTRIBUTION; }
        @Override public double scoreSet(List<Generation> g) { return g.size(); }
    };
    /** Uses the prompt: the caption's length. */
    static final Reward CAPTION = new Reward() {
        @Override public String id() { return "caption-length"; }
        @Override public RewardKind kind() { return RewardKind.INSTANCE; }
        @Override public boolean usesPrompt() { return true; }
        @Override public double[] scoreEach(List<Generation> g) { return g.stream().mapToDouble(x -> x.prompt().text().length()).toArray(); }
    };

    static Orchestrator holding(Reward... rewards) {
        return new Orchestrator() {
            @Override public List<PluginEntry> plugins() {
                return java.util.Arrays.stream(rewards).map(r -> new PluginEntry(PluginType.REWARD, r.id(), r.kind().name(), "1", "b", 1, "", 1)).toList();
            }
            @Override public Optional<Encoder> encoder(String id) { return Optional.empty(); }
            @Override public Optional<Reward> reward(String id) { return java.util.Arrays.stream(rewards).filter(r -> r.id().equals(id)).findFirst(); }
            @Override public Optional<Generator> generator(String id) { return Optional.empty(); }
        };
    }

    static String run(Orchestrator o, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, new ScoreCommand(o).run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @TempDir
    Path dir;

    private void wav(String name, float peak) throws Exception {
        WavFile.write(dir.resolve(name), AudioClip.mono(8000, new float[] {0, peak, -peak / 2, 0}), SampleEncoding.FLOAT_32);
    }

    @Test
    void scoresAFolderOneRowPerFileThenTheSet() throws Exception {
        wav("b.wav", 0.25f);
        wav("a.wav", 0.5f);
        Files.writeString(dir.resolve("notes.txt"), "not audio");
        String out = run(holding(PEAK, COUNT), "--reward", "peak", "--reward", "count", "--audio", dir.toString());
        assertEquals("file\tpeak\tcount\na.wav\t0.5\t-\nb.wav\t0.25\t-\nset\t0.375\t2.0\n", out.replace(System.lineSeparator(), "\n"));
    }

    @Test
    void captionsFeedRewardsThatUsePrompts() throws Exception {
        wav("a.wav", 0.5f);
        Files.writeString(dir.resolve("c.tsv"), "file\tcaption\na.wav\tslow piano\n");
        String out = run(holding(CAPTION), "--reward", "caption-length", "--audio", dir.resolve("a.wav").toString(), "--captions", dir.resolve("c.tsv").toString());
        assertTrue(out.contains("a.wav\t10.0\n"), out);
    }

    @Test
    void mistakesAreOneLineNamingTheInput() throws Exception {
        wav("a.wav", 0.5f);
        CommandException unknown = assertThrows(CommandException.class, () -> run(holding(PEAK), "--reward", "nope", "--audio", dir.toString()));
        assertEquals("unknown reward 'nope' (available: peak)", unknown.getMessage());
        CommandException noCaption = assertThrows(CommandException.class, () -> run(holding(CAPTION), "--reward", "caption-length", "--audio", dir.toString()));
        assertTrue(noCaption.getMessage().startsWith("reward 'caption-length' needs each clip's prompt: a.wav has no caption"), noCaption.getMessage());
        InputFormatException missing = assertThrows(InputFormatException.class, () -> run(holding(PEAK), "--reward", "peak", "--audio", dir.resolve("x.wav").toString()));
        assertTrue(missing.getMessage().contains("x.wav"), missing.getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThrows(CommandException.class, () -> run(holding(PEAK), "--reward", "peak", "--audio", empty.toString()));
        assertEquals(2, assertThrows(CommandException.class, () -> run(holding(PEAK), "--audio", dir.toString())).exitCode());
    }

    @Test
    void aRewardReturningTooFewOrNonFiniteScoresIsNamed() throws Exception {
        wav("a.wav", 0.5f);
        wav("b.wav", 0.5f);
        Reward shortOne = new Reward() {
            @Override public String id() { return "short"; }
            @Override public RewardKind kind() { return RewardKind.INSTANCE; }
            @Override public double[] scoreEach(List<Generation> g) { return new double[] {1}; }
        };
        Reward nan = new Reward() {
            @Override public String id() { return "nan"; }
            @Override public RewardKind kind() { return RewardKind.INSTANCE; }
            @Override public double[] scoreEach(List<Generation> g) { return new double[] {1, Double.NaN}; }
        };
        assertEquals("reward 'short' returned 1 scores for 2 clips",
            assertThrows(CommandException.class, () -> run(holding(shortOne), "--reward", "short", "--audio", dir.toString())).getMessage());
        assertEquals("reward 'nan' returned a non-finite score (NaN)",
            assertThrows(CommandException.class, () -> run(holding(nan), "--reward", "nan", "--audio", dir.toString())).getMessage());
    }
}
