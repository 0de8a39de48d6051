package dev.dragon.fad.reference;

import dev.dragon.api.ReferenceStatistics;
import dev.dragon.io.InputFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The on-disk form of {@link ReferenceStatistics}: a small binary file that reloads bit for bit.
 *
 * <pre>
 * "DRGNSTAT"  8 bytes magic
 * int         format version (1)
 * UTF         encoder fingerprint
 * UTF         reference-set hash
 * long        count
 * int         d
 * d doubles   mean
 * d² doubles  covariance, row-major
 * </pre>
 * Numbers are big-endian IEEE 754 ({@link DataOutputStream}), so every double keeps its exact bits.
 */
public final class StatisticsFile {

    private static final byte[] MAGIC = {'D', 'R', 'G', 'N', 'S', 'T', 'A', 'T'};
    private static final int VERSION = 1;

    private StatisticsFile() {
    }

    /**
     * Writes atomically (temporary file, then rename), so a reader never sees half a file.
     *
     * @param file  the destination
     * @param stats what to write
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, ReferenceStatistics stats) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".part");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(stats.encoderFingerprint());
            out.writeUTF(stats.referenceHash());
            out.writeLong(stats.count());
            out.writeInt(stats.dimension());
            for (double v : stats.mean()) out.writeDouble(v);
            for (double v : stats.covariance()) out.writeDouble(v);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @param file a file written by {@link #write}
     * @return the statistics, bit-identical to what was written
     * @throws InputFormatException when the file is missing, truncated or not a statistics file
     * @throws IOException          when it cannot be read at all
     */
    public static ReferenceStatistics read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw new InputFormatException(file, "not a dragon statistics file (bad magic)");
            int version = in.readInt();
            if (version != VERSION) throw new InputFormatException(file, "unsupported statistics file version " + version);
            String fingerprint = in.readUTF();
            String hash = in.readUTF();
            long count = in.readLong();
            int d = in.readInt();
            if (d < 1 || d > 65_536) throw new InputFormatException(file, "implausible dimension " + d);
            double[] mean = new double[d];
            for (int i = 0; i < d; i++) mean[i] = in.readDouble();
            double[] covariance = new double[d * d];
            for (int i = 0; i < covariance.length; i++) covariance[i] = in.readDouble();
            if (in.read() != -1) throw new InputFormatException(file, "trailing bytes after the covariance");
            try {
                return new ReferenceStatistics(fingerprint, hash, count, mean, covariance);
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(file, e.getMessage());
            }
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such file");
        } catch (EOFException e) {
            throw new InputFormatException(file, "truncated statistics file");
        }
    }
}
