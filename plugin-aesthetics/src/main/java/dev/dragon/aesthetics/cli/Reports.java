package dev.dragon.aesthetics.cli;

import dev.dragon.aesthetics.model.Evaluation;
import java.io.PrintStream;

/** Prints an {@link Evaluation} the same way for both commands: one measure a line, full double precision. */
final class Reports {

    private Reports() {
    }

    /**
     * @param out   where to print
     * @param label what was measured, e.g. {@code held-out}
     * @param e     the measures
     */
    static void print(PrintStream out, String label, Evaluation e) {
        out.println(label + " items: " + e.items());
        out.println(label + " PLCC: " + value(e.plcc()));
        out.println(label + " SRCC (all items): " + value(e.srcc()));
        out.println(label + " SRCC (mean over " + e.perPrompt().groupsCounted() + " prompt groups with >= 2 items"
            + (e.perPrompt().groupsSkipped() > 0 ? ", " + e.perPrompt().groupsSkipped() + " with equal ratings skipped" : "") + "): "
            + value(e.perPrompt().mean()));
    }

    private static String value(double v) {
        return Double.isNaN(v) ? "undefined (a constant series)" : Double.toString(v);
    }
}
