package dev.dragon.core.run;

import dev.dragon.api.Generator;
import dev.dragon.core.dragon.RunningStatistics;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The checkpoints of a run: {@code checkpoints/iter-NNNNNN/} holding {@code model/} (what the generator writes) and
 * {@code state.json} (iteration, seed, the reward normalisers' running statistics). A checkpoint is assembled in a
 * hidden {@code .partial-…} folder and renamed into place only when complete, so a crash leaves either no new
 * checkpoint or a whole one; partial folders are ignored and removed.
 */
public final class CheckpointStore {

    private static final String PREFIX = "iter-";
    private static final String PARTIAL = ".partial-";
    private static final String STATE = "state.json";
    private static final String MODEL = "model";

    private final Path dir;

    /** @param folder the run folder */
    public CheckpointStore(RunFolder folder) {
        this.dir = folder.checkpoints();
    }

    /**
     * What a checkpoint records besides the model.
     *
     * @param iteration            the last completed iteration (0: the base model)
     * @param seed                 the run seed
     * @param statistics           the reward normalisers per reward id
     * @param generatorFingerprint the generator's fingerprint when it was written
     */
    public record State(int iteration, long seed, Map<String, RunningStatistics> statistics, String generatorFingerprint) {
    }

    /** @return the folder of the checkpoint after {@code iteration} */
    public Path path(int iteration) {
        return dir.resolve(String.format("%s%06d", PREFIX, iteration));
    }

    /** @return the model folder of the checkpoint after {@code iteration} (what {@link Generator#restore} reads) */
    public Path modelPath(int iteration) {
        return path(iteration).resolve(MODEL);
    }

    /**
     * Writes a checkpoint atomically.
     *
     * @param generator the generator whose policy to save
     * @param state     the loop state
     * @throws IOException when it cannot be written (the previous checkpoints stay intact)
     */
    public void save(Generator generator, State state) throws IOException {
        Files.createDirectories(dir);
        Path partial = dir.resolve(PARTIAL + String.format("%06d-%d", state.iteration(), System.nanoTime()));
        try {
            // model/ is left for the generator to create: its own atomic write may rename a folder into place
            Files.createDirectories(partial);
            generator.checkpoint(partial.resolve(MODEL));
            JsonObjectBuilder stats = Json.createObjectBuilder();
            state.statistics().forEach((id, s) -> stats.add(id, Json.createObjectBuilder()
                .add("count", s.count()).add("mean", s.mean()).add("sumOfSquares", s.sumOfSquares())));
            AtomicFiles.writeJson(partial.resolve(STATE), Json.createObjectBuilder()
                .add("iteration", state.iteration()).add("seed", state.seed()).add("statistics", stats)
                .add("generatorFingerprint", state.generatorFingerprint()).add("written", Instant.now().toString()).build());
            Path target = path(state.iteration());
            if (Files.exists(target)) deleteTree(target);
            AtomicFiles.move(partial, target);
        } finally {
            if (Files.exists(partial)) deleteTree(partial);
        }
    }

    /**
     * @return the iteration of the newest complete checkpoint (one whose {@code state.json} reads back)
     * @throws IOException when the folder cannot be listed
     */
    public OptionalInt latest() throws IOException {
        return iterations().stream().mapToInt(Integer::intValue).max();
    }

    /**
     * @return the iterations of the complete checkpoints, in order
     * @throws IOException when the folder cannot be listed
     */
    public List<Integer> iterations() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).filter(this::complete)
                .map(p -> Integer.parseInt(p.getFileName().toString().substring(PREFIX.length()))).sorted().toList();
        }
    }

    /**
     * @param iteration a checkpoint's iteration
     * @return its recorded state
     * @throws IOException when it is missing or unreadable
     */
    public State read(int iteration) throws IOException {
        return readState(path(iteration));
    }

    /**
     * @param checkpoint a checkpoint folder
     * @return its recorded state
     * @throws IOException when it is missing or unreadable (the message names the file)
     */
    public static State readState(Path checkpoint) throws IOException {
        JsonObject o = RunFolder.readJson(checkpoint.resolve(STATE));
        Map<String, RunningStatistics> stats = new LinkedHashMap<>();
        o.getJsonObject("statistics").forEach((id, v) -> {
            JsonObject s = v.asJsonObject();
            stats.put(id, new RunningStatistics(s.getJsonNumber("count").longValue(), s.getJsonNumber("mean").doubleValue(),
                s.getJsonNumber("sumOfSquares").doubleValue()));
        });
        return new State(o.getInt("iteration"), o.getJsonNumber("seed").longValue(), stats, o.getString("generatorFingerprint"));
    }

    /** @return the model folder inside a checkpoint folder */
    public static Path modelOf(Path checkpoint) {
        return checkpoint.resolve(MODEL);
    }

    /**
     * Removes partial checkpoints a crash left behind.
     *
     * @throws IOException when one cannot be removed
     */
    public void removePartials() throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(PARTIAL)).toList()) deleteTree(p);
        }
    }

    /** @return the iteration of a complete checkpoint folder {@code dir}, or empty when it is not one */
    public static Optional<Integer> iterationOf(Path checkpoint) {
        try {
            return Optional.of(readState(checkpoint).iteration());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean complete(Path p) {
        try {
            return p.getFileName().toString().substring(PREFIX.length()).matches("\\d+") && Files.isDirectory(p.resolve(MODEL))
                && readState(p) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
