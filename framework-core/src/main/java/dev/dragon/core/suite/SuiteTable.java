package dev.dragon.core.suite;

import dev.dragon.core.run.AtomicFiles;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The suite's result: one row per reward and the average reward win rate over the rewards that were measured (the
 * DRAGON paper's headline figure), written as {@code suite.json}, {@code suite.csv} and a self-contained
 * {@code suite.html}, each atomically.
 *
 * @param rows     the rows, in suite order
 * @param planned  how many rewards the suite has (rows may be fewer while it runs)
 * @param settings the suite's settings, recorded as they are
 */
public record SuiteTable(List<SuiteRow> rows, int planned, JsonObject settings) {

    /** The paper's average reward win rate over its 20 rewards, for comparison. */
    public static final double PAPER_AVERAGE = 0.8145;

    /** Canonical constructor: copies the rows. */
    public SuiteTable {
        rows = List.copyOf(rows);
    }

    /** @return the mean win rate of the measured rows, NaN when none is */
    public double averageWinRate() {
        return rows.stream().filter(SuiteRow::measured).mapToDouble(r -> r.winRate().rate()).average().orElse(Double.NaN);
    }

    /** @return how many rows have a win rate */
    public int measured() {
        return (int) rows.stream().filter(SuiteRow::measured).count();
    }

    /** @return how many measured rows have a win rate above one half */
    public int improved() {
        return (int) rows.stream().filter(r -> r.measured() && r.winRate().rate() > 0.5).count();
    }

    /** @return the whole table as JSON */
    public JsonObject toJson() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        rows.forEach(r -> a.add(r.toJson()));
        JsonObjectBuilder o = Json.createObjectBuilder().add("planned", planned).add("finished", rows.size()).add("measured", measured())
            .add("improved", improved());
        double avg = averageWinRate();
        if (Double.isFinite(avg)) o.add("averageWinRate", avg);
        else o.addNull("averageWinRate");
        return o.add("paperAverageWinRate", PAPER_AVERAGE).add("settings", settings).add("rewards", a).build();
    }

    /** @return the table as CSV: a header and one line per reward (empty cells where there is no value) */
    public String toCsv() {
        StringBuilder s = new StringBuilder("reward,kind,method,win_rate,wins,losses,ties,cp95_lower,p_value,p_wr_above_half,before,after,seconds,settings,run,error\n");
        for (SuiteRow r : rows) {
            var w = r.winRate();
            s.append(csv(r.id())).append(',').append(csv(r.kind())).append(',').append(csv(r.method())).append(',')
                .append(w == null ? "" : num(w.rate())).append(',').append(w == null ? "" : w.wins()).append(',')
                .append(w == null ? "" : w.losses()).append(',').append(w == null ? "" : w.ties()).append(',')
                .append(w == null ? "" : num(w.lowerBound95())).append(',').append(w == null ? "" : num(w.pValue())).append(',')
                .append(w == null ? "" : num(w.posteriorAboveHalf())).append(',').append(num(r.before())).append(',')
                .append(num(r.after())).append(',').append(num(r.seconds())).append(',').append(csv(r.settings())).append(',').append(csv(r.runFolder())).append(',')
                .append(csv(r.error() == null ? "" : r.error())).append('\n');
        }
        return s.toString();
    }

    /** @return a self-contained HTML page: the headline average and the table, with links to each run's report */
    public String toHtml() {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dragon suite</title>\n<style>")
            .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
            .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}td:first-child,th:first-child,td.l{text-align:left}")
            .append(".up{color:#1a7f37}.down{color:#b42318}</style></head><body>\n<h1>dragon suite</h1>\n");
        double avg = averageWinRate();
        s.append("<p id=\"average\">Average reward win rate: <b>").append(pct(avg)).append("</b> over ").append(measured())
            .append(" measured reward(s) of ").append(planned).append(" (").append(improved())
            .append(" above 50 %); the DRAGON paper reports ").append(pct(PAPER_AVERAGE)).append(" over its 20 rewards.</p>\n");
        s.append("<table id=\"suite\"><thead><tr><th>reward</th><th>kind</th><th>win rate</th><th>wins/losses/ties</th>")
            .append("<th>CP95 lower</th><th>p-value</th><th>P(WR&gt;0.5)</th><th>before</th><th>after</th><th>seconds</th><th>settings</th><th>run</th></tr></thead><tbody>\n");
        for (SuiteRow r : rows) {
            var w = r.winRate();
            s.append("<tr><td>").append(esc(r.id())).append("</td><td class=\"l\">").append(esc(r.kind())).append("</td>");
            if (r.measured()) {
                s.append("<td class=\"").append(w.rate() > 0.5 ? "up" : "down").append("\">").append(pct(w.rate())).append("</td><td>")
                    .append(w.wins()).append('/').append(w.losses()).append('/').append(w.ties()).append(" <small>(")
                    .append(esc(r.method())).append(")</small></td><td>").append(pct(w.lowerBound95())).append("</td><td>")
                    .append(Double.isFinite(w.pValue()) ? String.format(Locale.ROOT, "%.3g", w.pValue()) : "–").append("</td><td>")
                    .append(Double.isFinite(w.posteriorAboveHalf()) ? String.format(Locale.ROOT, "%.4f", w.posteriorAboveHalf()) : "–").append("</td>");
            } else {
                s.append("<td colspan=\"5\" class=\"l\">not measured: ").append(esc(r.error() == null ? "no result" : r.error())).append("</td>");
            }
            s.append("<td>").append(fmt(r.before())).append("</td><td>").append(fmt(r.after())).append("</td><td>")
                .append(Double.isFinite(r.seconds()) ? String.format(Locale.ROOT, "%.0f", r.seconds()) : "–").append("</td><td class=\"l\">")
                .append(esc(r.settings())).append("</td><td class=\"l\">")
                .append("<a href=\"").append(esc(r.runFolder())).append("/report.html\">").append(esc(r.runFolder())).append("</a></td></tr>\n");
        }
        s.append("</tbody></table>\n<p>Set rewards (dataset FAD, Vendi) have a win rate over bootstrap resamples of the held-out prompts; ")
            .append("the binomial p-value, Clopper–Pearson bound and posterior apply only to per-prompt win rates.</p>\n")
            .append("<h2>Shared settings</h2>\n<p>Every reward's run starts from these; a row's own training settings are in its settings column.</p>\n<pre>").append(esc(AtomicFiles.pretty(settings))).append("</pre>\n</body></html>\n");
        return s.toString();
    }

    /**
     * Writes {@code suite.json}, {@code suite.csv} and {@code suite.html} into {@code folder}, each atomically.
     *
     * @param folder the suite folder
     * @throws IOException when a file cannot be written
     */
    public void write(Path folder) throws IOException {
        AtomicFiles.writeJson(folder.resolve("suite.json"), toJson());
        AtomicFiles.writeText(folder.resolve("suite.csv"), toCsv());
        AtomicFiles.writeText(folder.resolve("suite.html"), toHtml());
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f %%", 100 * v) : "–";
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "–";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String esc(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
