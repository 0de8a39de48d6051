package dev.dragon.diffusion.music;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.dragon.diffusion.audio.GriffinLimVocoder;
import dev.dragon.diffusion.audio.MelSpectrogram;
import dev.dragon.diffusion.model.GuidedNoisePredictor;
import dev.dragon.diffusion.model.LatentDenoiser;
import dev.dragon.diffusion.model.MelAutoencoder;
import dev.dragon.diffusion.model.ModelWeights;
import dev.dragon.diffusion.sampling.DdimSampler;
import dev.dragon.diffusion.sampling.NoiseSchedule;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The built-in text-to-music model, assembled: log-mel front end → patch autoencoder → normalised latent, a
 * text-conditioned latent denoiser sampled with DDIM and classifier-free guidance, and the way back (decoder, then
 * Griffin–Lim). A model folder holds {@code model.json} ({@link MusicModelSpec}), {@code autoencoder.weights} and
 * {@code denoiser.weights}.
 *
 * <p>Not thread-safe: callers serialise access (the generator service does).
 */
public final class MusicModel implements AutoCloseable {

    /** Autoencoder weights inside a model folder. */
    public static final String AUTOENCODER_FILE = "autoencoder.weights";
    /** Denoiser weights inside a model folder. */
    public static final String DENOISER_FILE = "denoiser.weights";

    private final NDManager manager;
    private MusicModelSpec spec;
    private final MelSpectrogram mel;
    private final MelAutoencoder autoencoder;
    private final LatentDenoiser denoiser;
    private final NoiseSchedule schedule;
    private final GriffinLimVocoder vocoder;

    private MusicModel(MusicModelSpec spec, NDManager parent, int vocoderIterations) {
        this.manager = parent.newSubManager();
        this.spec = spec;
        this.mel = new MelSpectrogram(spec.mel());
        this.autoencoder = new MelAutoencoder(spec.autoencoder());
        this.denoiser = new LatentDenoiser(spec.denoiser());
        this.schedule = NoiseSchedule.cosine(spec.scheduleSteps());
        this.vocoder = new GriffinLimVocoder(mel, vocoderIterations);
        autoencoder.initialize(manager, DataType.FLOAT32);
        denoiser.initialize(manager, DataType.FLOAT32);
    }

    /** A model with freshly initialised weights (for pretraining); the engine's random seed decides them. */
    public static MusicModel initialise(MusicModelSpec spec, NDManager parent, int vocoderIterations) {
        return new MusicModel(spec, parent, vocoderIterations);
    }

    /**
     * Loads a model folder. A folder of another architecture, or a corrupt one, fails with one clear line
     * ({@link dev.dragon.diffusion.model.WeightsFileException}).
     */
    public static MusicModel load(Path folder, NDManager parent, int vocoderIterations) throws IOException {
        MusicModel model = new MusicModel(MusicModelSpec.read(folder), parent, vocoderIterations);
        try {
            ModelWeights.load(model.autoencoder, folder.resolve(AUTOENCODER_FILE));
            model.autoencoder.freezeParameters(true); // a loaded model's latent space is fixed: only the denoiser trains
            ModelWeights.load(model.denoiser, folder.resolve(DENOISER_FILE));
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /** Writes the model folder (each file atomically). */
    public void save(Path folder) throws IOException {
        ModelWeights.save(autoencoder, folder.resolve(AUTOENCODER_FILE));
        ModelWeights.save(denoiser, folder.resolve(DENOISER_FILE));
        spec.write(folder);
    }

    /** Replaces the spec (same architecture: latent statistics, provenance). */
    public void updateSpec(MusicModelSpec updated) {
        if (!updated.architecture().equals(spec.architecture())) {
            throw new IllegalArgumentException("a spec of another architecture: " + updated.architecture());
        }
        this.spec = updated;
    }

    /** The model's description. */
    public MusicModelSpec spec() {
        return spec;
    }

    /** The front end. */
    public MelSpectrogram mel() {
        return mel;
    }

    /** The autoencoder (frozen during preference training). */
    public MelAutoencoder autoencoder() {
        return autoencoder;
    }

    /** The denoiser (the policy that preference training updates). */
    public LatentDenoiser denoiser() {
        return denoiser;
    }

    /** The noise schedule the denoiser was trained with. */
    public NoiseSchedule schedule() {
        return schedule;
    }

    /** Where the model's arrays live. */
    public NDManager manager() {
        return manager;
    }

    /** Normalised latents [B, latentFrames, channels] of mono clips at the model's sample rate (on {@code target}). */
    public NDArray latentsOf(NDManager target, float[][] clips) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray logMel = mel.normalisedLogMel(scratch, clips);
            NDArray latent = normalise(autoencoder.encode(logMel, false));
            latent.attach(target);
            return latent;
        }
    }

    /** Raw (unnormalised) latent → normalised, per channel. */
    public NDArray normalise(NDArray raw) {
        Shape channels = new Shape(1, 1, spec.latentMean().length);
        NDManager m = raw.getManager();
        return raw.sub(m.create(spec.latentMean(), channels)).div(m.create(spec.latentStd(), channels));
    }

    /** Waveforms for normalised latents [B, latentFrames, channels]. */
    public float[][] audioOf(NDArray latents) {
        try (NDManager scratch = manager.newSubManager()) {
            Shape channels = new Shape(1, 1, spec.latentMean().length);
            NDArray raw = latents.mul(scratch.create(spec.latentStd(), channels)).add(scratch.create(spec.latentMean(), channels));
            raw.attach(scratch);
            return vocoder.vocode(autoencoder.decode(raw, false));
        }
    }

    /**
     * Samples normalised latents with DDIM: noise from the seeds (the same seed gives the same latent), the given
     * conditions (text embeddings [B, conditionDimension]; zeros = unconditional) and guidance scale.
     */
    public NDArray sample(NDManager target, float[][] conditions, long[] seeds, int steps, double guidance) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray condition = scratch.create(flatten(conditions), new Shape(conditions.length, spec.denoiser().conditionDimension()));
            NDArray start = DdimSampler.gaussianNoise(scratch, seeds,
                new Shape(spec.denoiser().latentFrames(), spec.denoiser().latentChannels()), DataType.FLOAT32);
            NDArray latent = new DdimSampler(schedule).sample(new GuidedNoisePredictor(denoiser, condition, guidance), start, steps);
            latent.attach(target);
            return latent;
        }
    }

    /** A text embedding as the denoiser's condition (float, L2-normalised: encoders differ in scale). */
    public float[] condition(double[] textEmbedding) {
        int dimension = spec.denoiser().conditionDimension();
        if (textEmbedding.length != dimension) {
            throw new IllegalArgumentException("the text encoder gives " + textEmbedding.length + " numbers, the model needs "
                + dimension);
        }
        double norm = 0;
        for (double v : textEmbedding) norm += v * v;
        norm = Math.sqrt(norm);
        float[] out = new float[dimension];
        for (int i = 0; i < dimension; i++) out[i] = (float) (norm > 0 ? textEmbedding[i] / norm : 0);
        return out;
    }

    /** Rows of equal length, concatenated (row-major). */
    public static float[] flatten(float[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * width, width);
        return flat;
    }

    /** Frees every array of the model. */
    @Override
    public void close() {
        manager.close();
    }
}
