package dev.dragon.linalg;

import org.bytedeco.openblas.global.openblas;

/**
 * Dense matrix products through BLAS ({@code dgemm}, {@code dsyrk}). Every matrix is a row-major
 * {@code double[]}; results are freshly allocated.
 */
public final class MatrixProducts {

    private MatrixProducts() {
    }

    /**
     * C = op(A)·op(B), where op transposes when asked.
     *
     * @param a          A as stored, {@code aRows}×{@code aCols}
     * @param aRows      rows of A as stored
     * @param aCols      columns of A as stored
     * @param transposeA use Aᵀ
     * @param b          B as stored, {@code bRows}×{@code bCols}
     * @param bRows      rows of B as stored
     * @param bCols      columns of B as stored
     * @param transposeB use Bᵀ
     * @return C, row-major
     */
    public static double[] multiply(double[] a, int aRows, int aCols, boolean transposeA,
                                    double[] b, int bRows, int bCols, boolean transposeB) {
        checkShape(a, aRows, aCols, "A");
        checkShape(b, bRows, bCols, "B");
        int m = transposeA ? aCols : aRows;
        int k = transposeA ? aRows : aCols;
        int kb = transposeB ? bCols : bRows;
        int n = transposeB ? bRows : bCols;
        if (k != kb) throw new IllegalArgumentException("inner dimensions differ: " + k + " vs " + kb);
        double[] c = new double[m * n];
        if (m == 0 || n == 0) return c;
        if (k == 0) return c;
        openblas.cblas_dgemm(openblas.CblasRowMajor, transposeA ? openblas.CblasTrans : openblas.CblasNoTrans,
            transposeB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, 1.0, a, aCols, b, bCols, 0.0, c, n);
        return c;
    }

    /**
     * The scaled Gram matrix of the columns, α·XᵀX (cols×cols), full and exactly symmetric.
     *
     * @param x     X, rows×cols, row-major
     * @param rows  rows of X
     * @param cols  columns of X
     * @param alpha the scale
     * @return α·XᵀX, row-major
     */
    public static double[] columnGram(double[] x, int rows, int cols, double alpha) {
        checkShape(x, rows, cols, "X");
        double[] c = new double[cols * cols];
        if (rows > 0) {
            openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasTrans, cols, rows, alpha, x, cols, 0.0, c, cols);
        }
        mirrorUpper(c, cols);
        return c;
    }

    /**
     * The scaled Gram matrix of the rows, α·XXᵀ (rows×rows), full and exactly symmetric.
     *
     * @param x     X, rows×cols, row-major
     * @param rows  rows of X
     * @param cols  columns of X
     * @param alpha the scale
     * @return α·XXᵀ, row-major
     */
    public static double[] rowGram(double[] x, int rows, int cols, double alpha) {
        checkShape(x, rows, cols, "X");
        double[] c = new double[rows * rows];
        if (cols > 0) {
            openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasNoTrans, rows, cols, alpha, x, cols, 0.0, c, rows);
        }
        mirrorUpper(c, rows);
        return c;
    }

    /** Copies the upper triangle onto the lower one, so that the result is symmetric bit for bit. */
    private static void mirrorUpper(double[] c, int n) {
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) c[i * n + j] = c[j * n + i];
        }
    }

    private static void checkShape(double[] m, int rows, int cols, String name) {
        if (rows < 0 || cols < 0 || m.length != (long) rows * cols) {
            throw new IllegalArgumentException(name + " must hold " + rows + "x" + cols + " values, has " + m.length);
        }
    }
}
