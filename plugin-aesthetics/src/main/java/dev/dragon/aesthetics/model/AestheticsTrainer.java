package dev.dragon.aesthetics.model;

/**
 * Trains an {@link AestheticsModel}: ratings z-scored globally (mean and population standard deviation of all
 * training ratings), a seeded validation split ({@link ValidationSplit}), the kernel and λ with the lowest validation
 * mean squared error over a {@link HyperparameterGrid}, then a refit on all clips with them.
 */
public final class AestheticsTrainer {

    /** Fewest rated clips accepted: the validation split must leave something on both sides. */
    public static final int MINIMUM_CLIPS = 5;

    private final HyperparameterGrid grid;

    /** @param grid the hyper-parameters to search */
    public AestheticsTrainer(HyperparameterGrid grid) {
        this.grid = grid;
    }

    /** The chosen hyper-parameters and how they did on the validation clips. */
    private record Choice(Kernel kernel, double lambda, double mse, double[] validationPredictions) {
    }

    /**
     * @param data               the rated clips
     * @param seed               the seed of the validation split
     * @param encoderId          the encoder that embedded them
     * @param encoderFingerprint its fingerprint
     * @param dataSource         the ratings file, for provenance
     * @return the trained model
     * @throws IllegalArgumentException for too few clips or ratings that are all equal
     */
    public AestheticsModel train(RatedEmbeddings data, long seed, String encoderId, String encoderFingerprint, String dataSource) {
        int n = data.size(), d = data.dimension();
        if (n < MINIMUM_CLIPS) throw new IllegalArgumentException(dataSource + ": " + n + " rated clips; at least " + MINIMUM_CLIPS + " are needed");
        double mean = 0;
        for (double r : data.ratings()) mean += r;
        mean /= n;
        double variance = 0;
        for (double r : data.ratings()) variance += (r - mean) * (r - mean);
        double scale = Math.sqrt(variance / n);
        if (!(scale > 0)) throw new IllegalArgumentException(dataSource + ": every rating is " + data.ratings()[0] + "; there is nothing to learn");
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = (data.ratings()[i] - mean) / scale;

        ValidationSplit split = ValidationSplit.of(data.groups(), seed);
        RatedEmbeddings fit = data.subset(split.fit()), validation = data.subset(split.validation());
        double[] zFit = pick(z, split.fit()), zValidation = pick(z, split.validation());
        Choice best = null;
        for (Kernel kernel : grid.kernels()) {
            KernelRidgeSolver solver = new KernelRidgeSolver(kernel.gram(fit.rows(), fit.size(), d), fit.size());
            double[] cross = kernel.matrix(validation.rows(), validation.size(), fit.rows(), fit.size(), d);
            for (double lambda : grid.lambdas()) {
                double[] predicted = KernelRidgeSolver.predict(cross, validation.size(), solver.coefficients(lambda, zFit));
                double mse = 0;
                for (int i = 0; i < predicted.length; i++) mse += (predicted[i] - zValidation[i]) * (predicted[i] - zValidation[i]);
                mse /= predicted.length;
                if (Double.isFinite(mse) && (best == null || mse < best.mse())) best = new Choice(kernel, lambda, mse, predicted);
            }
        }
        if (best == null) throw new ArithmeticException(dataSource + ": every hyper-parameter setting gave non-finite predictions");

        double[] validationRatings = new double[validation.size()];
        for (int i = 0; i < validationRatings.length; i++) validationRatings[i] = mean + scale * best.validationPredictions()[i];
        Evaluation validationEvaluation = Evaluation.of(validationRatings, validation.ratings(), validation.groups());

        KernelRidgeSolver all = new KernelRidgeSolver(best.kernel().gram(data.rows(), n, d), n);
        double[] alpha = all.coefficients(best.lambda(), z);
        Provenance provisional = new Provenance(encoderId, encoderFingerprint, data.dataHash(), dataSource, n, data.groupCount(), seed,
            validation.size(), grid.describe(), validationEvaluation, null);
        AestheticsModel model = new AestheticsModel(best.kernel(), best.lambda(), data.rows().clone(), d, alpha, mean, scale, provisional);
        Evaluation trainingEvaluation = Evaluation.of(model.predict(data.rows(), n), data.ratings(), data.groups());
        Provenance provenance = new Provenance(encoderId, encoderFingerprint, data.dataHash(), dataSource, n, data.groupCount(), seed,
            validation.size(), grid.describe(), validationEvaluation, trainingEvaluation);
        return new AestheticsModel(best.kernel(), best.lambda(), model.support(), d, alpha, mean, scale, provenance);
    }

    private static double[] pick(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int k = 0; k < indices.length; k++) out[k] = values[indices[k]];
        return out;
    }
}
