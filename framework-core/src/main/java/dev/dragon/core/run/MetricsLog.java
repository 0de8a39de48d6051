package dev.dragon.core.run;

import dev.dragon.core.dragon.IterationMetrics;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-iteration metrics of a run, kept twice: {@code metrics.csv} (for spreadsheets; one column per reward)
 * and {@code metrics.jsonl} (for programs), each row with the provider (bundle, version, service) of every reward that
 * scored it. Rows are appended and flushed per iteration; on resume the rows after
 * the restored checkpoint are dropped (the files are rewritten atomically), so no iteration appears twice.
 */
public final class MetricsLog {

    private final RunFolder folder;
    private final List<String> rewardIds;

    /**
     * @param folder    the run folder
     * @param rewardIds the run's reward ids (the CSV's reward columns, in order)
     */
    public MetricsLog(RunFolder folder, List<String> rewardIds) {
        this.folder = folder;
        this.rewardIds = List.copyOf(rewardIds);
    }

    /** @return the CSV header line */
    String header() {
        StringBuilder h = new StringBuilder("iteration,status,strategy");
        for (String id : rewardIds) h.append(",reward:").append(csv(id));
        h.append(",loss,reward_margin,gradient_norm,positives,negatives,dropped,swaps,seconds,note");
        // after the note, so that existing readers of the leading columns are unaffected
        for (String id : rewardIds) h.append(",provider:").append(csv(id));
        return h.toString();
    }

    /**
     * Appends one row to both files.
     *
     * @param row the iteration's metrics
     * @throws IOException when a file cannot be written
     */
    public synchronized void append(IterationMetrics row) throws IOException {
        if (!Files.exists(folder.metricsCsv())) AtomicFiles.writeText(folder.metricsCsv(), header() + "\n");
        Files.writeString(folder.metricsCsv(), csvRow(row) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(folder.metricsJsonLines(), row.toJson().toString() + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Keeps only the rows up to {@code iteration} (a torn last line from a crash is dropped too).
     *
     * @param iteration the last iteration to keep
     * @throws IOException when the files cannot be rewritten
     */
    public synchronized void truncateAfter(int iteration) throws IOException {
        List<IterationMetrics> kept = read().stream().filter(r -> r.iteration() <= iteration).toList();
        StringBuilder csv = new StringBuilder(header()).append('\n');
        StringBuilder jsonl = new StringBuilder();
        for (IterationMetrics r : kept) {
            csv.append(csvRow(r)).append('\n');
            jsonl.append(r.toJson()).append('\n');
        }
        AtomicFiles.writeText(folder.metricsCsv(), csv.toString());
        AtomicFiles.writeText(folder.metricsJsonLines(), jsonl.toString());
    }

    /**
     * @return every complete row of {@code metrics.jsonl}, in order (none when the file is missing)
     * @throws IOException when it cannot be read
     */
    public List<IterationMetrics> read() throws IOException {
        return read(folder);
    }

    /**
     * @param folder a run folder
     * @return its metrics rows (lines that do not parse — a torn last line — are skipped)
     * @throws IOException when the file cannot be read
     */
    public static List<IterationMetrics> read(RunFolder folder) throws IOException {
        List<IterationMetrics> rows = new ArrayList<>();
        if (!Files.exists(folder.metricsJsonLines())) return rows;
        for (String line : Files.readAllLines(folder.metricsJsonLines())) {
            if (line.isBlank()) continue;
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                rows.add(IterationMetrics.fromJson(reader.readObject()));
            } catch (RuntimeException e) {
                // a line cut short by a crash: the checkpoint it belonged to was not complete either
            }
        }
        return rows;
    }

    private String csvRow(IterationMetrics r) {
        StringBuilder s = new StringBuilder().append(r.iteration()).append(',').append(r.status()).append(',').append(r.strategy());
        for (String id : rewardIds) s.append(',').append(num(r.rewards().getOrDefault(id, Double.NaN)));
        s.append(',').append(num(r.loss())).append(',').append(num(r.rewardMargin())).append(',').append(num(r.gradientNorm()))
            .append(',').append(r.positives()).append(',').append(r.negatives()).append(',').append(r.dropped())
            .append(',').append(r.swaps()).append(',').append(String.format(Locale.ROOT, "%.3f", r.seconds()))
            .append(',').append(csv(r.note()));
        for (String id : rewardIds) s.append(',').append(csv(r.providers().getOrDefault(id, "")));
        return s.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String csv(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) return text;
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
