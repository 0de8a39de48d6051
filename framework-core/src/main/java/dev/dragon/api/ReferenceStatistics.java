package dev.dragon.api;

import java.util.Arrays;

/**
 * The Gaussian summary of an embedding set that Fréchet distances need: count, mean and sample covariance
 * (divisor n−1), in float64, with where it came from.
 *
 * @param encoderFingerprint the {@link Encoder#fingerprint()} of the encoder that embedded the set
 * @param referenceHash      content hash of the reference set (files, captions or a statistics file)
 * @param count              the number of embedding rows summarised, at least 2
 * @param mean               the mean row, length d
 * @param covariance         the d×d sample covariance, row-major, symmetric
 */
public record ReferenceStatistics(String encoderFingerprint, String referenceHash, long count, double[] mean, double[] covariance) {

    /** Checks count and shapes. */
    public ReferenceStatistics {
        if (count < 2) throw new IllegalArgumentException("reference statistics need at least 2 rows, got " + count);
        if ((long) mean.length * mean.length != covariance.length) {
            throw new IllegalArgumentException("covariance must be " + mean.length + "x" + mean.length);
        }
    }

    /** @return d, the embedding dimension */
    public int dimension() {
        return mean.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceStatistics r && r.count == count && r.encoderFingerprint.equals(encoderFingerprint)
            && r.referenceHash.equals(referenceHash) && Arrays.equals(r.mean, mean) && Arrays.equals(r.covariance, covariance);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Long.hashCode(count);
    }

    @Override
    public String toString() {
        return "ReferenceStatistics[n=" + count + ", d=" + mean.length + ", encoder=" + encoderFingerprint + "]";
    }
}
