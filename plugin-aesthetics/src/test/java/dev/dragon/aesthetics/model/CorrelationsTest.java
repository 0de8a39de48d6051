package dev.dragon.aesthetics.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.aesthetics.Fixtures;
import org.junit.jupiter.api.Test;

/** PLCC, SRCC and per-prompt SRCC against scipy.stats (fixtures from {@code make_fixtures.py}); tolerance 1e-12. */
class CorrelationsTest {

    private static String[] groups() {
        double[] g = Fixtures.get("corr.groups");
        String[] out = new String[g.length];
        for (int i = 0; i < g.length; i++) out[i] = "p" + (int) g[i];
        return out;
    }

    @Test
    void pearsonAndSpearmanMatchScipy() {
        double[] predicted = Fixtures.get("corr.predicted"), rated = Fixtures.get("corr.rated");
        assertEquals(Fixtures.scalar("corr.plcc"), Correlations.pearson(predicted, rated), 1e-12);
        assertEquals(Fixtures.scalar("corr.srcc"), Correlations.spearman(predicted, rated), 1e-12);
        assertArrayEquals(Fixtures.get("corr.ranks"), Correlations.ranks(predicted), 0);
    }

    @Test
    void perPromptSpearmanMatchesScipyAndSkipsGroupsWithNothingToRank() {
        Correlations.GroupedSpearman g = Correlations.groupedSpearman(Fixtures.get("corr.predicted"), Fixtures.get("corr.rated"), groups());
        assertEquals(Fixtures.scalar("corr.per_prompt"), g.mean(), 1e-12);
        assertEquals((int) Fixtures.scalar("corr.per_prompt_count"), g.groupsCounted());
        assertEquals(1, g.groupsSkipped(), "the group whose ratings are all equal");
    }

    @Test
    void constantSeriesAreUndefinedAndConstantPredictionsWithinAGroupCountAsZero() {
        assertTrue(Double.isNaN(Correlations.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        assertTrue(Double.isNaN(Correlations.spearman(new double[] {1, 2, 3}, new double[] {5, 5, 5})));
        Correlations.GroupedSpearman g = Correlations.groupedSpearman(new double[] {1, 1, 1, 2}, new double[] {1, 2, 1, 2},
            new String[] {"a", "a", "b", "b"});
        assertEquals(2, g.groupsCounted());
        assertEquals(0.5, g.mean(), 1e-15, "group a (flat predictions) 0, group b 1");
        assertEquals(-1, Correlations.spearman(new double[] {1, 2, 3, 4}, new double[] {8, 4, 2, 1}), 1e-15);
    }
}
