package dev.dragon.clap.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.dragon.clap.onnx.ModelDescriptor.Role;
import dev.dragon.clap.onnx.ModelDescriptor.TensorSpec;
import dev.dragon.io.InputFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One ONNX Runtime session over an encoder model, checked against its {@link ModelDescriptor} when it loads: a
 * missing file, a file that is not ONNX, or inputs/outputs whose names, element types or shapes disagree with
 * the descriptor fail with one line naming the file and the mismatch. {@link #run} may be called from several
 * threads at once (ONNX Runtime sessions are thread-safe); the owner closes it once no call is running.
 */
public final class OnnxModel implements AutoCloseable {

    private final String source;
    private final String sha256;
    private final ModelDescriptor descriptor;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private volatile boolean closed;

    private OnnxModel(String source, String sha256, ModelDescriptor descriptor, OrtEnvironment environment, OrtSession session) {
        this.source = source;
        this.sha256 = sha256;
        this.descriptor = descriptor;
        this.environment = environment;
        this.session = session;
    }

    /**
     * Loads and checks a model file.
     *
     * @param file       the {@code .onnx} file
     * @param descriptor what it must take and give
     * @param settings   session options
     * @return the open model
     * @throws InputFormatException naming the file and the problem
     * @throws IOException          when it cannot be read
     */
    public static OnnxModel load(Path file, ModelDescriptor descriptor, SessionSettings settings) throws IOException {
        if (!Files.isRegularFile(file)) throw new InputFormatException(file, "no such model file");
        String hash = sha256(file);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = options(settings)) {
            OrtSession session = env.createSession(file.toString(), options);
            return checked(file.toString(), hash, descriptor, env, session);
        } catch (OrtException e) {
            throw new InputFormatException(file, "not a loadable ONNX model: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Loads and checks a model held in memory (e.g. a jar resource).
     *
     * @param bytes      the model
     * @param source     where it came from, for messages
     * @param descriptor what it must take and give
     * @param settings   session options
     * @return the open model
     * @throws InputFormatException naming the source and the problem
     */
    public static OnnxModel load(byte[] bytes, String source, ModelDescriptor descriptor, SessionSettings settings) throws IOException {
        String hash = HexFormat.of().formatHex(digest().digest(bytes));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = options(settings)) {
            return checked(source, hash, descriptor, env, env.createSession(bytes, options));
        } catch (OrtException e) {
            throw new InputFormatException(Path.of(source), "not a loadable ONNX model: " + firstLine(e.getMessage()));
        }
    }

    private static OrtSession.SessionOptions options(SessionSettings settings) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        if (settings.intraOpThreads() > 0) options.setIntraOpNumThreads(settings.intraOpThreads());
        if (settings.useCuda() && OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) options.addCUDA(0);
        return options;
    }

    private static OnnxModel checked(String source, String hash, ModelDescriptor d, OrtEnvironment env, OrtSession session) throws IOException {
        try {
            check(source, d, session);
        } catch (IOException | OrtException | RuntimeException e) {
            closeQuietly(session);
            if (e instanceof IOException io) throw io;
            throw new InputFormatException(Path.of(source), "cannot inspect model: " + firstLine(e.getMessage()));
        }
        return new OnnxModel(source, hash, d, env, session);
    }

    private static void check(String source, ModelDescriptor d, OrtSession session) throws IOException, OrtException {
        Path file = Path.of(source);
        Map<String, NodeInfo> modelInputs = session.getInputInfo();
        Set<String> described = new TreeSet<>();
        for (TensorSpec s : d.inputs()) described.add(s.name());
        if (!modelInputs.keySet().equals(described)) {
            throw new InputFormatException(file, "model inputs " + new TreeSet<>(modelInputs.keySet()) + " do not match the descriptor's " + described);
        }
        for (TensorSpec s : d.inputs()) {
            OnnxJavaType expected = switch (s.role()) {
                case FEATURES -> OnnxJavaType.FLOAT;
                case IS_LONGER -> OnnxJavaType.BOOL;
                default -> OnnxJavaType.INT64;
            };
            checkTensor(file, "input", s, modelInputs.get(s.name()), expected);
        }
        NodeInfo out = session.getOutputInfo().get(d.output().name());
        if (out == null) {
            throw new InputFormatException(file, "model has no output '" + d.output().name() + "' (it has " + new TreeSet<>(session.getOutputNames()) + ")");
        }
        checkTensor(file, "output", d.output(), out, OnnxJavaType.FLOAT);
    }

    private static void checkTensor(Path file, String kind, TensorSpec spec, NodeInfo node, OnnxJavaType type) throws IOException {
        if (!(node.getInfo() instanceof TensorInfo info)) throw new InputFormatException(file, kind + " '" + spec.name() + "' is not a tensor");
        if (info.type != type) {
            throw new InputFormatException(file, kind + " '" + spec.name() + "' holds " + info.type + ", the descriptor needs " + type);
        }
        long[] actual = info.getShape();
        boolean agree = actual.length == spec.shape().length;
        for (int i = 0; agree && i < actual.length; i++) {
            agree = actual[i] < 0 || spec.shape()[i] < 0 || actual[i] == spec.shape()[i];
        }
        if (!agree) {
            throw new InputFormatException(file, kind + " '" + spec.name() + "' has shape " + Arrays.toString(actual)
                + " in the model, the descriptor says " + spec.describeShape());
        }
    }

    /**
     * The result of one run.
     *
     * @param values the output tensor's values, row-major
     * @param shape  its shape
     */
    public record Output(float[] values, long[] shape) {
    }

    /**
     * Runs the model once.
     *
     * @param floats float inputs by name, each with its shape in {@code shapes}
     * @param longs  int64 inputs by name
     * @param shapes the shape of every float and int64 input
     * @return the descriptor's output
     * @throws OrtException when ONNX Runtime fails
     */
    public Output run(Map<String, float[]> floats, Map<String, long[]> longs, Map<String, long[]> shapes) throws OrtException {
        return run(floats, longs, shapes, Map.of());
    }

    /**
     * Runs the model once, with boolean inputs too.
     *
     * @param floats   float inputs by name, each with its shape in {@code shapes}
     * @param longs    int64 inputs by name
     * @param shapes   the shape of every float and int64 input
     * @param booleans bool inputs by name, as [batch][n] arrays (their shape is the array's)
     * @return the descriptor's output
     * @throws OrtException when ONNX Runtime fails
     */
    public Output run(Map<String, float[]> floats, Map<String, long[]> longs, Map<String, long[]> shapes,
                      Map<String, boolean[][]> booleans) throws OrtException {
        if (closed) throw new IllegalStateException("model " + source + " is closed");
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            for (Map.Entry<String, float[]> e : floats.entrySet()) {
                tensors.put(e.getKey(), OnnxTensor.createTensor(environment, FloatBuffer.wrap(e.getValue()), shapes.get(e.getKey())));
            }
            for (Map.Entry<String, long[]> e : longs.entrySet()) {
                tensors.put(e.getKey(), OnnxTensor.createTensor(environment, LongBuffer.wrap(e.getValue()), shapes.get(e.getKey())));
            }
            for (Map.Entry<String, boolean[][]> e : booleans.entrySet()) {
                tensors.put(e.getKey(), OnnxTensor.createTensor(environment, e.getValue()));
            }
            try (OrtSession.Result result = session.run(tensors, new HashSet<>(Set.of(descriptor.output().name())))) {
                OnnxValue value = result.get(0);
                OnnxTensor tensor = (OnnxTensor) value;
                FloatBuffer buffer = tensor.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                return new Output(values, tensor.getInfo().getShape());
            }
        } finally {
            for (OnnxTensor t : tensors.values()) t.close();
        }
    }

    /** @return the descriptor the model was checked against */
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /** @return where the model came from */
    public String source() {
        return source;
    }

    /** @return the SHA-256 of the model bytes, hex */
    public String sha256() {
        return sha256;
    }

    /** @return the fixed length of the token axis of the model's token inputs, or −1 when free */
    public long fixedSequenceLength() {
        try {
            NodeInfo ids = session.getInputInfo().get(descriptor.input(Role.INPUT_IDS).name());
            return ((TensorInfo) ids.getInfo()).getShape()[1];
        } catch (OrtException e) {
            return -1;
        }
    }

    /** @return true once {@link #close()} ran */
    public boolean isClosed() {
        return closed;
    }

    /** Releases the native session. The environment is shared by the whole JVM and stays. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing left to do with a session that cannot close
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        String line = message.strip().lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
