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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Saves and loads a {@link ModelBlock}'s weights as one file: a magic line, the architecture string, a CRC-32
 * and DJL's parameter stream.
 *
 * <p>Saving writes a temporary file beside the target and renames it, so a crash never leaves a half-written
 * checkpoint under the real name. Loading checks magic, architecture and checksum, then parses the weights into a
 * scratch block, and only then into the target: a wrong or corrupt file fails with one clear line
 * ({@link WeightsFileException}) and leaves the target's weights untouched.
 */
public final class ModelWeights {

    private static final String MAGIC = "dragon-model-weights";
    private static final int FORMAT_VERSION = 1;

    private ModelWeights() {
    }

    /** Writes the block's weights to {@code file} (atomically: temp file + rename). */
    public static void save(ModelBlock block, Path file) throws IOException {
        byte[] payload = parameterBytes(block);
        AtomicFiles.write(file, out -> {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(block.architecture());
            out.writeLong(checksum(payload));
            out.writeInt(payload.length);
            out.write(payload);
        });
    }

    /**
     * Replaces the block's weights with those in {@code file}.
     *
     * @throws WeightsFileException when the file is not a weights file, is for another architecture, or is corrupt;
     *     the block is then unchanged
     */
    public static void load(ModelBlock block, Path file) throws IOException {
        byte[] payload = readPayload(file, block.architecture());
        NDManager manager = block.getParameters().valueAt(0).getArray().getManager();
        DataType type = block.getParameters().valueAt(0).getArray().getDataType();
        try (NDManager scratchManager = manager.newSubManager()) {
            ModelBlock scratch = block.blankCopy();
            scratch.initialize(scratchManager, type);
            loadInto(scratch, scratchManager, payload, file);
        }
        boolean trainable = block.getParameters().valueAt(0).requiresGradient();
        loadInto(block, manager, payload, file);
        // loading swaps in new arrays: give them the gradient setting the old ones had
        block.freezeParameters(!trainable);
    }

    /**
     * Checks that {@code file} holds complete, uncorrupted weights for {@code block}'s architecture, without loading
     * them (so several files can be checked before any is loaded).
     *
     * @throws WeightsFileException naming the file and the problem
     */
    public static void verify(ModelBlock block, Path file) throws IOException {
        readPayload(file, block.architecture());
    }

    /** The architecture string stored in a weights file, after checking its magic line. */
    public static String architectureOf(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            readHeader(in, file);
            return in.readUTF();
        } catch (EOFException e) {
            throw new WeightsFileException(file + " is truncated: not a complete model weights file");
        }
    }

    /** A frozen copy of {@code source}: the same weights, in new arrays on {@code manager}, excluded from gradients. */
    @SuppressWarnings("unchecked")
    public static <B extends ModelBlock> B frozenCopy(B source, NDManager manager) throws IOException {
        DataType type = source.getParameters().valueAt(0).getArray().getDataType();
        B copy = (B) source.blankCopy();
        copy.initialize(manager, type);
        loadInto(copy, manager, parameterBytes(source), null);
        copy.freezeParameters(true);
        return copy;
    }

    private static byte[] readPayload(Path file, String expected) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            readHeader(in, file);
            String architecture = in.readUTF();
            if (!architecture.equals(expected)) {
                throw new WeightsFileException(file + " holds weights for \"" + architecture + "\", not for \""
                    + expected + "\"");
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
            throw new WeightsFileException(file + " is truncated: not a complete model weights file");
        }
    }

    private static void readHeader(DataInputStream in, Path file) throws IOException {
        String magic;
        try {
            magic = in.readUTF();
        } catch (EOFException | java.io.UTFDataFormatException e) {
            magic = "";
        }
        if (!MAGIC.equals(magic)) throw new WeightsFileException(file + " is not a model weights file");
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new WeightsFileException(file + " has weights format " + version + ", this build reads " + FORMAT_VERSION);
        }
    }

    private static void loadInto(ModelBlock target, NDManager manager, byte[] payload, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            target.loadParameters(manager, in);
        } catch (MalformedModelException | RuntimeException e) {
            throw new WeightsFileException((file == null ? "weights" : file.toString()) + " do not fit this model: "
                + e.getMessage());
        }
    }

    private static byte[] parameterBytes(ModelBlock block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    private static long checksum(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return crc.getValue();
    }
}
