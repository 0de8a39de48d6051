package dev.dragon.core.dragon;

import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import java.util.List;

/** Rewards for the loop tests: closeness of samples (or of a set's mean) to a target vector. */
public final class ToyRewards {

    private ToyRewards() {
    }

    static double[] target() {
        double[] t = new double[ToyGenerator.DIMENSION];
        for (int d = 0; d < t.length; d++) t[d] = d % 2 == 0 ? 1 : -1;
        return t;
    }

    /** r(x) = −‖x − target‖². */
    public static Reward instance(String id) {
        return new Reward() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public RewardKind kind() {
                return RewardKind.INSTANCE;
            }

            @Override
            public double[] scoreEach(List<Generation> gens) {
                return gens.stream().mapToDouble(g -> -distance2(g.latent().values())).toArray();
            }
        };
    }

    /** r(D) = −‖mean(D) − target‖²: a set reward. */
    public static Reward set(String id) {
        return new Reward() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public RewardKind kind() {
                return RewardKind.DISTRIBUTION;
            }

            @Override
            public double scoreSet(List<Generation> gens) {
                float[] m = new float[ToyGenerator.DIMENSION];
                for (Generation g : gens) {
                    for (int d = 0; d < m.length; d++) m[d] += g.latent().values()[d] / gens.size();
                }
                return -distance2(m);
            }
        };
    }

    static double distance2(float[] x) {
        double[] t = target();
        double s = 0;
        for (int d = 0; d < t.length; d++) s += (x[d] - t[d]) * (x[d] - t[d]);
        return s;
    }

    public static double distance2(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return distance2(f);
    }
}
