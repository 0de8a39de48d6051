package dev.dragon.diffusion.generator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import dev.dragon.diffusion.music.MusicModel;
import dev.dragon.io.Resampler;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The generator's own representation as an {@link Encoder}: a clip's normalised latent frames (one per patch of
 * log-mel frames, 160 ms each for the built-in model) — the analogue of the paper's "VAE-FAD" encoder. Audio of any
 * rate and channel count is downmixed and resampled; a clip longer than the model's clip length is encoded window by
 * window, and only frames that cover real audio are kept (at least two, so a per-song covariance exists).
 *
 * <p>The autoencoder never changes during preference training, so the fingerprint is stable across a run.
 */
final class LatentFrameEncoder implements Encoder {

    private final String id;
    private final String fingerprint;
    private final int dimension;
    private final Supplier<MusicModel> models;
    private final Object lock;

    /**
     * @param models gives the model (loaded on first use); called under {@code lock}
     * @param lock serialises use of the model with the generator's own calls
     */
    LatentFrameEncoder(String id, String fingerprint, int dimension, Supplier<MusicModel> models, Object lock) {
        this.id = id;
        this.fingerprint = fingerprint;
        this.dimension = dimension;
        this.models = models;
        this.lock = lock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Set<Modality> modalities() {
        return Set.of(Modality.AUDIO);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public FrameEmbeddings embedAudio(AudioClip clip) {
        synchronized (lock) {
            return embed(models.get(), clip);
        }
    }

    private FrameEmbeddings embed(MusicModel model, AudioClip clip) {
        int rate = model.spec().mel().sampleRate();
        float[] samples = Resampler.resample(clip.downmix(), rate).channel(0);
        int window = model.spec().mel().clipSamples();
        int samplesPerFrame = model.spec().mel().hop() * model.spec().autoencoder().patchFrames();
        int latentFrames = model.spec().autoencoder().latentFrames();
        int channels = dimension();
        int windows = Math.max(1, (samples.length + window - 1) / window);
        float[][] pieces = new float[windows][];
        for (int w = 0; w < windows; w++) {
            pieces[w] = java.util.Arrays.copyOfRange(samples, w * window, (w + 1) * window);
        }
        int kept = Math.max(2, Math.min(windows * latentFrames, (samples.length + samplesPerFrame - 1) / samplesPerFrame));
        float[] latent;
        try (NDManager scratch = model.manager().newSubManager()) {
            NDArray frames = model.latentsOf(scratch, pieces);
            latent = frames.toFloatArray();
        }
        double[] values = new double[kept * channels];
        for (int i = 0; i < values.length; i++) values[i] = latent[i];
        return new FrameEmbeddings(kept, channels, values);
    }
}
