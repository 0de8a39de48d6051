package dev.dragon.aesthetics.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Training end to end on synthetic embeddings whose rating is a known smooth function of the embedding. */
class AestheticsTrainerTest {

    static RatedEmbeddings synthetic(int groups, int perGroup, boolean shuffleRatings, long seed) {
        int n = groups * perGroup, d = 6;
        Random random = new Random(seed);
        double[] rows = new double[n * d];
        double[] ratings = new double[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                rows[i * d + j] = random.nextGaussian();
                norm += rows[i * d + j] * rows[i * d + j];
            }
            for (int j = 0; j < d; j++) rows[i * d + j] /= Math.sqrt(norm);
            ratings[i] = 3 + 2 * rows[i * d] + Math.sin(3 * rows[i * d + 1]) + 0.05 * random.nextGaussian();
            labels[i] = "p" + i / perGroup;
        }
        if (shuffleRatings) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = ratings[i];
                ratings[i] = ratings[j];
                ratings[j] = t;
            }
        }
        return new RatedEmbeddings(rows, d, ratings, labels, "hash-" + seed);
    }

    private static AestheticsModel train(RatedEmbeddings data, long seed) {
        return new AestheticsTrainer(HyperparameterGrid.standard()).train(data, seed, "enc", "fp", "synthetic.csv");
    }

    @Test
    void learnsASmoothRatingFunctionAndReportsHeldOutFigures() {
        AestheticsModel model = train(synthetic(40, 5, false, 1), 7);
        Evaluation v = model.provenance().validation();
        assertEquals(40, v.items(), "8 of 40 groups (20 %) of 5 clips held out");
        assertTrue(v.plcc() > 0.95, "validation PLCC " + v.plcc());
        assertTrue(v.perPrompt().mean() > 0.8, "validation per-prompt SRCC " + v.perPrompt().mean());

        // fresh data from the same function: the model generalises
        RatedEmbeddings fresh = synthetic(10, 5, false, 99);
        Evaluation e = Evaluation.of(model.predict(fresh.rows(), fresh.size()), fresh.ratings(), fresh.groups());
        assertTrue(e.plcc() > 0.95, "fresh-data PLCC " + e.plcc());
        assertEquals(3, model.labelMean(), 0.3);
        assertEquals("enc", model.provenance().encoderId());
        assertEquals("hash-1", model.provenance().dataHash());
        assertEquals(200, model.provenance().items());
        assertEquals(40, model.provenance().groups());
    }

    @Test
    void shuffledRatingsGiveNoHeldOutSkill() {
        AestheticsModel model = train(synthetic(40, 5, true, 2), 7);
        RatedEmbeddings fresh = synthetic(20, 5, false, 98);
        double plcc = Correlations.pearson(model.predict(fresh.rows(), fresh.size()), fresh.ratings());
        assertTrue(Math.abs(plcc) < 0.4, "no skill from shuffled labels, PLCC " + plcc);
    }

    @Test
    void sameSeedSameModel() {
        RatedEmbeddings data = synthetic(20, 5, false, 3);
        AestheticsModel a = train(data, 11), b = train(data, 11);
        assertArrayEquals(a.alpha(), b.alpha(), 0);
        assertEquals(a.kernel(), b.kernel());
        assertEquals(a.lambda(), b.lambda());
    }

    @Test
    void theSplitKeepsPromptGroupsWholeOrSplitsClipsWithoutGroups() {
        String[] groups = new String[50];
        for (int i = 0; i < 50; i++) groups[i] = "g" + i / 5;
        ValidationSplit split = ValidationSplit.of(groups, 5);
        assertEquals(10, split.validation().length);
        Set<String> held = new HashSet<>();
        for (int i : split.validation()) held.add(groups[i]);
        for (int i : split.fit()) assertFalse(held.contains(groups[i]), "group " + groups[i] + " on both sides");
        String[] one = new String[10];
        java.util.Arrays.fill(one, "(all)");
        ValidationSplit items = ValidationSplit.of(one, 5);
        assertEquals(2, items.validation().length);
        assertEquals(8, items.fit().length);
    }

    @Test
    void tooFewClipsOrEqualRatingsAreRefusedWithOneLine() {
        RatedEmbeddings four = synthetic(1, 4, false, 4);
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> train(four, 1));
        assertEquals("synthetic.csv: 4 rated clips; at least 5 are needed", few.getMessage());
        RatedEmbeddings data = synthetic(2, 5, false, 5);
        java.util.Arrays.fill(data.ratings(), 2.5);
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class, () -> train(data, 1));
        assertEquals("synthetic.csv: every rating is 2.5; there is nothing to learn", flat.getMessage());
    }
}
