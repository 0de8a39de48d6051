package dev.dragon.diffusion.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.dragon.diffusion.model.ModelBlock;
import dev.dragon.diffusion.model.AtomicFiles;
import dev.dragon.diffusion.model.WeightsFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * AdamW (Adam with decoupled weight decay) with global-norm gradient clipping, for one model block. Written here
 * rather than taken from DJL because a checkpoint must hold the moment estimates: resuming without them changes the
 * next updates. State is saved and loaded with {@link #save}/{@link #load}.
 */
public final class AdamW implements AutoCloseable {

    private static final String MAGIC = "dragon-adamw-state";
    private static final int FORMAT_VERSION = 2;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final ModelBlock model;
    private final double weightDecay;
    private final double maxGradientNorm;
    private final NDManager manager;
    private final Map<String, NDArray> firstMoments = new HashMap<>();
    private final Map<String, NDArray> secondMoments = new HashMap<>();
    private long steps;

    /**
     * @param model the block whose trainable parameters are updated
     * @param weightDecay decoupled weight decay per unit learning rate
     * @param maxGradientNorm the global L2 norm gradients are scaled down to (∞: no clipping)
     * @param manager where the moment estimates live (a sub-manager, closed by {@link #close})
     */
    public AdamW(ModelBlock model, double weightDecay, double maxGradientNorm, NDManager manager) {
        this.model = model;
        this.weightDecay = weightDecay;
        this.maxGradientNorm = maxGradientNorm;
        this.manager = manager.newSubManager();
    }

    /** Updates taken so far. */
    public long steps() {
        return steps;
    }

    /**
     * Clips the gradients recorded on the trainable parameters to the global norm, applies one AdamW update at
     * {@code learningRate} and zeroes the gradients. Returns the gradient norm before clipping.
     */
    public double step(double learningRate) {
        try (NDManager scratch = manager.newSubManager()) {
            double squaredNorm = 0;
            for (Pair<String, Parameter> entry : model.getParameters()) {
                Parameter parameter = entry.getValue();
                if (!parameter.requiresGradient()) continue;
                NDArray gradient = parameter.getArray().getGradient();
                gradient.attach(scratch);
                squaredNorm += gradient.toType(DataType.FLOAT64, false).square().sum().toDoubleArray()[0];
            }
            double norm = Math.sqrt(squaredNorm);
            double scale = norm > maxGradientNorm ? maxGradientNorm / norm : 1.0;
            steps++;
            double correction1 = 1 - Math.pow(BETA1, steps);
            double correction2 = 1 - Math.pow(BETA2, steps);
            // every temporary lives on the scratch manager: results of engine ops land on their first operand's manager
            for (Pair<String, Parameter> entry : model.getParameters()) {
                Parameter parameter = entry.getValue();
                if (!parameter.requiresGradient()) continue;
                NDArray weights = parameter.getArray();
                NDArray gradient = weights.getGradient();
                gradient.attach(scratch);
                NDArray scaled = gradient.mul(scale);
                NDArray m = firstMoments.computeIfAbsent(entry.getKey(), k -> zerosLike(weights));
                NDArray v = secondMoments.computeIfAbsent(entry.getKey(), k -> zerosLike(weights));
                m.muli(BETA1).addi(scaled.mul(1 - BETA1));
                v.muli(BETA2).addi(scaled.square().muli(1 - BETA2));
                NDArray step = m.div(correction1);
                step.attach(scratch);
                NDArray root = v.div(correction2);
                root.attach(scratch);
                step.divi(root.sqrt().addi(EPSILON)).muli(learningRate);
                // on a detached view: the same storage, but autograd allows in-place changes to it
                NDArray storage = weights.stopGradient();
                storage.attach(scratch);
                storage.muli(1 - learningRate * weightDecay).subi(step);
                gradient.muli(0);
            }
            return norm;
        }
    }

    /** Writes the step count and moment estimates to {@code file} (atomically, with a CRC-32 of the content). */
    public void save(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream content = new DataOutputStream(bytes)) {
            content.writeLong(steps);
            content.writeInt(firstMoments.size());
            for (String name : firstMoments.keySet().stream().sorted().toList()) {
                content.writeUTF(name);
                writeArray(content, firstMoments.get(name));
                writeArray(content, secondMoments.get(name));
            }
        }
        byte[] payload = bytes.toByteArray();
        AtomicFiles.write(file, out -> {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(model.architecture());
            out.writeLong(checksum(payload));
            out.writeInt(payload.length);
            out.write(payload);
        });
    }

    /** Replaces the state with that in {@code file}; a wrong or corrupt file leaves the state unchanged. */
    public void load(Path file) throws IOException {
        byte[] payload = readPayload(file);
        Map<String, NDArray> first = new HashMap<>();
        Map<String, NDArray> second = new HashMap<>();
        long loadedSteps;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            loadedSteps = in.readLong();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                first.put(name, readArray(in, file));
                second.put(name, readArray(in, file));
            }
        } catch (EOFException e) {
            first.values().forEach(NDArray::close);
            second.values().forEach(NDArray::close);
            throw new WeightsFileException(file + " is corrupt: its content ends early");
        }
        firstMoments.values().forEach(NDArray::close);
        secondMoments.values().forEach(NDArray::close);
        firstMoments.clear();
        secondMoments.clear();
        firstMoments.putAll(first);
        secondMoments.putAll(second);
        steps = loadedSteps;
    }

    /** Checks magic, format, architecture, length and checksum; returns the content. */
    private byte[] readPayload(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            String magic = readMagic(in);
            if (!MAGIC.equals(magic)) throw new WeightsFileException(file + " is not an optimizer state file");
            if (in.readInt() != FORMAT_VERSION) throw new WeightsFileException(file + " has an unknown optimizer state format");
            String architecture = in.readUTF();
            if (!architecture.equals(model.architecture())) {
                throw new WeightsFileException(file + " holds optimizer state for \"" + architecture + "\", not for \""
                    + model.architecture() + "\"");
            }
            long stored = in.readLong();
            int length = in.readInt();
            if (length < 0) throw new WeightsFileException(file + " is corrupt: negative length");
            byte[] payload = in.readNBytes(length);
            if (payload.length != length) throw new EOFException();
            if (checksum(payload) != stored) throw new WeightsFileException(file + " is corrupt: checksum mismatch");
            return payload;
        } catch (EOFException e) {
            throw new WeightsFileException(file + " is truncated: not a complete optimizer state file");
        }
    }

    private static long checksum(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return crc.getValue();
    }

    private NDArray zerosLike(NDArray weights) {
        return manager.zeros(weights.getShape(), weights.getDataType(), weights.getDevice());
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] bytes = array.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private NDArray readArray(DataInputStream in, Path file) throws IOException {
        int length = in.readInt();
        if (length < 0) throw new WeightsFileException(file + " is corrupt: negative array length");
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) throw new EOFException();
        try {
            return NDArray.decode(manager, bytes);
        } catch (RuntimeException e) {
            throw new WeightsFileException(file + " is corrupt: " + e.getMessage());
        }
    }

    private static String readMagic(DataInputStream in) throws IOException {
        try {
            return in.readUTF();
        } catch (java.io.UTFDataFormatException e) {
            return "";
        }
    }

    /** Frees the moment estimates. */
    @Override
    public void close() {
        manager.close();
    }
}
