package dev.dragon.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small line chart drawn as inline SVG (no scripts, no external resources): one polyline per series over a
 * shared x axis, min/max labels on both axes, a legend. NaN values break a line.
 */
final class SvgLineChart {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private final String title;
    private final String xLabel;
    private final Map<String, double[][]> series = new LinkedHashMap<>();

    SvgLineChart(String title, String xLabel) {
        this.title = title;
        this.xLabel = xLabel;
    }

    /**
     * @param name the legend entry
     * @param x    x values
     * @param y    y values (NaN leaves a gap)
     * @return this chart
     */
    SvgLineChart add(String name, double[] x, double[] y) {
        series.put(name, new double[][] {x, y});
        return this;
    }

    String render(String id) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY, yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (double[][] s : series.values()) {
            for (int i = 0; i < s[0].length; i++) {
                if (!Double.isFinite(s[1][i])) continue;
                xMin = Math.min(xMin, s[0][i]);
                xMax = Math.max(xMax, s[0][i]);
                yMin = Math.min(yMin, s[1][i]);
                yMax = Math.max(yMax, s[1][i]);
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
            Html.escape(id), WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>", LEFT, Html.escape(title)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", LEFT, TOP, plotW, plotH));
        if (xMin > xMax) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">no data</text></svg>", LEFT + 10, TOP + plotH / 2));
            return svg.toString();
        }
        if (xMax == xMin) { xMin -= 0.5; xMax += 0.5; }
        if (yMax == yMin) { yMin -= 0.5; yMax += 0.5; }
        double pad = 0.05 * (yMax - yMin);
        yMin -= pad;
        yMax += pad;
        svg.append(label(LEFT - 6, TOP + 4, "end", Html.number(yMax)));
        svg.append(label(LEFT - 6, TOP + plotH, "end", Html.number(yMin)));
        svg.append(label(LEFT, TOP + plotH + 16, "start", axis(xMin)));
        svg.append(label(LEFT + plotW, TOP + plotH + 16, "end", axis(xMax)));
        svg.append(label(LEFT + plotW / 2, TOP + plotH + 32, "middle", Html.escape(xLabel)));
        int colour = 0;
        int legendY = TOP + 14;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            String c = COLOURS[colour++ % COLOURS.length];
            for (List<String> run : runs(e.getValue(), xMin, xMax, yMin, yMax, plotW, plotH)) {
                if (run.size() == 1) {
                    String[] p = run.get(0).split(",");
                    svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%s\" cy=\"%s\" r=\"2.5\" fill=\"%s\"/>", p[0], p[1], c));
                } else {
                    svg.append("<polyline class=\"curve\" fill=\"none\" stroke-width=\"1.8\" stroke=\"").append(c)
                        .append("\" data-series=\"").append(Html.escape(e.getKey())).append("\" points=\"").append(String.join(" ", run)).append("\"/>");
                }
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>", LEFT + 8, legendY, c, Html.escape(e.getKey())));
            legendY += 13;
        }
        return svg.append("</svg>").toString();
    }

    private static List<List<String>> runs(double[][] s, double xMin, double xMax, double yMin, double yMax, int w, int h) {
        List<List<String>> runs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < s[0].length; i++) {
            if (!Double.isFinite(s[1][i])) {
                if (!current.isEmpty()) runs.add(current);
                current = new ArrayList<>();
                continue;
            }
            double px = LEFT + (s[0][i] - xMin) / (xMax - xMin) * w;
            double py = TOP + (1 - (s[1][i] - yMin) / (yMax - yMin)) * h;
            current.add(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
        }
        if (!current.isEmpty()) runs.add(current);
        return runs;
    }

    /** Whole numbers (iterations) without decimals, anything else with four significant digits. */
    private static String axis(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Html.number(v);
    }

    private static String label(int x, int y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\">%s</text>", x, y, anchor, text);
    }
}
