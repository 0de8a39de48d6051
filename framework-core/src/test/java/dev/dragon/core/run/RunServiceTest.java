package dev.dragon.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.LossType;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.core.dragon.CheckpointSelection;
import dev.dragon.core.dragon.PairingMode;
import dev.dragon.core.dragon.RunSettings;
import dev.dragon.core.dragon.ToyGenerator;
import dev.dragon.core.dragon.ToyRewards;
import dev.dragon.core.dragon.WeightedReward;
import dev.dragon.core.evaluation.MetricResult;
import dev.dragon.io.WavFile;
import dev.dragon.runtime.CommandException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole run through RunService with the toy generator: run folder contents, evaluation, report, resume, errors. */
class RunServiceTest {

    @TempDir
    Path tmp;
    private final FakeOrchestrator orchestrator = new FakeOrchestrator();
    private Path train;
    private Path heldOut;

    @BeforeEach
    void setUp() throws IOException {
        orchestrator.generators.put("toy", new ToyGenerator());
        orchestrator.rewards.put("near", ToyRewards.instance("near"));
        orchestrator.rewards.put("near-set", ToyRewards.set("near-set"));
        orchestrator.rewards.put("broken", broken());
        train = tmp.resolve("captions.tsv");
        Files.writeString(train, "id\tsplit\tfile\tcaption\n" + IntStream.range(0, 20)
            .mapToObj(i -> "c" + i + "\t" + (i < 16 ? "train" : "heldout") + "\taudio/c" + i + ".wav\tcaption number " + i)
            .collect(Collectors.joining("\n")) + "\n");
        heldOut = tmp.resolve("prompts-heldout.tsv");
        Files.writeString(heldOut, "id\tcaption\n" + IntStream.range(0, 40).mapToObj(i -> "h" + i + "\theld-out caption <" + i + ">")
            .collect(Collectors.joining("\n")) + "\n");
    }

