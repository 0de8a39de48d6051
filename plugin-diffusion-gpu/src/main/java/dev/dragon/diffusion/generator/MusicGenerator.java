package dev.dragon.diffusion.generator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Generator;
import dev.dragon.api.Latent;
import dev.dragon.api.LossSettings;
import dev.dragon.api.LossType;
import dev.dragon.api.PreferenceBatch;
import dev.dragon.api.Prompt;
import dev.dragon.api.SamplingRequest;
import dev.dragon.api.TrainingStatistics;
import dev.dragon.diffusion.model.ModelWeights;
import dev.dragon.diffusion.model.WeightsFileException;
import dev.dragon.diffusion.music.MusicModel;
import dev.dragon.diffusion.music.MusicModelSpec;
import dev.dragon.diffusion.sampling.DdimSampler;
import dev.dragon.diffusion.training.AdamW;
import dev.dragon.diffusion.training.OptimizerSettings;
import dev.dragon.diffusion.training.PreferenceTrainer;
import dev.dragon.diffusion.training.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The built-in text-to-music {@link Generator} around a {@link MusicModel}: samples are DDIM runs from per-sample
 * seeds with classifier-free guidance, decoded and vocoded; training is one Diffusion-DPO or Diffusion-KTO step of
 * the denoiser against a frozen copy of the weights it had when training began (or when restored).
 *
 * <p>A checkpoint folder is a model folder plus {@code reference.weights} (the frozen reference) and, once trained,
 * {@code optimizer.state}. Restoring a checkpoint of another architecture, or a corrupt one, fails with one line and
 * changes nothing. Calls are serialised: one model, one engine.
 */
public final class MusicGenerator implements Generator, AutoCloseable {

    /** The frozen reference's weights inside a checkpoint folder. */
    public static final String REFERENCE_FILE = "reference.weights";
    /** AdamW's state inside a checkpoint folder. */
    public static final String OPTIMIZER_FILE = "optimizer.state";
    private static final int SAMPLING_CHUNK = 64;
    private static final long TRAINING_NOISE_SEED = 0x7261696EL;

    private final String id;
    private final MusicModel model;
    private final Function<String, double[]> textEmbedder;
    private final LatentFrameEncoder latentEncoder;
    private final String fingerprint;
    private final Map<String, float[]> conditions = new HashMap<>();
    private PreferenceTrainer trainer;

