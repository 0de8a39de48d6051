package dev.dragon.core.report;

import java.util.Locale;

/** HTML escaping and number formatting for the report. */
final class Html {

    private Html() {
    }

    /** @return {@code text} safe inside HTML text and attribute values */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** @return a number with 4 significant digits, or an en dash for NaN */
    static String number(double v) {
        if (!Double.isFinite(v)) return "–";
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** @return a fraction as a percentage with two decimals, or an en dash */
    static String percent(double v) {
        if (!Double.isFinite(v)) return "–";
        return String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    /** @return a p-value in scientific notation */
    static String pValue(double v) {
        if (!Double.isFinite(v)) return "–";
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
