package dev.dragon.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Per-prompt comparison: wins, losses and ties counted as stated. */
class EvaluatorTest {

    @Test
    void perPromptCountsWinsLossesAndTies() {
        WinRate w = Evaluator.perPrompt(new double[] {1, 2, 3, 4, 5}, new double[] {2, 2, 1, 5, 6});
        assertEquals(3, w.wins());
        assertEquals(1, w.losses());
        assertEquals(1, w.ties());
        assertEquals(0.75, w.rate());
        // P(X ≥ 3), X ~ Bin(4, 1/2) = 5/16
        assertEquals(5.0 / 16, w.pValue(), 1e-15);
    }
}
