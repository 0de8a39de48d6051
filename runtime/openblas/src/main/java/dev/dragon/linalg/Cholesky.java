package dev.dragon.linalg;

import java.util.Optional;
import org.bytedeco.openblas.global.openblas;

/** The Cholesky factor A = LLᵀ of a symmetric positive definite matrix, through LAPACK's {@code dpotrf}. */
public final class Cholesky {

    private Cholesky() {
    }

    /**
     * @param matrix an n×n symmetric matrix, row-major (only the lower triangle is read); left untouched
     * @param n      its order, at least 1
     * @return L, n×n row-major lower triangular with zeros above the diagonal, or empty when the matrix is not
     *         (numerically) positive definite
     */
    public static Optional<double[]> lower(double[] matrix, int n) {
        if (n < 1) throw new IllegalArgumentException("matrix order must be at least 1, got " + n);
        if (matrix.length != (long) n * n) throw new IllegalArgumentException("expected " + n + "x" + n + " values, got " + matrix.length);
        double[] work = matrix.clone();
        // the row-major lower triangle is the column-major upper one: factor U (UᵀU = A); read row-major it is L = Uᵀ
        int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'U', n, work, n);
        if (info > 0) return Optional.empty();
        if (info < 0) throw new IllegalArgumentException("LAPACK dpotrf rejected argument " + (-info));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) work[i * n + j] = 0;
        }
        return Optional.of(work);
    }
}
