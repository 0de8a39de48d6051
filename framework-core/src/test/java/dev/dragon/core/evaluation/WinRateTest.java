package dev.dragon.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Win-rate statistics against the DRAGON brief's check values and scipy.stats references (make_win_rate_references.py). */
class WinRateTest {

    @Test
    void briefCheckValues() {
        WinRate a = WinRate.of(256, 164, 0);
        assertEquals(0.6095, a.rate(), 5e-5);
        assertEquals(0.5687, a.lowerBound95(), 5e-5);
        assertEquals(4.15e-6, a.pValue(), 0.005e-6);
        WinRate b = WinRate.of(253, 167, 0);
        assertEquals(0.6024, b.rate(), 5e-5);
        assertEquals(0.5615, b.lowerBound95(), 5e-5);
        assertEquals(1.58e-5, b.pValue(), 0.005e-5);
    }

    @Test
    void matchesScipyReferences() throws IOException {
        List<String[]> rows = csv("/evaluation/win-rate-references.csv");
        assertTrue(rows.size() >= 16);
        for (String[] r : rows) {
            int k = Integer.parseInt(r[0]);
            int n = Integer.parseInt(r[1]);
            WinRate w = WinRate.of(k, n - k, 3);
            String at = "k=" + k + ", n=" + n;
            assertEquals(Double.parseDouble(r[2]), w.rate(), 1e-15, at);
            assertRelative(Double.parseDouble(r[3]), w.pValue(), 1e-9, at + " p-value");
            assertEquals(Double.parseDouble(r[4]), w.lowerBound95(), 1e-12, at + " Clopper-Pearson");
            assertEquals(Double.parseDouble(r[5]), w.posteriorAboveHalf(), 1e-12, at + " posterior");
            assertEquals(3, w.ties());
            assertEquals(n, w.trials());
        }
    }

    @Test
    void incompleteBetaAndInverseMatchScipy() throws IOException {
        for (String[] r : csv("/evaluation/incomplete-beta-references.csv")) {
            double x = Double.parseDouble(r[0]), a = Double.parseDouble(r[1]), b = Double.parseDouble(r[2]);
            String at = "x=" + x + ", a=" + a + ", b=" + b;
            assertRelative(Double.parseDouble(r[3]), BetaFunctions.regularizedIncompleteBeta(x, a, b), 1e-10, at);
            assertRelative(Double.parseDouble(r[5]),
                BetaFunctions.inverseRegularizedIncompleteBeta(Double.parseDouble(r[4]), a, b), 1e-9, at + " inverse");
        }
    }

    @Test
    void logGammaOfIntegersIsLogFactorial() {
        double logFactorial = 0;
        for (int n = 1; n < 60; n++) {
            assertEquals(logFactorial, BetaFunctions.logGamma(n), 1e-12 * Math.max(1, logFactorial), "n=" + n);
            logFactorial += Math.log(n);
        }
        assertEquals(0.5 * Math.log(Math.PI), BetaFunctions.logGamma(0.5), 1e-14);
    }

    @Test
    void noDecidedPromptsGivesNaNNotAVerdict() {
        WinRate w = WinRate.of(0, 0, 5);
        assertTrue(Double.isNaN(w.rate()) && Double.isNaN(w.pValue()));
        assertEquals(5, w.ties());
    }

    private static void assertRelative(double expected, double actual, double tolerance, String message) {
        assertEquals(expected, actual, tolerance * Math.max(Math.abs(expected), Double.MIN_NORMAL), message);
    }

    private static List<String[]> csv(String resource) throws IOException {
        try (InputStream in = WinRateTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(",")).toList();
        }
    }
}
