package dev.dragon.linalg;

import java.util.Optional;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The eigenvalues of LᵀSL, where A = LLᵀ is the Cholesky factorisation of a symmetric positive definite A and S
 * is symmetric: the spectrum of A^½SA^½ (L = A^½Q with Q orthogonal), which is what a Fréchet distance needs.
 *
 * <p>One {@code dpotrf}, two {@code dtrmm} and one eigenvalues-only solve (see {@link SymmetricEigen}), all on
 * native memory:
 * the two inputs are copied in once and only the eigenvalues come back, instead of a copy of an n×n array across
 * JNI at every step.
 */
public final class CholeskyCongruence {

    private CholeskyCongruence() {
    }

    /**
     * @param eigenvalues the n eigenvalues of LᵀSL, ascending
     * @param pivots      the diagonal of L: its squares bound the eigenvalues of A from above and reveal how far
     *                    A is from singular
     */
    public record Spectrum(double[] eigenvalues, double[] pivots) {
    }

    /**
     * @param a an n×n symmetric matrix to factor, row-major (only the lower triangle is read)
     * @param s an n×n symmetric matrix, row-major
     * @param n the order, at least 1
     * @return the spectrum, or empty when A is not (numerically) positive definite
     * @throws ArithmeticException when the eigensolver does not converge
     */
    public static Optional<Spectrum> of(double[] a, double[] s, int n) {
        if (n < 1) throw new IllegalArgumentException("matrix order must be at least 1, got " + n);
        if (a.length != (long) n * n || s.length != (long) n * n) throw new IllegalArgumentException("both matrices must be " + n + "x" + n);
        try (DoublePointer factor = new DoublePointer(a); DoublePointer product = new DoublePointer(s); DoublePointer values = new DoublePointer(n)) {
            // the row-major lower triangle is the column-major upper one: U with UᵀU = A; read row-major it is L = Uᵀ
            int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'U', n, factor, n);
            if (info > 0) return Optional.empty();
            if (info < 0) throw new IllegalArgumentException("LAPACK dpotrf rejected argument " + (-info));
            double[] pivots = new double[n];
            for (int i = 0; i < n; i++) pivots[i] = factor.get((long) i * n + i);
            // S := S·L, then S := Lᵀ·S (dtrmm reads only L's lower triangle)
            openblas.cblas_dtrmm(openblas.CblasRowMajor, openblas.CblasRight, openblas.CblasLower, openblas.CblasNoTrans, openblas.CblasNonUnit,
                n, n, 1.0, factor, n, product, n);
            openblas.cblas_dtrmm(openblas.CblasRowMajor, openblas.CblasLeft, openblas.CblasLower, openblas.CblasTrans, openblas.CblasNonUnit,
                n, n, 1.0, factor, n, product, n);
            // LᵀSL is symmetric up to rounding; the solver reads one triangle
            boolean twoStage = SymmetricEigen.prefersTwoStage(n);
            info = twoStage
                ? openblas.LAPACKE_dsyevd_2stage(openblas.LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n, product, n, values)
                : openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n, product, n, values);
            if (info != 0) throw new ArithmeticException("LAPACK eigensolver failed (info " + info + ") on a " + n + "x" + n + " matrix");
            double[] result = new double[n];
            values.get(result);
            return Optional.of(new Spectrum(result, pivots));
        }
    }
}
