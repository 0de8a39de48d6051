package dev.dragon.core.run;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of one DRAGON run, and the names of what lives in it:
 * <pre>
 * config.json         the run's settings (what {@code --resume} and {@code dragon eval} read back)
 * provenance.json     plugins (id, version, bundle, fingerprint), seeds, command line, Java, start time
 * metrics.csv         one row per iteration
 * metrics.jsonl       the same rows as JSON lines
 * checkpoints/        iter-000000 (the base model), then every N iterations; each with state.json and model/
 * selection.json      which checkpoint was evaluated and why (runs with {@code select = best} only)
 * eval/               evaluation.json, base/ and tuned/ WAV pairs
 * report.html         self-contained report: curves, tables, audio players
 * </pre>
 *
 * @param root the folder
 */
public record RunFolder(Path root) {

    /** @return {@code config.json} */
    public Path config() {
        return root.resolve("config.json");
    }

    /** @return {@code provenance.json} */
    public Path provenance() {
        return root.resolve("provenance.json");
    }

    /** @return {@code metrics.csv} */
    public Path metricsCsv() {
        return root.resolve("metrics.csv");
    }

    /** @return {@code metrics.jsonl} */
    public Path metricsJsonLines() {
        return root.resolve("metrics.jsonl");
    }

    /** @return {@code checkpoints/} */
    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    /** @return {@code selection.json} */
    public Path selection() {
        return root.resolve("selection.json");
    }

    /** @return {@code eval/} */
    public Path eval() {
        return root.resolve("eval");
    }

    /** @return {@code report.html} */
    public Path report() {
        return root.resolve("report.html");
    }

    /** @return true when the folder holds a run's configuration */
    public boolean exists() {
        return Files.isRegularFile(config());
    }

    /**
     * @param file a JSON file
     * @return its object
     * @throws IOException when it cannot be read or is not a JSON object (message names the file)
     */
    public static JsonObject readJson(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a JSON object (" + e.getMessage() + ")");
        }
    }
}
