package dev.dragon.diffusion.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * Saves and loads a {@link LatentDenoiser}'s weights as one file: a magic line, the architecture string, a CRC-32
 * and DJL's parameter stream.
 *
 * <p>Saving writes a temporary file beside the target and renames it, so a crash never leaves a half-written
 * checkpoint under the real name. Loading checks magic, architecture and checksum, then parses the weights into a
 * scratch denoiser, and only then into the target: a wrong or corrupt file fails with one clear line
 * ({@link WeightsFileException}) and leaves the target's weights untouched.
 */
public final class DenoiserWeights {

    private static final String MAGIC = "dragon-denoiser-weights";
    private static final int FORMAT_VERSION = 1;

    private DenoiserWeights() {
    }

    /** Writes the denoiser's weights to {@code file} (atomically: temp file + rename). */
    public static void save(LatentDenoiser denoiser, Path file) throws IOException {
        byte[] payload = parameterBytes(denoiser);
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, absolute.getFileName().toString(), ".part");
        try {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temporary))) {
                out.writeUTF(MAGIC);
                out.writeInt(FORMAT_VERSION);
                out.writeUTF(denoiser.config().architecture());
                out.writeLong(checksum(payload));
                out.writeInt(payload.length);
                out.write(payload);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Replaces the denoiser's weights with those in {@code file}.
     *
     * @throws WeightsFileException when the file is not a weights file, is for another architecture, or is corrupt;
     *     the denoiser is then unchanged
     */
    public static void load(LatentDenoiser denoiser, Path file) throws IOException {
        byte[] payload = readPayload(file, denoiser.config());
        NDManager manager = denoiser.getParameters().valueAt(0).getArray().getManager();
        DataType type = denoiser.getParameters().valueAt(0).getArray().getDataType();
        try (NDManager scratchManager = manager.newSubManager()) {
            LatentDenoiser scratch = new LatentDenoiser(denoiser.config());
            scratch.initialize(scratchManager, type);
            loadInto(scratch, scratchManager, payload, file);
        }
        boolean trainable = denoiser.getParameters().valueAt(0).requiresGradient();
        loadInto(denoiser, manager, payload, file);
        // loading swaps in new arrays: give them the gradient setting the old ones had
        denoiser.freezeParameters(!trainable);
    }

    /** The architecture string stored in a weights file, after checking its magic line. */
    public static String architectureOf(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            readHeader(in, file);
            return in.readUTF();
        } catch (EOFException e) {
            throw new WeightsFileException(file + " is truncated: not a complete denoiser weights file");
        }
    }

    /** A frozen copy of {@code source}: the same weights, in new arrays on {@code manager}, excluded from gradients. */
    public static LatentDenoiser frozenCopy(LatentDenoiser source, NDManager manager) throws IOException {
        DataType type = source.getParameters().valueAt(0).getArray().getDataType();
        LatentDenoiser copy = new LatentDenoiser(source.config());
        copy.initialize(manager, type);
        loadInto(copy, manager, parameterBytes(source), null);
        copy.freezeParameters(true);
        return copy;
    }

    private static byte[] readPayload(Path file, DenoiserConfig expected) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            readHeader(in, file);
            String architecture = in.readUTF();
            if (!architecture.equals(expected.architecture())) {
                throw new WeightsFileException(file + " holds weights for \"" + architecture + "\", not for \""
                    + expected.architecture() + "\"");
            }
            long storedChecksum = in.readLong();
            int length = in.readInt();
            if (length < 0) throw new WeightsFileException(file + " is corrupt: negative payload length");
            byte[] payload = in.readNBytes(length);
            if (payload.length != length) throw new WeightsFileException(file + " is truncated: " + payload.length
                + " of " + length + " weight bytes");
            if (checksum(payload) != storedChecksum) throw new WeightsFileException(file + " is corrupt: checksum mismatch");
            return payload;
        } catch (EOFException e) {
            throw new WeightsFileException(file + " is truncated: not a complete denoiser weights file");
        }
    }

    private static void readHeader(DataInputStream in, Path file) throws IOException {
        String magic;
        try {
            magic = in.readUTF();
        } catch (EOFException | java.io.UTFDataFormatException e) {
            magic = "";
        }
        if (!MAGIC.equals(magic)) throw new WeightsFileException(file + " is not a denoiser weights file");
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new WeightsFileException(file + " has weights format " + version + ", this build reads " + FORMAT_VERSION);
        }
    }

    private static void loadInto(LatentDenoiser target, NDManager manager, byte[] payload, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            target.loadParameters(manager, in);
        } catch (MalformedModelException | RuntimeException e) {
            throw new WeightsFileException((file == null ? "weights" : file.toString()) + " do not fit this denoiser: "
                + e.getMessage());
        }
    }

    private static byte[] parameterBytes(LatentDenoiser denoiser) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            denoiser.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    private static long checksum(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return crc.getValue();
    }
}
