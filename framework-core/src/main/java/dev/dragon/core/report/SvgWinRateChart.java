package dev.dragon.core.report;

import dev.dragon.core.evaluation.MetricResult;
import dev.dragon.core.evaluation.WinRate;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation's win rates as an inline SVG bar chart: one bar per reward (targets darker), the 50 % line, and
 * for per-prompt win rates the one-sided 95 % Clopper–Pearson lower bound as a tick.
 */
final class SvgWinRateChart {

    private static final int WIDTH = 640;
    private static final int ROW = 22;
    private static final int LEFT = 200;
    private static final int RIGHT = 60;
    private static final int TOP = 28;

    private SvgWinRateChart() {
    }

    static String render(String id, List<MetricResult> results) {
        List<MetricResult> rows = results.stream().filter(m -> m.winRate() != null && Double.isFinite(m.winRate().rate())).toList();
        int height = TOP + ROW * Math.max(1, rows.size()) + 24;
        int plotW = WIDTH - LEFT - RIGHT;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
            "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"win rates\">",
            Html.escape(id), WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Reward win rate of the fine-tuned model</text>", 10));
        for (int i = 0; i < rows.size(); i++) {
            MetricResult m = rows.get(i);
            WinRate w = m.winRate();
            int y = TOP + i * ROW;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 14,
                Html.escape(m.rewardId())));
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", LEFT, y + 3,
                w.rate() * plotW, ROW - 6, m.target() ? "#2c7a2c" : "#8fbf8f"));
            if (Double.isFinite(w.lowerBound95())) {
                double x = LEFT + w.lowerBound95() * plotW;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-width=\"2\"/>", x, x, y + 1, y + ROW - 1));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>", LEFT + w.rate() * plotW + 4, y + 14,
                Html.percent(w.rate())));
        }
        double half = LEFT + 0.5 * plotW;
        int bottom = TOP + ROW * Math.max(1, rows.size());
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#c00\" stroke-dasharray=\"4 3\"/>", half, half, TOP, bottom));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">0 %%</text><text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">50 %%</text><text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">100 %%</text>",
            LEFT, bottom + 14, half, bottom + 14, LEFT + plotW, bottom + 14));
        if (rows.isEmpty()) svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">no win rate measured</text>", LEFT, TOP + 14));
        return svg.append("</svg>").toString();
    }
}
