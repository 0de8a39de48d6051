package dev.dragon.fad;

import static dev.dragon.fad.Fixtures.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.FrameEmbeddings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    private static double fd(double[] m1, double[] s1, double[] m2, double[] s2) {
        return FrechetDistance.between(m1, s1, "first", m2, s2, "second");
    }

    @Test
    void identityAgainstFourTimesIdentityIsFour() {
        assertRelative(4.0, fd(new double[2], new double[] {1, 0, 0, 1}, new double[] {1, 1}, new double[] {4, 0, 0, 4}), 1e-12, "FD");
    }

    @Test
    void briefReferenceForCorrelatedCovariances() {
        double[] s1 = {2, 1, 1, 2};
        double[] s2 = {1, 0, 0, 3};
        assertRelative(3.741657386773943, FrechetDistance.traceOfSquareRootOfProduct(s1, s2, 2), 1e-12, "tr sqrt(S1 S2)");
        assertRelative(5.516685226452115, fd(new double[2], s1, new double[] {1, 2}, s2), 1e-12, "FD");
    }

    @Test
    void isSymmetricInItsArguments() {
        double[] s1 = {2, 1, 1, 2};
        double[] s2 = {1, 0, 0, 3};
        assertRelative(fd(new double[2], s1, new double[] {1, 2}, s2), fd(new double[] {1, 2}, s2, new double[2], s1), 1e-13, "swapped");
    }

    @Test
    void storedSmallSetsMatchScipySqrtm() {
        double value = FrechetDistance.between(Fixtures.statistics(Fixtures.stored("a-small")), Fixtures.statistics(Fixtures.stored("b-small")));
        assertRelative(Fixtures.expected("dataset.small"), value, 1e-9, "small d=8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"full128", "full512", "rankdef512"})
    void generatedSetsMatchNumpy(String name) {
        FrameEmbeddings a = Fixtures.generated("dataset." + name + ".a");
        FrameEmbeddings b = Fixtures.generated("dataset." + name + ".b");
        double value = FrechetDistance.between(Fixtures.statistics(a), Fixtures.statistics(b));
        assertRelative(Fixtures.expected("dataset." + name), value, 1e-9, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"full128", "full512"})
    void choleskyAndEigenRoutesAgreeOnFullRankSets(String name) {
        var a = Fixtures.statistics(Fixtures.generated("dataset." + name + ".a"));
        var b = Fixtures.statistics(Fixtures.generated("dataset." + name + ".b"));
        int d = a.dimension();
        assertRelative(FrechetDistance.traceByEigenFactor(a.covariance(), b.covariance(), d),
            FrechetDistance.traceOfSquareRootOfProduct(a.covariance(), b.covariance(), d), 1e-12, name);
    }

    @Test
    void aSetIsAtDistanceZeroFromItself() {
        var stats = Fixtures.statistics(Fixtures.generated("dataset.full128.a"));
        assertEquals(0.0, FrechetDistance.between(stats, stats), 1e-9);
    }

    @Test
    void dimensionMismatchNamesTheInput() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> fd(new double[2], new double[] {1, 0, 0, 1}, new double[3], new double[9]));
        assertTrue(e.getMessage().startsWith("second: dimension mismatch"), e.getMessage());
    }

    @Test
    void nanCovarianceNamesTheInput() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> fd(new double[2], new double[] {1, 0, 0, Double.NaN}, new double[2], new double[] {1, 0, 0, 1}));
        assertTrue(e.getMessage().startsWith("first: covariance holds NaN"), e.getMessage());
    }
}
