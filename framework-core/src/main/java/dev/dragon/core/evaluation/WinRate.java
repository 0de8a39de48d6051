package dev.dragon.core.evaluation;

/**
 * A reward win rate over prompts, with the statistics the DRAGON paper reports beside it.
 *
 * <p>Ties (equal rewards, e.g. identical audio) are counted and stated but left out of the test, as in a sign
 * test: {@code trials = wins + losses}.
 *
 * @param wins                prompts where the fine-tuned model scored better
 * @param losses              prompts where the base model scored better
 * @param ties                prompts with equal scores
 * @param rate                wins / trials (NaN when there are no trials)
 * @param pValue              one-sided exact binomial p-value, P(X ≥ wins) for X ~ Bin(trials, 1/2)
 * @param lowerBound95        one-sided 95 % Clopper–Pearson lower bound of the rate
 * @param posteriorAboveHalf  P(WR > 0.5) under the Beta(1 + wins, 1 + losses) posterior (uniform prior)
 */
public record WinRate(int wins, int losses, int ties, double rate, double pValue, double lowerBound95,
                      double posteriorAboveHalf) {

    /** @return wins + losses, the number of decided prompts */
    public int trials() {
        return wins + losses;
    }

    /**
     * @param wins   decided prompts the fine-tuned model won
     * @param losses decided prompts it lost
     * @param ties   undecided prompts
     * @return the win rate and its statistics
     */
    public static WinRate of(int wins, int losses, int ties) {
        if (wins < 0 || losses < 0 || ties < 0) throw new IllegalArgumentException("counts must not be negative");
        int n = wins + losses;
        if (n == 0) return new WinRate(0, 0, ties, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new WinRate(wins, losses, ties, wins / (double) n, binomialUpperTail(wins, n),
            clopperPearsonLower(wins, n, 0.05), posteriorAboveHalf(wins, n));
    }

    /** @return P(X ≥ k) for X ~ Bin(n, 1/2) */
    static double binomialUpperTail(int k, int n) {
        if (k <= 0) return 1;
        return BetaFunctions.regularizedIncompleteBeta(0.5, k, n - k + 1.0);
    }

    /** @return the one-sided (1 − alpha) Clopper–Pearson lower bound for k successes in n trials */
    static double clopperPearsonLower(int k, int n, double alpha) {
        if (k <= 0) return 0;
        return BetaFunctions.inverseRegularizedIncompleteBeta(alpha, k, n - k + 1.0);
    }

    /** @return P(p > 1/2) for p ~ Beta(1 + k, 1 + n − k) */
    static double posteriorAboveHalf(int k, int n) {
        // 1 − I_{1/2}(1+k, 1+n−k) = I_{1/2}(1+n−k, 1+k): the direct form keeps small tails accurate
        return BetaFunctions.regularizedIncompleteBeta(0.5, 1.0 + n - k, 1.0 + k);
    }
}
