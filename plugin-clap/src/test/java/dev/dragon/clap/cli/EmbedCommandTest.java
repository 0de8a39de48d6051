package dev.dragon.clap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.Generator;
import dev.dragon.api.Reward;
import dev.dragon.clap.reward.FixedEncoder;
import dev.dragon.io.Npy;
import dev.dragon.io.NpyArray;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dragon embed}: finds the encoder through the orchestrator, writes .npy, and fails with one usable line. */
class EmbedCommandTest {

    @TempDir
    Path dir;

    static final Orchestrator ORCHESTRATOR = new Orchestrator() {
        @Override
        public List<PluginEntry> plugins() {
            return List.of();
        }

        @Override
        public Optional<Encoder> encoder(String id) {
            return id.equals("fixed") ? Optional.of(new FixedEncoder("fixed", 3)) : Optional.empty();
        }

        @Override
        public Optional<Reward> reward(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Generator> generator(String id) {
            return Optional.empty();
        }
    };

    private int run(String... args) throws Exception {
        return new EmbedCommand(ORCHESTRATOR).run(List.of(args), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void embedsTextAndAudioIntoNpy() throws Exception {
        Path text = dir.resolve("text.npy");
        assertEquals(0, run("--encoder", "fixed", "--text", "a calm piano", "--out", text.toString()));
        NpyArray t = Npy.read(text);
        assertArrayEquals(new int[] {1, 3}, t.shape());
        assertArrayEquals(new double[] {1, 0, 0}, t.values());

        Path wav = dir.resolve("a.wav");
        WavFile.write(wav, AudioClip.mono(48_000, new float[] {0.5f, 0, 0}), SampleEncoding.PCM_16);
        Path audio = dir.resolve("audio.npy");
        assertEquals(0, run("--encoder", "fixed", "--audio", wav.toString(), "--out", audio.toString()));
        assertArrayEquals(new int[] {2, 3}, Npy.read(audio).shape());
    }

    @Test
    void clearErrors() {
        CommandException unknown = assertThrows(CommandException.class, () -> run("--encoder", "nope", "--text", "x", "--out", "o.npy"));
        assertTrue(unknown.getMessage().startsWith("no encoder 'nope'"), unknown.getMessage());
        CommandException both = assertThrows(CommandException.class, () -> run("--encoder", "fixed", "--text", "x", "--audio", "a.wav", "--out", "o.npy"));
        assertEquals(CommandException.USAGE, both.exitCode());
        CommandException dangling = assertThrows(CommandException.class, () -> run("--encoder"));
        assertEquals(CommandException.USAGE, dangling.exitCode());
    }
}
