package dev.dragon.core.dragon;

import dev.dragon.api.Generation;
import dev.dragon.api.PreferenceBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-example rewards, paired: per prompt the higher-scoring sample goes to D+, the other to D−; a tie is skipped.
 * The batch is paired (DPO, or KTO on labelled pair members).
 */
public final class PairedStrategy implements PreferenceStrategy {

    @Override
    public String name() {
        return "paired";
    }

    @Override
    public Preferences build(Candidates c) {
        if (c.scores() == null) throw new IllegalArgumentException("paired preferences need a score per sample");
        List<Generation> plus = new ArrayList<>();
        List<Generation> minus = new ArrayList<>();
        int dropped = 0;
        int b = c.size();
        for (int i = 0; i < b; i++) {
            double s1 = c.scores()[i];
            double s2 = c.scores()[b + i];
            if (s1 > s2) {
                plus.add(c.first().get(i));
                minus.add(c.second().get(i));
            } else if (s2 > s1) {
                plus.add(c.second().get(i));
                minus.add(c.first().get(i));
            } else {
                dropped += 2;
            }
        }
        PreferenceBatch batch = plus.isEmpty() ? null : new PreferenceBatch(plus, minus, true);
        return new Preferences(batch, dropped, 0, Double.NaN);
    }
}
