/**
 * Dense float64 linear algebra for the dragon plugins, backed by one shared OpenBLAS (LAPACK + BLAS) in this
 * infrastructure bundle. Matrices are plain {@code double[]} arrays in row-major order; no native type leaks out,
 * so the plugins never touch JavaCPP.
 *
 * <p>OpenBLAS was chosen by measuring symmetric eigendecomposition at d = 512…2048 against pure-Java EJML (see
 * this module's README).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.dragon.linalg;
