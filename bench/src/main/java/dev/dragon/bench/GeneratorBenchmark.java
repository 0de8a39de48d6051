package dev.dragon.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.dragon.diffusion.audio.MelSettings;
import dev.dragon.diffusion.model.AutoencoderConfig;
import dev.dragon.diffusion.model.DenoiserConfig;
import dev.dragon.diffusion.music.MusicModel;
import dev.dragon.diffusion.music.MusicModelSpec;
import dev.dragon.diffusion.sampling.NoiseSchedule;
import dev.dragon.diffusion.training.OptimizerSettings;
import dev.dragon.diffusion.training.PreferenceTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times the shipped generator's sampling and Diffusion-DPO training on DJL/PyTorch (CPU) and prints the single
 * shots as JSON; bench/generator.sh runs it beside bench/generator_reference.py and compares.
 *
 * <p>A plain timed main rather than JMH: one case takes 0.1–10 s, so JMH's per-invocation machinery buys nothing, and
 * the PyTorch engine reads its thread counts once per process (system properties {@code ai.djl.pytorch.num_threads},
 * {@code ai.djl.pytorch.num_interop_threads}), so each thread count needs its own JVM anyway. Each case runs
 * {@code warmups} untimed times (JIT, allocator and engine caches), then {@code repetitions} timed times.
 *
 * <p>Weights: the model folder given as the first argument when it holds a model, random (seeded Xavier) weights
 * otherwise — timing does not depend on the values. Usage: {@code GeneratorBenchmark [modelFolder|-] [repetitions]
 * [warmups] [caseRegex]}; the regex picks cases (for profiling one of them).
 */
public final class GeneratorBenchmark {

    static final int BATCH = 16;
    static final int PAIRS = 8;
    static final double GUIDANCE = 3.0;
    static final int VOCODER_ITERATIONS = 32;
    static final int[] SAMPLING_STEPS = {20, 10};

    private GeneratorBenchmark() {
    }

    /** The shipped architecture (issue 5's built-in model) with neutral latent statistics. */
    static MusicModelSpec shippedSpec() {
        AutoencoderConfig autoencoder = new AutoencoderConfig(64, 250, 10, 384, 32);
        DenoiserConfig denoiser = new DenoiserConfig(25, 32, 384, 128, 4, 4, 256);
        float[] mean = new float[32];
        float[] std = new float[32];
        java.util.Arrays.fill(std, 1f);
        return new MusicModelSpec(MelSettings.BUILT_IN, autoencoder, denoiser, 1000, mean, std, "bench", "random-weights",
            MusicModelSpec.noProvenance());
    }

