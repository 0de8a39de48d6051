package dev.dragon.core.run;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where running DRAGON runs say how far they are, so that {@code dragon status} on a running {@code serve} can show
 * them, whichever process runs them: one small JSON file per run process in {@code <home>/run/runs/<pid>.json},
 * rewritten atomically on every phase change and removed at the end. Files of processes that no longer live are
 * ignored (and removed when seen).
 */
public final class StatusBoard {

    private final Path dir;

    /** @param home the dragon home ({@code dragon.home}) */
    public StatusBoard(Path home) {
        this.dir = home.resolve("run").resolve("runs");
    }

    private Path own() {
        return dir.resolve(ProcessHandle.current().pid() + ".json");
    }

    /**
     * Publishes this process's run state; failures are ignored (status is best effort, never worth a run).
     *
     * @param state what the run is doing
     */
    public void publish(JsonObject state) {
        try {
            AtomicFiles.writeJson(own(), Json.createObjectBuilder(state).add("pid", ProcessHandle.current().pid())
                .add("updated", Instant.now().toString()).build());
        } catch (IOException | RuntimeException e) {
            // a read-only home must not stop a run
        }
    }

    /** Removes this process's entry. */
    public void clear() {
        try {
            Files.deleteIfExists(own());
        } catch (IOException e) {
            // best effort
        }
    }

    /** @return the runs of live processes, as published */
    public JsonArrayBuilder live() {
        JsonArrayBuilder runs = Json.createArrayBuilder();
        if (!Files.isDirectory(dir)) return runs;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d+\\.json")).sorted().toList()) {
                long pid = Long.parseLong(f.getFileName().toString().replace(".json", ""));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        runs.add(RunFolder.readJson(f));
                    } catch (IOException e) {
                        // being rewritten: skip this time
                    }
                } else {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // status is best effort
        }
        return runs;
    }

    /**
     * @param folder    the run folder
     * @param iteration the current iteration
     * @param of        iterations in the run
     * @param phase     what it is doing
     * @param progress  e.g. {@code 12/48}
     * @param lastReward the last iteration's mean reward per reward id, or null
     * @return the state document
     */
    public static JsonObject state(Path folder, int iteration, int of, String phase, String progress, JsonObject lastReward) {
        return state(folder, iteration, of, phase, progress, lastReward, null);
    }

    /**
     * @param folder      the run folder
     * @param iteration   the current iteration
     * @param of          iterations in the run
     * @param phase       what it is doing
     * @param progress    e.g. {@code 12/48}
     * @param lastReward  the last iteration's mean reward per reward id, or null
     * @param pausedBecause why the run waits, or null while it runs
     * @return the state document: {@code "state"} is {@code running} or {@code paused}, with {@code "reason"} when paused
     */
    public static JsonObject state(Path folder, int iteration, int of, String phase, String progress, JsonObject lastReward,
                                   String pausedBecause) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("folder", folder.toString()).add("iteration", iteration)
            .add("iterations", of).add("phase", phase).add("progress", progress)
            .add("state", pausedBecause == null ? "running" : "paused");
        if (pausedBecause != null) b.add("reason", pausedBecause);
        if (lastReward != null) b.add("lastReward", lastReward);
        else b.addNull("lastReward");
        return b.build();
    }
}
