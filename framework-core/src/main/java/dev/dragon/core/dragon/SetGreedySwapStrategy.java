package dev.dragon.core.dragon;

import dev.dragon.api.Generation;
import dev.dragon.api.PreferenceBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Set rewards (reconstructed from the paper's description): start with D+ = D1 and D− = D2, exchanging the whole
 * sets when r(D2) > r(D1); then, prompt by prompt in batch order, swap that prompt's two samples between the sets
 * whenever the swap raises r(D+) − r(D−), in one pass. Each prompt keeps one sample on each side, so
 * |D+| = |D−| (FAD is biased by set size) and the batch stays paired.
 */
public final class SetGreedySwapStrategy implements PreferenceStrategy {

    @Override
    public String name() {
        return "set-greedy-swap";
    }

    @Override
    public Preferences build(Candidates c) {
        int b = c.size();
        // firstIsPositive[i]: D1's sample of prompt i is in D+ (else D2's)
        boolean[] firstIsPositive = new boolean[b];
        java.util.Arrays.fill(firstIsPositive, true);
        double gap = gap(c, firstIsPositive);
        if (gap < 0) {
            java.util.Arrays.fill(firstIsPositive, false);
            gap = -gap;
        }
        int swaps = 0;
        for (int i = 0; i < b && b > 1; i++) {
            firstIsPositive[i] = !firstIsPositive[i];
            double candidate = gap(c, firstIsPositive);
            if (candidate > gap) {
                gap = candidate;
                swaps++;
            } else {
                firstIsPositive[i] = !firstIsPositive[i];
            }
        }
        if (!(gap > 0)) return new Preferences(null, 2 * b, swaps, gap);
        List<Generation> plus = new ArrayList<>();
        List<Generation> minus = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            plus.add(firstIsPositive[i] ? c.first().get(i) : c.second().get(i));
            minus.add(firstIsPositive[i] ? c.second().get(i) : c.first().get(i));
        }
        return new Preferences(new PreferenceBatch(plus, minus, true), 0, swaps, gap);
    }

    private static double gap(Candidates c, boolean[] firstIsPositive) {
        int b = c.size();
        List<Integer> plus = new ArrayList<>(b);
        List<Integer> minus = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            plus.add(firstIsPositive[i] ? i : b + i);
            minus.add(firstIsPositive[i] ? b + i : i);
        }
        return c.objective().value(plus) - c.objective().value(minus);
    }
}
