package dev.dragon.diffusion.music;

import dev.dragon.diffusion.audio.MelSettings;
import dev.dragon.diffusion.model.AutoencoderConfig;
import dev.dragon.diffusion.model.DenoiserConfig;
import dev.dragon.diffusion.model.WeightsFileException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything about a music model except its weights: the front end, the autoencoder and denoiser shapes, the noise
 * schedule, the latent normalisation, which text encoder conditions it, and where it came from. Stored as
 * {@code model.json} beside the weights files.
 *
 * @param mel the log-mel front end
 * @param autoencoder the autoencoder's shape
 * @param denoiser the denoiser's shape
 * @param scheduleSteps training timesteps of the cosine noise schedule
 * @param latentMean per-channel mean of the raw latent over the training corpus
 * @param latentStd per-channel standard deviation of the raw latent
 * @param textEncoderId id of the text encoder the model was trained with
 * @param textEncoderFingerprint that encoder's fingerprint
 * @param provenance what produced the weights (corpus, seeds, steps, losses, versions), free-form
 */
public record MusicModelSpec(MelSettings mel, AutoencoderConfig autoencoder, DenoiserConfig denoiser, int scheduleSteps,
                             float[] latentMean, float[] latentStd, String textEncoderId, String textEncoderFingerprint,
                             JsonObject provenance) {

    /** The file name of the spec inside a model folder. */
    public static final String FILE = "model.json";
    static final String FORMAT = "dragon-music-model/1";

    public MusicModelSpec {
        if (latentMean.length != autoencoder.latentChannels() || latentStd.length != autoencoder.latentChannels()) {
            throw new IllegalArgumentException("latent statistics need " + autoencoder.latentChannels() + " channels");
        }
        if (autoencoder.latentFrames() != denoiser.latentFrames() || autoencoder.latentChannels() != denoiser.latentChannels()) {
            throw new IllegalArgumentException("the denoiser's latent " + denoiser.latentFrames() + "x" + denoiser.latentChannels()
                + " does not match the autoencoder's " + autoencoder.latentFrames() + "x" + autoencoder.latentChannels());
        }
        if (autoencoder.melBands() != mel.melBands() || autoencoder.frames() != mel.frames()) {
            throw new IllegalArgumentException("the autoencoder's input does not match the mel front end");
        }
        latentMean = latentMean.clone();
        latentStd = latentStd.clone();
    }

    /** A one-line description of every shape: equal strings ⇔ interchangeable weights and front end. */
    public String architecture() {
        return mel.describe() + " | " + autoencoder.architecture() + " | " + denoiser.architecture() + " | cosine/"
            + scheduleSteps;
    }

    /** The same spec with other latent statistics and provenance (set once pretraining has measured them). */
    public MusicModelSpec with(float[] mean, float[] std, JsonObject newProvenance) {
        return new MusicModelSpec(mel, autoencoder, denoiser, scheduleSteps, mean, std, textEncoderId,
            textEncoderFingerprint, newProvenance);
    }

    /** Writes {@code model.json} into {@code folder} (atomically). */
    public void write(Path folder) throws IOException {
        JsonObject json = Json.createObjectBuilder()
            .add("format", FORMAT)
            .add("architecture", architecture())
            .add("mel", Json.createObjectBuilder().add("sampleRate", mel.sampleRate()).add("fftSize", mel.fftSize())
                .add("hop", mel.hop()).add("melBands", mel.melBands()).add("frames", mel.frames())
                .add("floorDb", mel.floorDb()).add("centerDb", mel.centerDb()).add("scaleDb", mel.scaleDb()))
            .add("autoencoder", Json.createObjectBuilder().add("patchFrames", autoencoder.patchFrames())
                .add("hidden", autoencoder.hidden()).add("latentChannels", autoencoder.latentChannels()))
            .add("denoiser", Json.createObjectBuilder().add("conditionDimension", denoiser.conditionDimension())
                .add("width", denoiser.width()).add("layers", denoiser.layers()).add("heads", denoiser.heads())
                .add("feedForward", denoiser.feedForward()))
            .add("scheduleSteps", scheduleSteps)
            .add("latentMean", array(latentMean))
            .add("latentStd", array(latentStd))
            .add("textEncoder", Json.createObjectBuilder().add("id", textEncoderId).add("fingerprint", textEncoderFingerprint))
            .add("provenance", provenance)
            .build();
        StringWriter text = new StringWriter();
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (JsonWriter writer = factory.createWriter(text)) {
            writer.writeObject(json);
        }
        byte[] bytes = (text.toString().strip() + "\n").getBytes(StandardCharsets.UTF_8);
        dev.dragon.diffusion.model.AtomicFiles.write(folder.resolve(FILE), out -> out.write(bytes));
    }

    /** Reads {@code model.json} from {@code folder}; a missing, malformed or foreign file fails with one line. */
    public static MusicModelSpec read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        JsonObject json;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader parser = Json.createReader(reader)) {
            json = parser.readObject();
        } catch (NoSuchFileException e) {
            throw new WeightsFileException(folder + " is not a music model folder: no " + FILE);
        } catch (JsonException | ClassCastException e) {
            throw new WeightsFileException(file + " is not valid JSON: " + e.getMessage());
        }
        try {
            if (!FORMAT.equals(json.getString("format", ""))) {
                throw new WeightsFileException(file + " is not a " + FORMAT + " description");
            }
            JsonObject m = json.getJsonObject("mel");
            MelSettings mel = new MelSettings(m.getInt("sampleRate"), m.getInt("fftSize"), m.getInt("hop"),
                m.getInt("melBands"), m.getInt("frames"), m.getJsonNumber("floorDb").doubleValue(),
                m.getJsonNumber("centerDb").doubleValue(), m.getJsonNumber("scaleDb").doubleValue());
            JsonObject a = json.getJsonObject("autoencoder");
            AutoencoderConfig autoencoder = new AutoencoderConfig(mel.melBands(), mel.frames(), a.getInt("patchFrames"),
                a.getInt("hidden"), a.getInt("latentChannels"));
            JsonObject d = json.getJsonObject("denoiser");
            DenoiserConfig denoiser = new DenoiserConfig(autoencoder.latentFrames(), autoencoder.latentChannels(),
                d.getInt("conditionDimension"), d.getInt("width"), d.getInt("layers"), d.getInt("heads"),
                d.getInt("feedForward"));
            JsonObject text = json.getJsonObject("textEncoder");
            return new MusicModelSpec(mel, autoencoder, denoiser, json.getInt("scheduleSteps"),
                floats(json.getJsonArray("latentMean")), floats(json.getJsonArray("latentStd")), text.getString("id"),
                text.getString("fingerprint"), json.getJsonObject("provenance"));
        } catch (NullPointerException | ClassCastException | IllegalArgumentException e) {
            throw new WeightsFileException(file + " is incomplete or inconsistent: " + e.getMessage());
        }
    }

    private static JsonArrayBuilder array(float[] values) {
        JsonArrayBuilder builder = Json.createArrayBuilder();
        for (float v : values) builder.add((double) v);
        return builder;
    }

    private static float[] floats(JsonArray array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) values[i] = (float) array.getJsonNumber(i).doubleValue();
        return values;
    }

    /** An empty provenance object. */
    public static JsonObject noProvenance() {
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
