package dev.dragon.itest;

import dev.dragon.runtime.Subcommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A {@code dragon run} started through its command service on a thread of its own, so that a test can change plugins
 * while it runs, and what the run leaves to look at: its rows in {@code metrics.jsonl}, its checkpoints and its entry
 * on the status board ({@code <dragon.home>/run/runs/<pid>.json}, what {@code dragon status} lists).
 */
final class LiveRun {

    private final BundleContext context;
    final Path folder;
    private final CompletableFuture<String> stdout = new CompletableFuture<>();

    private LiveRun(BundleContext context, Path folder) {
        this.context = context;
        this.folder = folder;
    }

    /** Writes 6 training prompts into {@code tmp} and starts {@code dragon run} with them and {@code args}. */
    static LiveRun start(BundleContext context, Path tmp, String... args) throws IOException {
        Files.createDirectories(tmp);
        Path train = tmp.resolve("train.tsv");
        Files.writeString(train, "id\tcaption\n" + IntStream.range(0, 6).mapToObj(i -> "t" + i + "\ttone " + i).collect(Collectors.joining("\n")) + "\n");
        LiveRun run = new LiveRun(context, tmp.resolve("run"));
        List<String> all = new ArrayList<>(List.of("--generator", GatedGenerator.ID, "--train-prompts", train.toString(),
            "--batch", "2", "--lr", "0.5", "--seed", "3", "--out", run.folder.toString()));
        all.addAll(List.of(args));
        Thread t = new Thread(() -> {
            try {
                ServiceReference<Subcommand> ref = context.getServiceReferences(Subcommand.class, "(" + Subcommand.NAME + "=run)").iterator().next();
                Subcommand command = context.getService(ref);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                    int rc = command.run(all, ps);
                    if (rc != 0) throw new AssertionError("dragon run exited " + rc);
                } finally {
                    context.ungetService(ref);
                }
                run.stdout.complete(bytes.toString(StandardCharsets.UTF_8));
            } catch (Throwable e) {
                run.stdout.completeExceptionally(e);
            }
        }, "itest-live-run");
        t.setDaemon(true);
        t.start();
        return run;
    }

    /** Waits for the run to finish; returns its stdout. */
    String finish() throws Exception {
        return stdout.get(120, TimeUnit.SECONDS);
    }

    /** @return every row of metrics.jsonl so far */
    List<JsonObject> rows() throws IOException {
        Path f = folder.resolve("metrics.jsonl");
        if (!Files.exists(f)) return List.of();
        List<JsonObject> rows = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            if (!line.isBlank()) rows.add(json(line));
        }
        return rows;
    }

    List<String> statuses() throws IOException {
        return rows().stream().map(r -> r.getString("status")).toList();
    }

    /** @return the provider label of {@code reward} in each row */
    List<String> providers(String reward) throws IOException {
        return rows().stream().map(r -> r.getJsonObject("providers").getString(reward, "")).toList();
    }

    /** @return the iterations of the complete checkpoints (state.json present and naming the same iteration) */
    List<Integer> checkpoints() throws IOException {
        List<Integer> out = new ArrayList<>();
        try (var s = Files.list(folder.resolve("checkpoints"))) {
            for (Path c : s.filter(p -> p.getFileName().toString().startsWith("iter-")).sorted().toList()) {
                int k = Integer.parseInt(c.getFileName().toString().substring(5));
                if (json(Files.readString(c.resolve("state.json"))).getInt("iteration") == k) out.add(k);
            }
        }
        return out;
    }

    /** @return this run's entry on the status board, if published now */
    Optional<JsonObject> status() {
        Path f = Path.of(context.getProperty("dragon.home")).resolve("run/runs/" + ProcessHandle.current().pid() + ".json");
        try {
            JsonObject o = json(Files.readString(f));
            return o.getString("folder", "").equals(folder.toAbsolutePath().normalize().toString()) ? Optional.of(o) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not there, or being replaced
        }
    }

    /** Waits until the status board shows the run paused; returns the entry. */
    JsonObject awaitPaused() throws InterruptedException {
        Await.until("the run is paused on the status board", 60_000,
            () -> status().map(s -> "paused".equals(s.getString("state", ""))).orElse(false), () -> status().toString());
        return status().orElseThrow();
    }

    static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    /** The swap-reward plugin jar, re-stamped with another Bundle-Version (a plugin author's next release). */
    static InputStream swapJar(BundleContext context, String version) throws IOException {
        return SamplePlugin.withVersion(Path.of(context.getProperty("dragon.itest.swapJar")), version);
    }
}