    public static void main(String[] args) throws Exception {
        Path folder = args.length > 0 && !args[0].equals("-") ? Path.of(args[0]) : null;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 3 ? args[3] : ".*");
        Engine engine = Engine.getInstance();
        engine.setRandomSeed(42);
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        String weights;
        try (NDManager root = NDManager.newBaseManager()) {
            MusicModel model;
            if (folder != null && Files.isRegularFile(folder.resolve(MusicModelSpec.FILE))) {
                model = MusicModel.load(folder, root, VOCODER_ITERATIONS);
                weights = "loaded from " + folder;
            } else {
                model = MusicModel.initialise(shippedSpec(), root, VOCODER_ITERATIONS);
                weights = "random (seeded Xavier init; timing does not depend on values)";
            }
            if (!model.spec().architecture().equals(shippedSpec().architecture())) {
                throw new IllegalStateException("the model in " + folder + " is not the shipped architecture: "
                    + model.spec().architecture());
            }
            SplittableRandom random = new SplittableRandom(7);
            float[][] conditions = new float[BATCH][];
            long[] seeds = new long[BATCH];
            for (int i = 0; i < BATCH; i++) {
                double[] text = new double[384];
                for (int j = 0; j < text.length; j++) text[j] = random.nextGaussian();
                conditions[i] = model.condition(text);
                seeds[i] = 1000 + i;
            }
            for (int steps : SAMPLING_STEPS) {
                put(seconds, only, "sample_latent_" + steps, () -> time(warmups, repetitions, () -> {
                    try (NDManager scratch = root.newSubManager()) {
                        model.sample(scratch, conditions, seeds, steps, GUIDANCE).toFloatArray();
                    }
                }));
                put(seconds, only, "sample_full_" + steps, () -> time(warmups, repetitions, () -> {
                    try (NDManager scratch = root.newSubManager()) {
                        model.audioOf(model.sample(scratch, conditions, seeds, steps, GUIDANCE));
                    }
                }));
            }
            // breakdown: one guided denoiser pass (batch 2B), and decoder + Griffin-Lim alone
            NDArray latent = model.sample(root, conditions, seeds, 1, GUIDANCE);
            NDArray conditionArray = root.create(flatten(conditions), new Shape(BATCH, 384));
            NDArray both = latent.concat(latent, 0);
            NDArray withEmpty = conditionArray.concat(conditionArray.zerosLike(), 0);
            NDArray timestep = root.full(new Shape(2 * BATCH), 500f);
            put(seconds, only, "denoiser_pass_b32", () -> time(warmups, repetitions * 4, () -> {
                try (NDManager scratch = root.newSubManager()) {
                    NDArray x = both.duplicate();
                    x.attach(scratch);
                    model.denoiser().predictNoise(x, timestep, withEmpty, false).toFloatArray();
                }
            }));
            put(seconds, only, "decode_vocode", () -> time(warmups, repetitions, () -> model.audioOf(latent)));
            // per-call cost of the engine binding: 1000 chained adds of 4-element arrays (kernels take ~nothing)
            NDArray tiny = root.ones(new Shape(4));
            put(seconds, only, "tiny_add_x1000", () -> time(warmups, repetitions * 4, () -> {
                try (NDManager scratch = root.newSubManager()) {
                    NDArray x = tiny.duplicate();
                    x.attach(scratch);
                    for (int i = 0; i < 1000; i++) x = x.add(tiny);
                }
            }));
            put(seconds, only, "dpo_step", () -> timeDpo(model, root, warmups, repetitions * 4));
            model.close();
        }
        StringBuilder json = new StringBuilder("{\"engine\": \"PyTorch " + engine.getVersion() + " via DJL "
            + Engine.getDjlVersion() + "\", \"threads\": \"" + System.getProperty("ai.djl.pytorch.num_threads", "default")
            + "\", \"interop_threads\": \"" + System.getProperty("ai.djl.pytorch.num_interop_threads", "default")
            + "\", \"java\": \"" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
            + "\", \"weights\": \"" + weights + "\", \"seconds\": {");
        String separator = "";
        for (Map.Entry<String, List<Double>> entry : seconds.entrySet()) {
            json.append(separator).append('"').append(entry.getKey()).append("\": [");
            StringBuilder values = new StringBuilder();
            for (double v : entry.getValue()) values.append(values.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", v));
            json.append(values).append(']');
            separator = ", ";
        }
        System.out.println(json.append("}}"));
    }

    /** DPO steps on 8 random pairs (fresh t and ε each step, as the orchestrator draws them). */
    private static List<Double> timeDpo(MusicModel model, NDManager root, int warmups, int repetitions) throws Exception {
        DenoiserConfig d = model.spec().denoiser();
        Shape latentShape = new Shape(PAIRS, d.latentFrames(), d.latentChannels());
        NoiseSchedule schedule = model.schedule();
        SplittableRandom random = new SplittableRandom(11);
        try (NDManager data = root.newSubManager();
             PreferenceTrainer trainer = new PreferenceTrainer(model.denoiser(), schedule,
                 OptimizerSettings.withLearningRate(1e-5), root)) {
            NDArray winners = data.randomNormal(latentShape);
            NDArray losers = data.randomNormal(latentShape);
            NDArray conditions = data.randomNormal(new Shape(PAIRS, d.conditionDimension()));
            return time(warmups, repetitions, () -> {
                try (NDManager step = data.newSubManager()) {
                    int[] timesteps = new int[PAIRS];
                    for (int i = 0; i < PAIRS; i++) timesteps[i] = random.nextInt(schedule.steps());
                    NDArray noise = step.randomNormal(latentShape);
                    trainer.dpoStep(winners, losers, conditions, timesteps, noise, 5000);
                }
            });
        }
    }

    /** Times {@code work} under {@code name} when the name matches {@code only}. */
    private static void put(Map<String, List<Double>> seconds, java.util.regex.Pattern only, String name, Timing work)
            throws Exception {
        if (only.matcher(name).matches()) seconds.put(name, work.shots());
    }

    /** Produces the single shots of one case. */
    private interface Timing {
        List<Double> shots() throws Exception;
    }

    /** Something to time; may throw. */
    private interface Case {
        void run() throws Exception;
    }

    private static List<Double> time(int warmups, int repetitions, Case work) throws Exception {
        for (int i = 0; i < warmups; i++) work.run();
        List<Double> shots = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            work.run();
            shots.add((System.nanoTime() - start) / 1e9);
        }
        return shots;
    }

    private static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        return flat;
    }
}
