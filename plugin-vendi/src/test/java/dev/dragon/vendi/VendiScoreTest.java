package dev.dragon.vendi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.io.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VendiScoreTest {

    private static final Properties EXPECTED = new Properties();

    static {
        try (InputStream in = VendiScoreTest.class.getResourceAsStream("expected.properties")) {
            EXPECTED.load(in);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static double expected(String key) {
        return Double.parseDouble(EXPECTED.getProperty(key));
    }

    private static FrameEmbeddings generated(String name) {
        return GeneratedEmbeddings.fromRecipe(EXPECTED.getProperty("gen." + name));
    }

    private static double order(String q) {
        return q.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(q);
    }

    private static void assertRelative(double expected, double actual, double tolerance) {
        double error = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= tolerance, "expected " + expected + ", got " + actual + " (relative error " + error + ")");
    }

    @Test
    void briefReferenceTwoAlikeOneOrthogonal() {
        FrameEmbeddings x = new FrameEmbeddings(3, 2, new double[] {1, 0, 0, 1, 1, 0});
        assertRelative(1.8898815748423097, VendiScore.of(x, 1, "x"), 1e-12);
    }

    @Test
    void briefReferenceInPrimalFormToo() {
        // four columns make n < d, so the 3×3 kernel is used instead of the 4×4 dual
        FrameEmbeddings x = new FrameEmbeddings(3, 4, new double[] {1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0});
        assertRelative(1.8898815748423097, VendiScore.of(x, 1, "x"), 1e-12);
    }

    @Test
    void identicalRowsScoreOneAndOrthogonalRowsScoreN() {
        assertRelative(1.0, VendiScore.of(new FrameEmbeddings(3, 2, new double[] {1, 1, 2, 2, 3, 3}), 1, "same"), 1e-12);
        assertRelative(3.0, VendiScore.of(new FrameEmbeddings(3, 3, new double[] {1, 0, 0, 0, 2, 0, 0, 0, 3}), 0.5, "orthogonal"), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"primal,0.5", "primal,1", "primal,2", "primal,inf", "dual,0.5", "dual,1", "dual,2", "dual,inf",
        "wide512,0.5", "wide512,1", "wide512,2", "wide512,inf", "tall512,0.5", "tall512,1", "tall512,2", "tall512,inf",
        "lowrank,0.5", "lowrank,1", "lowrank,2", "lowrank,inf"})
    void matchesNumpy(String name, String q) {
        assertRelative(expected(name + ".q" + q), VendiScore.of(generated(name), order(q), name), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"0.5", "1", "inf"})
    void weightedPrimalMatchesNumpy(String q) {
        double[] w = GeneratedEmbeddings.unit(76, 40);
        for (int i = 0; i < w.length; i++) w[i] += 0.1;
        assertRelative(expected("weighted.q" + q), VendiScore.of(generated("primal"), w, order(q), "weighted"), 1e-9);
    }

    @Test
    void weightedDualMatchesNumpyPrimal() {
        double[] w = GeneratedEmbeddings.unit(77, 300);
        for (int i = 0; i < w.length; i++) w[i] += 0.1;
        assertRelative(expected("weighted-dual.q1"), VendiScore.of(generated("dual"), w, 1, "weighted"), 1e-9);
    }

    @Test
    void uniformWeightsEqualNoWeights() {
        FrameEmbeddings x = generated("dual");
        double[] w = new double[x.frames()];
        java.util.Arrays.fill(w, 7.0);
        assertEquals(VendiScore.of(x, 2, "x"), VendiScore.of(x, w, 2, "x"), 1e-12);
    }

    @Test
    void storedFloat32InputMatchesNumpy() throws Exception {
        Path file = Path.of(VendiScoreTest.class.getResource("x-small.npy").toURI());
        assertRelative(expected("x-small.q1"), VendiScore.of(Npy.read(file).toFrameEmbeddings(), 1, "x-small"), 1e-9);
    }

    @Test
    void nanRowIsRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> VendiScore.of(new FrameEmbeddings(2, 2, new double[] {1, 0, Double.NaN, 1}), 1, "gen.npy"));
        assertTrue(e.getMessage().startsWith("gen.npy: row 1 holds NaN"), e.getMessage());
    }

    @Test
    void zeroRowIsRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> VendiScore.of(new FrameEmbeddings(2, 2, new double[] {1, 0, 0, 0}), 1, "gen.npy"));
        assertTrue(e.getMessage().startsWith("gen.npy: row 1 is all zeros"), e.getMessage());
    }

    @Test
    void nonPositiveOrderIsRejected() {
        FrameEmbeddings x = new FrameEmbeddings(1, 2, new double[] {1, 0});
        assertThrows(IllegalArgumentException.class, () -> VendiScore.of(x, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> VendiScore.of(x, Double.NaN, "x"));
    }
}
