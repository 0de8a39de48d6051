package dev.dragon.aesthetics.model;

import java.util.Arrays;
import java.util.List;

/**
 * The kernels and ridge strengths searched on the validation split.
 *
 * @param kernels the kernels, in order of preference on ties
 * @param lambdas the ridge λ values, each positive, in order of preference on ties
 */
public record HyperparameterGrid(List<Kernel> kernels, double[] lambdas) {

    /** Copies and checks. */
    public HyperparameterGrid {
        kernels = List.copyOf(kernels);
        lambdas = lambdas.clone();
        if (kernels.isEmpty() || lambdas.length == 0) throw new IllegalArgumentException("empty hyper-parameter grid");
        for (double l : lambdas) if (!(l > 0 && Double.isFinite(l))) throw new IllegalArgumentException("lambda must be positive, got " + l);
    }

    /**
     * The default grid. Embeddings are unit vectors, so squared distances lie in [0, 4]: RBF widths γ from 0.5
     * (nearly linear) to 32 (very local) cover the useful range; λ from 10⁻⁴ to 10 against z-scored labels and a
     * kernel whose diagonal is 1.
     *
     * @return cosine and RBF γ ∈ {0.5, 1, 2, 4, 8, 16, 32} × λ ∈ {1e-4, 1e-3, 1e-2, 0.1, 1, 10}
     */
    public static HyperparameterGrid standard() {
        return new HyperparameterGrid(List.of(Kernel.cosine(), Kernel.rbf(0.5), Kernel.rbf(1), Kernel.rbf(2), Kernel.rbf(4),
            Kernel.rbf(8), Kernel.rbf(16), Kernel.rbf(32)), new double[] {1e-4, 1e-3, 1e-2, 0.1, 1, 10});
    }

    /** @return the grid in words, for provenance */
    public String describe() {
        return "kernels " + kernels + " x lambda " + Arrays.toString(lambdas) + ", chosen by validation mean squared error of z-scored ratings";
    }
}
