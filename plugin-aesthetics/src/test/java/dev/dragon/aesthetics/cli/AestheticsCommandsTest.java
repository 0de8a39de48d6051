package dev.dragon.aesthetics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.aesthetics.NoiseRatings;
import dev.dragon.aesthetics.TestEncoder;
import dev.dragon.aesthetics.model.ModelFolder;
import dev.dragon.api.Encoder;
import dev.dragon.api.Generator;
import dev.dragon.api.Reward;
import dev.dragon.runtime.CommandException;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aesthetics train} and {@code aesthetics eval} against an orchestrator holding one test encoder. */
class AestheticsCommandsTest {

    @TempDir
    Path tmp;

    static Orchestrator holding(Encoder encoder) {
        return new Orchestrator() {
            @Override
            public List<PluginEntry> plugins() {
                return List.of();
            }

            @Override
            public Optional<Encoder> encoder(String id) {
                return encoder.id().equals(id) ? Optional.of(encoder) : Optional.empty();
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
    }

    private static String run(dev.dragon.runtime.Subcommand command, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertEquals(0, command.run(List.of(args), out));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainsThenEvaluatesOnHeldOutRatings() throws Exception {
        Orchestrator orchestrator = holding(TestEncoder.standard());
        Path train = NoiseRatings.write(tmp.resolve("train"), 8, 1);
        Path heldOut = NoiseRatings.write(tmp.resolve("heldout"), 3, 2);
        Path model = tmp.resolve("model");
        String trained = run(new AestheticsTrainCommand(orchestrator), "--ratings", train.toString(), "--encoder", "test-audio", "--out", model.toString());
        assertTrue(trained.contains("clips: 40 in 8 prompt group(s)"), trained);
        assertTrue(trained.strip().endsWith(model.toAbsolutePath().normalize().toString()), trained);
        assertTrue(Files.isRegularFile(model.resolve(ModelFolder.MODEL_FILE)));

        Path predictions = tmp.resolve("predictions.csv");
        String evaluated = run(new AestheticsEvalCommand(orchestrator), "--model", model.toString(), "--ratings", heldOut.toString(),
            "--predictions", predictions.toString());
        List<String> predicted = Files.readAllLines(predictions);
        assertEquals(16, predicted.size(), "header and 15 clips");
        assertTrue(predicted.get(1).startsWith("audio/tone00-noise0.wav,5.0,tone0,"), predicted.get(1));
        double plcc = value(evaluated, "evaluation PLCC: ");
        double perPrompt = value(evaluated, "evaluation SRCC (mean over 3 prompt groups with >= 2 items): ");
        assertTrue(plcc > 0.8, evaluated);
        assertTrue(perPrompt > 0.8, evaluated);
    }

    private static double value(String output, String prefix) {
        for (String line : output.split("\n")) {
            if (line.startsWith(prefix)) return Double.parseDouble(line.substring(prefix.length()).trim());
        }
        throw new AssertionError("no line '" + prefix + "' in:\n" + output);
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Orchestrator orchestrator = holding(TestEncoder.standard());
        Path train = NoiseRatings.write(tmp.resolve("train"), 2, 1);
        Files.writeString(train, Files.readString(train) + "audio/gone.wav,3,tone0\n");
        CommandException missing = assertThrows(CommandException.class, () -> run(new AestheticsTrainCommand(orchestrator), "--ratings", train.toString(),
            "--encoder", "test-audio", "--out", tmp.resolve("m").toString()));
        assertEquals(train + ": line 12: audio file 'audio/gone.wav' not found (" + tmp.resolve("train/audio/gone.wav") + ")", missing.getMessage());
        Path good = NoiseRatings.write(tmp.resolve("good"), 2, 1);
        CommandException noEncoder = assertThrows(CommandException.class, () -> run(new AestheticsTrainCommand(orchestrator), "--ratings", good.toString(),
            "--encoder", "clap-audio", "--out", tmp.resolve("m").toString()));
        assertEquals("no encoder 'clap-audio' in this framework (dragon plugins lists them)", noEncoder.getMessage());
        CommandException usage = assertThrows(CommandException.class, () -> run(new AestheticsTrainCommand(orchestrator), "--ratings", train.toString()));
        assertEquals(CommandException.USAGE, usage.exitCode());
    }

    @Test
    void evalRefusesAnEncoderWithAnotherFingerprint() throws Exception {
        Path train = NoiseRatings.write(tmp.resolve("train"), 3, 1);
        Path model = tmp.resolve("model");
        run(new AestheticsTrainCommand(holding(TestEncoder.standard())), "--ratings", train.toString(), "--encoder", "test-audio", "--out", model.toString());
        CommandException e = assertThrows(CommandException.class, () -> run(new AestheticsEvalCommand(holding(new TestEncoder("test-audio", "v9"))),
            "--model", model.toString(), "--ratings", train.toString()));
        assertEquals(model + ": trained on encoder 'test-audio' with fingerprint test v1, but encoder 'test-audio' has fingerprint v9: "
            + "retrain the model with this encoder", e.getMessage());
    }
}