    /**
     * @param id the generator's id
     * @param model the model (owned from now on: closed with the generator)
     * @param textEmbedder prompt text → embedding of the text encoder the model was trained with
     * @param latentEncoderId the id under which {@link #latentEncoder()} identifies itself
     * @param folder the model folder {@code model} was loaded from (its files give the fingerprints)
     */
    public MusicGenerator(String id, MusicModel model, Function<String, double[]> textEmbedder, String latentEncoderId,
                          Path folder) throws IOException {
        this.id = id;
        this.model = model;
        this.textEmbedder = textEmbedder;
        this.fingerprint = ModelFingerprint.ofModel(folder);
        this.latentEncoder = new LatentFrameEncoder(latentEncoderId, ModelFingerprint.ofLatentEncoder(folder),
            model.spec().autoencoder().latentChannels(), () -> model, this);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** The model (for commands that need its settings). */
    public MusicModel model() {
        return model;
    }

    @Override
    public synchronized List<Generation> sample(SamplingRequest request) {
        List<Generation> out = new ArrayList<>(request.prompts().size());
        int rate = model.spec().mel().sampleRate();
        for (int start = 0; start < request.prompts().size(); start += SAMPLING_CHUNK) {
            int end = Math.min(request.prompts().size(), start + SAMPLING_CHUNK);
            List<Prompt> prompts = request.prompts().subList(start, end);
            long[] seeds = request.seeds().subList(start, end).stream().mapToLong(Long::longValue).toArray();
            try (NDManager scratch = model.manager().newSubManager()) {
                NDArray latents = model.sample(scratch, conditionsOf(prompts), seeds, request.steps(), request.guidance());
                float[][] audio = model.audioOf(latents);
                float[] values = latents.toFloatArray();
                int perSample = values.length / prompts.size();
                int[] shape = {model.spec().denoiser().latentFrames(), model.spec().denoiser().latentChannels()};
                for (int i = 0; i < prompts.size(); i++) {
                    float[] latent = java.util.Arrays.copyOfRange(values, i * perSample, (i + 1) * perSample);
                    out.add(new Generation(prompts.get(i), seeds[i], AudioClip.mono(rate, audio[i]), new Latent(shape, latent), id));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized TrainingStatistics train(PreferenceBatch batch, LossSettings loss) {
        if (!batch.paired() && loss.type() == LossType.DPO) {
            throw new IllegalArgumentException("Diffusion-DPO needs paired samples; use KTO for an unpaired batch");
        }
        PreferenceTrainer t = trainer();
        Random random = new Random(TRAINING_NOISE_SEED ^ t.optimizer().steps() * 0x9E3779B97F4A7C15L);
        try (NDManager scratch = model.manager().newSubManager()) {
            StepResult result;
            if (batch.paired()) {
                int pairs = batch.positives().size();
                NDArray positives = latentsOf(scratch, batch.positives());
                NDArray negatives = latentsOf(scratch, batch.negatives());
                NDArray c = conditionArray(scratch, batch.positives());
                int[] timesteps = timesteps(random, pairs);
                NDArray noise = noise(scratch, random, pairs);
                result = t.pairedStep(loss, positives, negatives, c, timesteps, noise);
            } else {
                List<Generation> all = new ArrayList<>(batch.positives());
                all.addAll(batch.negatives());
                int[] labels = new int[all.size()];
                for (int i = 0; i < labels.length; i++) labels[i] = i < batch.positives().size() ? 1 : -1;
                result = t.ktoStep(latentsOf(scratch, all), conditionArray(scratch, all), labels,
                    timesteps(random, all.size()), noise(scratch, random, all.size()), loss.beta(), loss.lambdaPositive(),
                    loss.lambdaNegative());
            }
            return new TrainingStatistics(result.loss(), result.rewardMargin(), result.gradientNorm(), result.examples());
        }
    }

    @Override
    public synchronized void checkpoint(Path directory) throws IOException {
        Files.createDirectories(directory);
        model.save(directory);
        if (trainer == null) {
            ModelWeights.save(model.denoiser(), directory.resolve(REFERENCE_FILE));
        } else {
            ModelWeights.save(trainer.reference(), directory.resolve(REFERENCE_FILE));
            trainer.optimizer().save(directory.resolve(OPTIMIZER_FILE));
        }
    }

    @Override
    public synchronized void restore(Path directory) throws IOException {
        MusicModelSpec spec = MusicModelSpec.read(directory);
        if (!spec.architecture().equals(model.spec().architecture())) {
            throw new WeightsFileException(directory + " holds a model of another architecture (" + spec.architecture()
                + "), this generator runs " + model.spec().architecture());
        }
        Path reference = directory.resolve(REFERENCE_FILE);
        Path optimizer = directory.resolve(OPTIMIZER_FILE);
        // check every file before changing anything: a bad checkpoint leaves the generator as it was
        Path autoencoder = directory.resolve(MusicModel.AUTOENCODER_FILE);
        Path denoiser = directory.resolve(MusicModel.DENOISER_FILE);
        ModelWeights.verify(model.autoencoder(), autoencoder);
        ModelWeights.verify(model.denoiser(), denoiser);
        if (Files.exists(reference)) ModelWeights.verify(model.denoiser(), reference);
        if (Files.exists(optimizer)) {
            try (AdamW probe = new AdamW(model.denoiser(), 0, 1, model.manager())) {
                probe.load(optimizer);
            }
        }
        ModelWeights.load(model.autoencoder(), autoencoder);
        ModelWeights.load(model.denoiser(), denoiser);
        model.updateSpec(spec);
        if (trainer != null) {
            trainer.close();
            trainer = null;
        }
        PreferenceTrainer fresh = trainer();
        if (Files.exists(reference)) ModelWeights.load(fresh.reference(), reference);
        if (Files.exists(optimizer)) fresh.optimizer().load(optimizer);
    }

    @Override
    public Encoder latentEncoder() {
        return latentEncoder;
    }

    /** Conditions for prompts, embedded once per distinct text. */
    float[][] conditionsOf(List<Prompt> prompts) {
        float[][] out = new float[prompts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = conditions.computeIfAbsent(prompts.get(i).text(), text -> model.condition(textEmbedder.apply(text)));
        }
        return out;
    }

    private PreferenceTrainer trainer() {
        if (trainer == null) {
            try {
                trainer = new PreferenceTrainer(model.denoiser(), model.schedule(), OptimizerSettings.withLearningRate(1e-5),
                    model.manager());
            } catch (IOException e) {
                throw new IllegalStateException("cannot copy the reference model: " + e.getMessage(), e);
            }
        }
        return trainer;
    }

    private NDArray latentsOf(NDManager scratch, List<Generation> generations) {
        int frames = model.spec().denoiser().latentFrames();
        int channels = model.spec().denoiser().latentChannels();
        float[] values = new float[generations.size() * frames * channels];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < generations.size(); i++) {
            Latent latent = generations.get(i).latent();
            if (latent != null && latent.values().length == frames * channels && generations.get(i).generatorId().equals(id)) {
                System.arraycopy(latent.values(), 0, values, i * frames * channels, frames * channels);
            } else {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) { // audio from elsewhere: encode it
            float[][] clips = new float[missing.size()][];
            for (int j = 0; j < clips.length; j++) {
                AudioClip clip = generations.get(missing.get(j)).audio();
                clips[j] = dev.dragon.io.Resampler.resample(clip.downmix(), model.spec().mel().sampleRate()).channel(0);
            }
            float[] encoded = model.latentsOf(scratch, clips).toFloatArray();
            for (int j = 0; j < clips.length; j++) {
                System.arraycopy(encoded, j * frames * channels, values, missing.get(j) * frames * channels, frames * channels);
            }
        }
        return scratch.create(values, new Shape(generations.size(), frames, channels));
    }

    private NDArray conditionArray(NDManager scratch, List<Generation> generations) {
        List<Prompt> prompts = generations.stream().map(Generation::prompt).toList();
        float[][] rows = conditionsOf(prompts);
        return scratch.create(MusicModel.flatten(rows), new Shape(rows.length, rows[0].length));
    }

    private int[] timesteps(Random random, int count) {
        int[] t = new int[count];
        for (int i = 0; i < count; i++) t[i] = random.nextInt(model.schedule().steps());
        return t;
    }

    private NDArray noise(NDManager scratch, Random random, int count) {
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) seeds[i] = random.nextLong();
        return DdimSampler.gaussianNoise(scratch, seeds, new Shape(model.spec().denoiser().latentFrames(),
            model.spec().denoiser().latentChannels()), DataType.FLOAT32);
    }

    /** Frees the model, the reference and the optimizer state. */
    @Override
    public synchronized void close() {
        if (trainer != null) trainer.close();
        model.close();
    }
}
