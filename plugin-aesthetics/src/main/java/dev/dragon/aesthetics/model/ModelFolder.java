package dev.dragon.aesthetics.model;

import dev.dragon.api.Encoder;
import dev.dragon.io.InputFormatException;
import dev.dragon.io.Npy;
import dev.dragon.io.NpyArray;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A trained predictor on disk, a folder of three files:
 * <ul>
 *   <li>{@value #SUPPORT_FILE}: the n×d training embeddings, float64;</li>
 *   <li>{@value #ALPHA_FILE}: the n dual coefficients, float64, shape (n, 1);</li>
 *   <li>{@value #MODEL_FILE}: kernel, λ, label scaling, provenance (encoder id and fingerprint, data hash,
 *       hyper-parameter grid, metrics) and the SHA-256 of the two arrays.</li>
 * </ul>
 * Each file is written atomically, {@value #MODEL_FILE} last; reading checks the arrays against the hashes it lists,
 * so a folder caught half-way through being replaced is refused rather than mixed.
 */
public final class ModelFolder {

    /** The metadata file. */
    public static final String MODEL_FILE = "model.json";
    /** The training embeddings. */
    public static final String SUPPORT_FILE = "support.npy";
    /** The dual coefficients. */
    public static final String ALPHA_FILE = "alpha.npy";
    /** Format tag written into {@value #MODEL_FILE}; a reader refuses any other. */
    public static final String FORMAT = "dragon-aesthetics-krr-1";

    private ModelFolder() {
    }

    /**
     * Writes {@code model} into {@code folder} (created when missing; files already there are replaced).
     *
     * @param folder the model folder
     * @param model  the model
     * @throws IOException when a file cannot be written
     */
    public static void write(Path folder, AestheticsModel model) throws IOException {
        Files.createDirectories(folder);
        Path support = folder.resolve(SUPPORT_FILE), alpha = folder.resolve(ALPHA_FILE);
        Npy.write(support, new NpyArray(new int[] {model.size(), model.dimension()}, model.support(), false));
        Npy.write(alpha, new NpyArray(new int[] {model.size(), 1}, model.alpha(), false));
        JsonObject json = toJson(model, sha256(Files.readAllBytes(support)), sha256(Files.readAllBytes(alpha)));
        StringWriter text = new StringWriter();
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (JsonWriter writer = factory.createWriter(text)) {
            writer.write(json);
        }
        Path file = folder.resolve(MODEL_FILE);
        Path tmp = Files.createTempFile(folder, "." + MODEL_FILE, ".part");
        try {
            Files.writeString(tmp, text.toString().strip() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a model folder and checks it belongs to {@code encoder}.
     *
     * @param folder  the model folder
     * @param encoder the encoder that will feed it
     * @return the model
     * @throws IOException           when the folder is missing, damaged or not a model
     * @throws IllegalStateException when the encoder's fingerprint differs from the one the model was trained with
     */
    public static AestheticsModel load(Path folder, Encoder encoder) throws IOException {
        AestheticsModel model = read(folder);
        model.requireEncoder(encoder, folder.toString());
        return model;
    }

    /**
     * Reads a model folder without checking the encoder (see {@link AestheticsModel#requireEncoder}).
     *
     * @param folder the model folder
     * @return the model
     * @throws IOException with one line naming the file and the problem
     */
    public static AestheticsModel read(Path folder) throws IOException {
        Path file = folder.resolve(MODEL_FILE);
        if (!Files.isDirectory(folder)) throw new InputFormatException(folder, "no such model folder");
        JsonObject json;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                json = reader.readObject();
            }
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such file (not an aesthetics model folder)");
        } catch (JsonException | IllegalStateException e) {
            throw new InputFormatException(file, "not valid JSON (" + e.getMessage() + ")");
        }
        try {
            String format = json.getString("format", "");
            if (!FORMAT.equals(format)) throw new InputFormatException(file, "format '" + format + "' is not " + FORMAT);
            int n = json.getInt("items"), d = json.getInt("dimension");
            NpyArray support = checkedArray(folder.resolve(SUPPORT_FILE), json.getJsonObject("files").getString(SUPPORT_FILE), n, d);
            NpyArray alpha = checkedArray(folder.resolve(ALPHA_FILE), json.getJsonObject("files").getString(ALPHA_FILE), n, 1);
            String kernelType = json.getString("kernel");
            Kernel kernel = switch (kernelType) {
                case "cosine" -> Kernel.cosine();
                case "rbf" -> Kernel.rbf(number(json, "gamma"));
                default -> throw new InputFormatException(file, "unknown kernel '" + kernelType + "'");
            };
            JsonObject encoder = json.getJsonObject("encoder"), data = json.getJsonObject("data"), training = json.getJsonObject("training");
            JsonObject metrics = json.getJsonObject("metrics");
            Provenance provenance = new Provenance(encoder.getString("id"), encoder.getString("fingerprint"), data.getString("sha256"),
                data.getString("source"), data.getInt("items"), data.getInt("groups"), training.getJsonNumber("seed").longValueExact(),
                training.getInt("validation_items"), training.getString("grid"), evaluation(metrics.getJsonObject("validation")),
                evaluation(metrics.getJsonObject("training")));
            return new AestheticsModel(kernel, number(json, "lambda"), support.values(), d, alpha.values(), number(json, "label_mean"),
                number(json, "label_scale"), provenance);
        } catch (NullPointerException | ClassCastException | ArithmeticException | IllegalArgumentException e) {
            throw new InputFormatException(file, "missing or malformed field (" + e.getMessage() + ")");
        }
    }

    private static NpyArray checkedArray(Path file, String expectedSha256, int rows, int cols) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such file");
        }
        if (!sha256(bytes).equals(expectedSha256)) {
            throw new InputFormatException(file, "content does not match the SHA-256 in " + MODEL_FILE + " (damaged, or from another model)");
        }
        NpyArray array = Npy.read(file);
        if (array.shape().length != 2 || array.shape()[0] != rows || array.shape()[1] != cols) {
            throw new InputFormatException(file, "shape " + array.describeShape() + ", " + MODEL_FILE + " says (" + rows + ", " + cols + ")");
        }
        return array;
    }

    private static JsonObject toJson(AestheticsModel model, String supportHash, String alphaHash) {
        Provenance p = model.provenance();
        JsonObjectBuilder b = Json.createObjectBuilder()
            .add("format", FORMAT)
            .add("what", "aesthetics predictor: kernel ridge regression over L2-normalised mean-pooled embeddings; "
                + "prediction = label_mean + label_scale * sum_j alpha_j k(x, support_j)")
            .add("kernel", model.kernel().type() == Kernel.Type.COSINE ? "cosine" : "rbf");
        if (model.kernel().type() == Kernel.Type.RBF) b.add("gamma", model.kernel().gamma());
        b.add("lambda", model.lambda())
            .add("dimension", model.dimension())
            .add("items", model.size())
            .add("label_mean", model.labelMean())
            .add("label_scale", model.labelScale())
            .add("encoder", Json.createObjectBuilder().add("id", p.encoderId()).add("fingerprint", p.encoderFingerprint()))
            .add("data", Json.createObjectBuilder().add("sha256", p.dataHash()).add("source", p.dataSource()).add("items", p.items())
                .add("groups", p.groups()))
            .add("training", Json.createObjectBuilder().add("seed", p.seed()).add("validation_items", p.validationItems()).add("grid", p.grid()))
            .add("metrics", Json.createObjectBuilder().add("validation", json(p.validation())).add("training", json(p.training())))
            .add("files", Json.createObjectBuilder().add(SUPPORT_FILE, supportHash).add(ALPHA_FILE, alphaHash));
        return b.build();
    }

    private static JsonObjectBuilder json(Evaluation e) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("items", e.items());
        addNumber(b, "plcc", e.plcc());
        addNumber(b, "srcc", e.srcc());
        addNumber(b, "srcc_per_prompt", e.perPrompt().mean());
        return b.add("prompt_groups_counted", e.perPrompt().groupsCounted()).add("prompt_groups_skipped", e.perPrompt().groupsSkipped());
    }

    /** JSON has no NaN: an undefined correlation is written as null. */
    private static void addNumber(JsonObjectBuilder b, String name, double value) {
        if (Double.isFinite(value)) b.add(name, value);
        else b.addNull(name);
    }

    private static Evaluation evaluation(JsonObject o) {
        return new Evaluation(o.getInt("items"), numberOrNaN(o, "plcc"), numberOrNaN(o, "srcc"), new Correlations.GroupedSpearman(
            numberOrNaN(o, "srcc_per_prompt"), o.getInt("prompt_groups_counted"), o.getInt("prompt_groups_skipped")));
    }

    private static double numberOrNaN(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? Double.NaN : ((JsonNumber) v).doubleValue();
    }

    private static double number(JsonObject o, String name) {
        JsonNumber v = o.getJsonNumber(name);
        if (v == null) throw new IllegalArgumentException("'" + name + "' is missing");
        return v.doubleValue();
    }

    /** @return the SHA-256 of {@code bytes} in hex */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