    private static Reward broken() {
        return new Reward() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public RewardKind kind() {
                return RewardKind.INSTANCE;
            }

            @Override
            public double[] scoreEach(List<Generation> g) {
                throw new IllegalStateException("no model loaded");
            }
        };
    }

    private RunSettings settings(int iterations) {
        return new RunSettings("toy", List.of(new WeightedReward("near", 1)), iterations, 4, LossType.DPO, 1, 0.5, 1, 1,
            PairingMode.AUTO, 1, 2, 1, 3, 7, train.toString(), heldOut.toString(), 32, 4, 20);
    }

    private RunProgress quiet(Path folder) {
        java.io.PrintStream nowhere = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        return new RunProgress(folder, 0, null, (task, total) -> new dev.dragon.runtime.ProgressBar(task, total, nowhere, false, System::nanoTime),
            nowhere, true);
    }

    @Test
    void aRunThatSelectsItsBestCheckpointEvaluatesTheOneItsRuleChose() throws Exception {
        Path out = tmp.resolve("best");
        RunSettings best = settings(11).withSelection(CheckpointSelection.BEST);
        RunService.Outcome o = new RunService(orchestrator).run(best, out, false, List.of("dragon", "run"), quiet(out));
        JsonObject selection = RunFolder.readJson(o.folder().selection());
        BestCheckpoint.Choice expected = BestCheckpoint.choose(MetricsLog.read(o.folder()), List.of(0, 3, 6, 9, 11), best.rewards(), 3, 11);
        assertEquals(expected.toJson(), selection);
        assertEquals(4, expected.candidates().size());
        assertEquals(expected.iteration(), o.checkpoint());
        assertEquals(String.format("iter-%06d", o.checkpoint()), o.evaluation().tunedCheckpoint());
        assertTrue(Files.readString(o.folder().report()).contains("selection.json"));
        assertEquals(OptionalInt.of(o.checkpoint()), BestCheckpoint.chosen(o.folder()));

        // resumed with the final checkpoint selected: the choice is gone and the final checkpoint evaluated
        RunService.Outcome f = new RunService(orchestrator).run(best.withSelection(CheckpointSelection.FINAL), out, true, List.of("dragon", "run"), quiet(out));
        assertEquals(11, f.checkpoint());
        assertEquals("iter-000011", f.evaluation().tunedCheckpoint());
        assertFalse(Files.exists(f.folder().selection()));
        assertFalse(Files.readString(f.folder().report()).contains("selection.json"));
    }

    @Test
    void aRunLeavesACompleteRunFolder() throws Exception {
        Path out = tmp.resolve("run");
        RunService.Outcome o = new RunService(orchestrator).run(settings(20), out, false, List.of("dragon", "run", "--seed", "7"), quiet(out));
        RunFolder f = o.folder();
        assertEquals(20, o.checkpoint());
        RunSettings back = RunSettings.fromJson(RunFolder.readJson(f.config()));
        assertEquals(settings(20), back);

        JsonObject session = RunFolder.readJson(f.provenance()).getJsonArray("sessions").getJsonObject(0);
        assertEquals(7, session.getInt("seed"));
        assertEquals("[\"dragon\",\"run\",\"--seed\",\"7\"]", session.getJsonArray("commandLine").toString());
        assertEquals(4, session.getJsonArray("plugins").size());
        assertEquals("toy-1", session.getJsonArray("plugins").getJsonObject(0).getString("fingerprint"));

        assertEquals(21, Files.readAllLines(f.metricsCsv()).size());
        assertEquals(20, Files.readAllLines(f.metricsJsonLines()).size());
        CheckpointStore store = new CheckpointStore(f);
        for (int k : new int[] {0, 3, 6, 18, 20}) assertTrue(Files.isDirectory(store.path(k)), "checkpoint " + k);

        // evaluation: 32 held-out prompts, the target first, then every other reward by id; the broken one reports its error
        JsonObject eval = RunFolder.readJson(f.eval().resolve("evaluation.json"));
        assertEquals(32, eval.getInt("prompts"));
        List<MetricResult> results = o.evaluation().results();
        assertEquals(List.of("near", "broken", "near-set"), results.stream().map(MetricResult::rewardId).toList());
        MetricResult near = results.get(0);
        assertTrue(near.target());
        assertEquals(32, near.winRate().wins() + near.winRate().losses() + near.winRate().ties());
        assertTrue(near.winRate().rate() > 0.7, "the toy model learned: " + near.winRate());
        assertTrue(near.after() > near.before());
        assertTrue(results.get(1).error().endsWith("failed scoring 32 samples: IllegalStateException: no model loaded"), results.get(1).error());
        assertEquals("bootstrap 20", results.get(2).method());
        assertEquals(20, results.get(2).winRate().wins() + results.get(2).winRate().losses() + results.get(2).winRate().ties());
        assertTrue(Double.isNaN(results.get(2).winRate().pValue()));

        // WAV pairs: 4 kept, readable, same prompt and seed for both models
        assertEquals(4, o.evaluation().pairs().size());
        for (var p : o.evaluation().pairs()) {
            AudioClip b = WavFile.read(f.root().resolve(p.baseFile()));
            AudioClip t = WavFile.read(f.root().resolve(p.tunedFile()));
            assertEquals(b.frames(), t.frames());
            assertFalse(b.equals(t), "the fine-tuned model sounds different");
        }

        // report: self-contained, curves drawn, audio players pointing at files that exist
        String html = Files.readString(f.report());
        assertTrue(html.contains("<svg id=\"reward-curve\""));
        assertTrue(html.contains("<svg id=\"loss-curve\""));
        assertTrue(Pattern.compile("<svg id=\"reward-curve\".*?<polyline class=\"curve\"", Pattern.DOTALL).matcher(html).find());
        assertTrue(html.contains("held-out caption &lt;0&gt;"), "prompt text escaped");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external resources");
        Matcher audio = Pattern.compile("<audio controls preload=\"auto\" src=\"([^\"]+)\"").matcher(html);
        int players = 0;
        while (audio.find()) {
            players++;
            assertTrue(Files.isRegularFile(f.root().resolve(audio.group(1))), audio.group(1));
        }
        assertEquals(8, players);
        assertTrue(html.contains("id=\"metrics-table\"") && html.contains("id=\"headline\""));
        // win-rate chart: one bar per reward with a win rate (the broken reward has none)
        Matcher chart = Pattern.compile("<svg id=\"win-rate-chart\".*?</svg>", Pattern.DOTALL).matcher(html);
        assertTrue(chart.find());
        assertEquals(2, chart.group().split("<rect class=\"bar\"", -1).length - 1);
    }

    /**
     * Leaves a complete run folder at {@code framework-core/target/report-fixture} for the browser check
     * ({@code launcher/src/test/report/check-report.sh}), which loads its report.html in headless Chromium.
     */
    @Test
    void writesTheReportFixtureForTheBrowserCheck() throws Exception {
        Path out = Path.of("target", "report-fixture").toAbsolutePath();
        if (Files.exists(out)) CheckpointStore.deleteTree(out);
        RunService.Outcome o = new RunService(orchestrator).run(settings(12), out, false, List.of("RunServiceTest"), quiet(out));
        assertTrue(Files.isRegularFile(o.folder().report()));
    }

    @Test
    void resumeExtendsARunAndRecordsTheSession() throws Exception {
        Path out = tmp.resolve("run");
        RunService service = new RunService(orchestrator);
        service.run(settings(4), out, false, List.of("a"), quiet(out));
        RunService.Outcome o = service.run(settings(6), out, true, List.of("b"), quiet(out));
        assertEquals(6, o.checkpoint());
        assertEquals(7, Files.readAllLines(o.folder().metricsCsv()).size());
        assertEquals(2, RunFolder.readJson(o.folder().provenance()).getJsonArray("sessions").size());
    }

    @Test
    void clearErrors() throws Exception {
        Path out = tmp.resolve("run");
        RunService service = new RunService(orchestrator);
        RunSettings unknownReward = new RunSettings("toy", List.of(new WeightedReward("nope", 1)), 2, 4, LossType.DPO, 1, 0.5, 1, 1,
            PairingMode.AUTO, 1, 2, 1, 3, 7, train.toString(), "", 0, 4, 20);
        CommandException e = assertThrows(CommandException.class, () -> service.run(unknownReward, out, false, List.of(), quiet(out)));
        assertEquals("unknown reward 'nope' (available: near, near-set, broken)", e.getMessage());
        RunSettings unknownGenerator = new RunSettings("gpt", List.of(new WeightedReward("near", 1)), 2, 4, LossType.DPO, 1, 0.5, 1, 1,
            PairingMode.AUTO, 1, 2, 1, 3, 7, train.toString(), "", 0, 4, 20);
        e = assertThrows(CommandException.class, () -> service.run(unknownGenerator, out, false, List.of(), quiet(out)));
        assertEquals("unknown generator 'gpt' (available: toy)", e.getMessage());
        RunSettings setWithPaired = new RunSettings("toy", List.of(new WeightedReward("near-set", 1)), 2, 4, LossType.DPO, 1, 0.5, 1, 1,
            PairingMode.PAIRED, 1, 2, 1, 3, 7, train.toString(), "", 0, 4, 20);
        e = assertThrows(CommandException.class, () -> service.run(setWithPaired, out, false, List.of(), quiet(out)));
        assertTrue(e.getMessage().contains("--pairing set"), e.getMessage());
        assertFalse(Files.exists(out), "nothing written before the checks pass");

        service.run(settings(1), out, false, List.of(), quiet(out));
        e = assertThrows(CommandException.class, () -> service.run(settings(1), out, false, List.of(), quiet(out)));
        assertTrue(e.getMessage().contains("holds a run: continue it with --resume"), e.getMessage());
        Files.writeString(tmp.resolve("bad.tsv"), "id\tcaption\nx\ty\tz\n");
        e = assertThrows(CommandException.class, () -> RunService.prompts(tmp.resolve("bad.tsv").toString(), null));
        assertEquals(tmp.resolve("bad.tsv") + ": row 2 has 3 columns, the header 2", e.getMessage());
    }

    @Test
    void promptFilesHonourTheSplitColumn() throws Exception {
        assertEquals(16, RunService.prompts(train.toString(), "train").size());
        assertEquals("c16", RunService.prompts(train.toString(), "heldout").get(0).id());
        assertEquals(40, RunService.prompts(heldOut.toString(), "heldout").size());
        Path plain = tmp.resolve("plain.txt");
        Files.writeString(plain, "# prompts\nslow piano\n\nfast drums\n");
        var p = RunService.prompts(plain.toString(), "train");
        assertEquals(2, p.size());
        assertEquals("line-4", p.get(1).id());
        assertNotNull(p.get(0).text());
    }
}
