package dev.dragon.core.report;

import dev.dragon.core.dragon.IterationMetrics;
import dev.dragon.core.evaluation.AudioPair;
import dev.dragon.core.evaluation.Evaluation;
import dev.dragon.core.evaluation.MetricResult;
import dev.dragon.core.evaluation.WinRate;
import dev.dragon.core.run.AtomicFiles;
import dev.dragon.core.run.BestCheckpoint;
import dev.dragon.core.run.CheckpointStore;
import dev.dragon.core.run.RunFolder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Writes a run's {@code report.html}: one self-contained file (inline CSS and SVG, no scripts, no external
 * resources) with the headline win rate, reward and loss curves, a win-rate bar chart, the before/after table of every reward, audio
 * players for the base/fine-tuned pairs (relative links to the WAV files beside it, so the folder can be moved
 * or opened from disk), the per-iteration table, the configuration and the provenance.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * @param folder     the run folder
     * @param config     {@code config.json}
     * @param provenance {@code provenance.json}
     * @param metrics    the per-iteration rows
     * @param evaluation the evaluation, or null when there is none yet
     * @throws IOException when the report cannot be written
     */
    public static void write(RunFolder folder, JsonObject config, JsonObject provenance, List<IterationMetrics> metrics,
                             Evaluation evaluation) throws IOException {
        OptionalInt chosen = BestCheckpoint.chosen(folder);
        boolean selected = evaluation != null && chosen.isPresent()
            && evaluation.tunedCheckpoint().equals(new CheckpointStore(folder).path(chosen.getAsInt()).getFileName().toString());
        AtomicFiles.writeText(folder.report(), render(folder.root().getFileName().toString(), config, provenance, metrics, evaluation, selected));
    }

    /** {@code selected}: the evaluated checkpoint is the one {@code selection.json} chose. */
    static String render(String name, JsonObject config, JsonObject provenance, List<IterationMetrics> metrics, Evaluation evaluation,
                         boolean selected) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>DRAGON run ").append(Html.escape(name))
            .append("</title><style>")
            .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}")
            .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
            .append("th{background:#f3f3f3}td.l,th.l{text-align:left}.headline{font-size:1.3em;background:#eef6ee;padding:.6em 1em;border-radius:6px}")
            .append("pre{background:#f7f7f7;padding:.6em;overflow:auto;font-size:12px}svg.chart{display:block;margin:1em 0}")
            .append("</style></head><body>\n");
        h.append("<h1>DRAGON run <code>").append(Html.escape(name)).append("</code></h1>\n");
        h.append("<p>Generator <b>").append(Html.escape(config.getString("generator", "?"))).append("</b>, rewards <b>")
            .append(Html.escape(rewardsOf(config))).append("</b>, ").append(config.getInt("iterations", 0)).append(" iterations of ")
            .append(config.getInt("batch", 0)).append(" prompts, loss ").append(Html.escape(config.getString("loss", "?")))
            .append(", pairing ").append(Html.escape(config.getString("pairing", "?"))).append(", seed ")
            .append(config.getJsonNumber("seed") == null ? "?" : config.getJsonNumber("seed").toString()).append(".</p>\n");

        if (evaluation != null && evaluation.headline() != null) headline(h, evaluation.headline(), evaluation);

        h.append("<h2>Training curves</h2>\n");
        curves(h, config, metrics);

        if (evaluation != null) {
            h.append("<h2>Evaluation: fine-tuned (").append(Html.escape(evaluation.tunedCheckpoint())).append(") vs base (")
                .append(Html.escape(evaluation.baseCheckpoint())).append(")</h2>\n<p>").append(evaluation.prompts())
                .append(" held-out prompts, the same seed per prompt for both models, ").append(evaluation.steps())
                .append(" sampler steps. Win rate: share of decided prompts where the fine-tuned sample scores higher (ties stated apart); "
                    + "set rewards: share of bootstrap resamples of the prompts (no binomial statistics there).</p>\n");
            if (selected) {
                h.append("<p>The fine-tuned checkpoint is the run's best by its own on-policy scores, not necessarily the last "
                    + "(<code>selection.json</code>).</p>\n");
            }
            h.append(SvgWinRateChart.render("win-rate-chart", evaluation.results())).append('\n');
            metricsTable(h, evaluation);
            audio(h, evaluation, evaluation.headline());
        }

        h.append("<h2>Iterations</h2>\n");
        iterationTable(h, config, metrics);
        h.append("<h2>Configuration</h2>\n<pre>").append(Html.escape(AtomicFiles.pretty(config))).append("</pre>\n");
        h.append("<h2>Provenance</h2>\n<pre>").append(Html.escape(AtomicFiles.pretty(provenance))).append("</pre>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String rewardsOf(JsonObject config) {
        List<String> r = new ArrayList<>();
        var arr = config.getJsonArray("rewards");
        if (arr != null) {
            arr.forEach(v -> {
                JsonObject o = v.asJsonObject();
                double w = o.getJsonNumber("weight").doubleValue();
                r.add(o.getString("id") + (w == 1 ? "" : " ×" + Html.number(w)));
            });
        }
        return String.join(", ", r);
    }

    private static List<String> rewardIds(JsonObject config, List<IterationMetrics> metrics) {
        Set<String> ids = new LinkedHashSet<>();
        var arr = config.getJsonArray("rewards");
        if (arr != null) arr.forEach(v -> ids.add(v.asJsonObject().getString("id")));
        metrics.forEach(m -> ids.addAll(m.rewards().keySet()));
        return new ArrayList<>(ids);
    }

    private static void headline(StringBuilder h, MetricResult m, Evaluation e) {
        WinRate w = m.winRate();
        h.append("<p class=\"headline\" id=\"headline\">Reward win rate on <b>").append(Html.escape(m.rewardId())).append("</b>: ");
        if (w == null) {
            h.append("not measured (").append(Html.escape(String.valueOf(m.error()))).append(")</p>\n");
            return;
        }
        h.append("<b>").append(Html.percent(w.rate())).append("</b> (").append(w.wins()).append(" of ").append(w.trials())
            .append(" decided prompts, ").append(w.ties()).append(" ties");
        if (Double.isFinite(w.pValue())) {
            h.append("; one-sided 95 % Clopper–Pearson lower bound ").append(Html.percent(w.lowerBound95()))
                .append(", exact binomial p = ").append(Html.pValue(w.pValue())).append(", P(WR &gt; 0.5) = ")
                .append(Html.number(w.posteriorAboveHalf()));
        } else {
            h.append("; ").append(Html.escape(m.method()));
        }
        h.append(")</p>\n");
    }

    private static void curves(StringBuilder h, JsonObject config, List<IterationMetrics> metrics) {
        double[] x = metrics.stream().mapToDouble(IterationMetrics::iteration).toArray();
        SvgLineChart rewards = new SvgLineChart("Mean reward of the on-policy samples (raw, per reward)", "iteration");
        for (String id : rewardIds(config, metrics)) {
            rewards.add(id, x, metrics.stream().mapToDouble(m -> m.rewards().getOrDefault(id, Double.NaN)).toArray());
        }
        h.append(rewards.render("reward-curve")).append('\n');
        SvgLineChart loss = new SvgLineChart("Preference loss", "iteration")
            .add("loss", x, metrics.stream().mapToDouble(IterationMetrics::loss).toArray());
        h.append(loss.render("loss-curve")).append('\n');
        SvgLineChart margin = new SvgLineChart("Implicit reward margin and gradient norm", "iteration")
            .add("reward margin", x, metrics.stream().mapToDouble(IterationMetrics::rewardMargin).toArray())
            .add("gradient norm", x, metrics.stream().mapToDouble(IterationMetrics::gradientNorm).toArray());
        h.append(margin.render("margin-curve")).append('\n');
    }

    private static void metricsTable(StringBuilder h, Evaluation e) {
        h.append("<table id=\"metrics-table\"><tr><th class=\"l\">reward</th><th class=\"l\">kind</th><th>base</th><th>fine-tuned</th>"
            + "<th>win rate</th><th>wins / losses / ties</th><th>CP 95 % lower</th><th>p (one-sided)</th><th>P(WR&gt;0.5)</th><th class=\"l\">method</th></tr>\n");
        for (MetricResult m : e.results()) {
            h.append("<tr><td class=\"l\">").append(Html.escape(m.rewardId())).append(m.target() ? " <b>(target)</b>" : "")
                .append("</td><td class=\"l\">").append(Html.escape(m.kind())).append("</td>");
            if (m.error() != null) {
                h.append("<td class=\"l\" colspan=\"8\">not measured: ").append(Html.escape(m.error())).append("</td></tr>\n");
                continue;
            }
            WinRate w = m.winRate();
            h.append("<td>").append(Html.number(m.before())).append("</td><td>").append(Html.number(m.after())).append("</td><td>")
                .append(Html.percent(w.rate())).append("</td><td>").append(w.wins()).append(" / ").append(w.losses()).append(" / ")
                .append(w.ties()).append("</td><td>").append(Html.percent(w.lowerBound95())).append("</td><td>")
                .append(Html.pValue(w.pValue())).append("</td><td>").append(Html.number(w.posteriorAboveHalf()))
                .append("</td><td class=\"l\">").append(Html.escape(m.method())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void audio(StringBuilder h, Evaluation e, MetricResult headline) {
        if (e.pairs().isEmpty()) return;
        String reward = headline == null ? "reward" : headline.rewardId();
        h.append("<h2>Listen: base vs fine-tuned (same prompt, same seed)</h2>\n<table id=\"audio-table\"><tr><th class=\"l\">prompt</th>"
            + "<th class=\"l\">base</th><th class=\"l\">fine-tuned</th><th>").append(Html.escape(reward)).append(" base → fine-tuned</th></tr>\n");
        for (AudioPair p : e.pairs()) {
            h.append("<tr><td class=\"l\">").append(Html.escape(p.promptText())).append("</td><td class=\"l\"><audio controls preload=\"auto\" src=\"")
                .append(Html.escape(p.baseFile())).append("\"></audio></td><td class=\"l\"><audio controls preload=\"auto\" src=\"")
                .append(Html.escape(p.tunedFile())).append("\"></audio></td><td>").append(Html.number(p.baseScore())).append(" → ")
                .append(Html.number(p.tunedScore())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void iterationTable(StringBuilder h, JsonObject config, List<IterationMetrics> metrics) {
        List<String> ids = rewardIds(config, metrics);
        h.append("<table id=\"iterations-table\"><tr><th>iteration</th><th class=\"l\">status</th>");
        for (String id : ids) h.append("<th>").append(Html.escape(id)).append("</th>");
        h.append("<th>loss</th><th>margin</th><th>|D+|</th><th>|D−|</th><th>seconds</th><th class=\"l\">note</th></tr>\n");
        for (IterationMetrics m : metrics) {
            h.append("<tr><td>").append(m.iteration()).append("</td><td class=\"l\">").append(Html.escape(m.status())).append("</td>");
            for (String id : ids) h.append("<td>").append(Html.number(m.rewards().getOrDefault(id, Double.NaN))).append("</td>");
            h.append("<td>").append(Html.number(m.loss())).append("</td><td>").append(Html.number(m.rewardMargin())).append("</td><td>")
                .append(m.positives()).append("</td><td>").append(m.negatives()).append("</td><td>").append(Html.number(m.seconds()))
                .append("</td><td class=\"l\">").append(Html.escape(m.note())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }
}
