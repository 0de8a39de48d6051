package dev.dragon.core.dragon;

/**
 * Running mean and variance of one reward's scores (Welford), used to put rewards of different scales on one
 * footing before they are weighted and summed. Mutable; one instance per reward per run.
 */
public final class RunningStatistics {

    private long count;
    private double mean;
    private double sumOfSquares;

    /** An empty statistic. */
    public RunningStatistics() {
    }

    /**
     * @param count        observations so far
     * @param mean         their mean
     * @param sumOfSquares Σ(x − mean)²
     */
    public RunningStatistics(long count, double mean, double sumOfSquares) {
        this.count = count;
        this.mean = mean;
        this.sumOfSquares = sumOfSquares;
    }

    /** @param x one more finite observation */
    public void add(double x) {
        count++;
        double delta = x - mean;
        mean += delta / count;
        sumOfSquares += delta * (x - mean);
    }

    /** @return observations so far */
    public long count() {
        return count;
    }

    /** @return their mean (0 when empty) */
    public double mean() {
        return mean;
    }

    /** @return Σ(x − mean)² */
    public double sumOfSquares() {
        return sumOfSquares;
    }

    /** @return the sample standard deviation, or 1 while fewer than two observations or no spread are known */
    public double scale() {
        if (count < 2) return 1;
        double sd = Math.sqrt(sumOfSquares / (count - 1));
        return sd > 0 ? sd : 1;
    }

    /**
     * @param x a score
     * @return (x − mean) / scale: a positive affine map, so it never changes which of two scores is better
     */
    public double normalise(double x) {
        return (x - mean) / scale();
    }
}
