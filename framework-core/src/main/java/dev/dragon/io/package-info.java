/**
 * Reading and writing what dragon exchanges on disk: PCM WAV audio ({@link dev.dragon.io.WavFile}), band-limited
 * resampling ({@link dev.dragon.io.Resampler}) and NumPy {@code .npy} arrays for embeddings
 * ({@link dev.dragon.io.Npy}). Bad files fail with an {@link dev.dragon.io.InputFormatException} whose one-line
 * message names the file and the problem.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.dragon.io;
