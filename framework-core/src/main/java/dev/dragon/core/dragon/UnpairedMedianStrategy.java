package dev.dragon.core.dragon;

import dev.dragon.api.Generation;
import dev.dragon.api.PreferenceBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-example rewards, unpaired (reconstructed: the paper does not spell it out): every sample above the batch's
 * median score is desirable (D+), every sample below it undesirable (D−); samples equal to the median are left
 * out. The batch is unpaired (KTO).
 */
public final class UnpairedMedianStrategy implements PreferenceStrategy {

    @Override
    public String name() {
        return "unpaired-median";
    }

    @Override
    public Preferences build(Candidates c) {
        if (c.scores() == null) throw new IllegalArgumentException("unpaired preferences need a score per sample");
        double median = median(c.scores());
        List<Generation> plus = new ArrayList<>();
        List<Generation> minus = new ArrayList<>();
        int dropped = 0;
        for (int i = 0; i < c.scores().length; i++) {
            double s = c.scores()[i];
            if (s > median) plus.add(c.sample(i));
            else if (s < median) minus.add(c.sample(i));
            else dropped++;
        }
        PreferenceBatch batch = plus.isEmpty() && minus.isEmpty() ? null : new PreferenceBatch(plus, minus, false);
        return new Preferences(batch, dropped, 0, Double.NaN);
    }

    /** @return the median (mean of the two middle values for an even count) */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
