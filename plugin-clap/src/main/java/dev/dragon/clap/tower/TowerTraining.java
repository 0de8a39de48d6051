package dev.dragon.clap.tower;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import dev.dragon.clap.onnx.ModelDescriptor;
import dev.dragon.clap.onnx.OnnxModel;
import dev.dragon.clap.onnx.SessionSettings;
import java.nio.FloatBuffer;
import java.util.Map;
import dev.dragon.clap.features.ClapFeatureConfig;
import dev.dragon.clap.features.ClapFeatureExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The whole {@code clap-train} job: read a captioned corpus, compute CLAP features of every clip and the frozen
 * text encoder's embedding of every caption, train an {@link AudioTower} with symmetric InfoNCE on the training
 * split, and write a LAION-CLAP-style export into a folder:
 * <pre>
 * audio.onnx               the tower (input_features [B, 1, 1001, 64] → audio_embeds [B, d]), our own ONNX writer
 * audio.descriptor.json    the general ONNX encoder's descriptor
 * preprocessor_config.json CLAP's feature settings (laion/clap-htsat-unfused's published values)
 * training.json            provenance: corpus, text encoder, settings, losses, held-out recall
 * </pre>
 * The held-out split is never trained on; it only measures retrieval after each epoch.
 */
public final class TowerTraining {

    /** File names in the output folder. */
    public static final String MODEL = "audio.onnx";
    /** The descriptor's file name. */
    public static final String DESCRIPTOR = "audio.descriptor.json";
    /** The preprocessor config's file name. */
    public static final String PREPROCESSOR = "preprocessor_config.json";
    /** The provenance file's name. */
    public static final String PROVENANCE = "training.json";
    /** Seed of CLAP's crops; the shipped encoder configuration uses the same (the encoders' default). */
    public static final long CROP_SEED = 0;
    /** Largest difference allowed between the ONNX export's output and the trained tower's. */
    public static final double EXPORT_TOLERANCE = 1e-4;

    private TowerTraining() {
    }

    /**
     * The outcome of a run.
     *
     * @param tower       the trained tower (the caller closes it)
     * @param heldOut     the held-out pairs with their features
     * @param recall      held-out retrieval of the trained tower (DJL forward)
     * @param finalLoss   mean training loss of the last epoch
     */
    public record Result(AudioTower tower, PairedFeatures heldOut, RetrievalRecall recall, double finalLoss) {
    }

    /** @return CLAP's feature settings the tower is trained on: laion/clap-htsat-unfused's preprocessor_config.json */
    public static byte[] preprocessorConfig() throws IOException {
        try (InputStream in = TowerTraining.class.getResourceAsStream(PREPROCESSOR)) {
            if (in == null) throw new IOException("plugin-clap is missing its resource " + PREPROCESSOR);
            return in.readAllBytes();
        }
    }

    /**
     * Runs the job on DJL's PyTorch engine ({@link PytorchEngine}) and writes the export; the tower is released.
     *
     * @param corpus        the corpus folder
     * @param out           the output folder
     * @param textEncoderId the frozen text encoder's id (for provenance)
     * @param embedCaptions the frozen text encoder
     * @param settings      training settings
     * @param threads       feature threads
     * @param progress      receives progress lines
     * @return held-out retrieval of the trained tower, or null when the corpus has fewer than two held-out clips
     * @throws IOException naming a bad input file, or when writing fails
     * @throws IllegalStateException when DJL/PyTorch is missing or the export disagrees with the tower
     */
    public static RetrievalRecall train(Path corpus, Path out, String textEncoderId, Function<List<String>, double[][]> embedCaptions,
                                        TrainingSettings settings, int threads, Consumer<String> progress) throws IOException {
        try (NDManager manager = PytorchEngine.get().newBaseManager()) {
            Result result = run(corpus, out, textEncoderId, embedCaptions, settings, threads, manager, progress);
            result.tower().close();
            return result.recall();
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("training needs DJL/PyTorch: add the bundle dev.dragon.runtime.djl-pytorch to the profile", e);
        }
    }

    /**
     * Runs the job and writes the export.
     *
     * @param corpus        the corpus folder ({@link CaptionedCorpus})
     * @param out           the output folder (created; files replaced atomically)
     * @param textEncoderId the frozen text encoder's id (for provenance)
     * @param embedCaptions the frozen text encoder
     * @param settings      training settings
     * @param threads       feature threads
     * @param manager       DJL manager for the run
     * @param progress      receives progress lines
     * @return the trained tower and its held-out figures
     * @throws IOException naming a bad input file, or when writing fails
     */
    public static Result run(Path corpus, Path out, String textEncoderId, Function<List<String>, double[][]> embedCaptions,
                             TrainingSettings settings, int threads, NDManager manager, Consumer<String> progress) throws IOException {
        List<CaptionedClip> clips = CaptionedCorpus.read(corpus);
        AtomicFiles.write(out.resolve(PREPROCESSOR), preprocessorConfig());
        ClapFeatureConfig config = ClapFeatureConfig.load(out.resolve(PREPROCESSOR));
        PairedFeatures all = PairedFeatures.compute(clips, new ClapFeatureExtractor(config), CROP_SEED, embedCaptions, threads, progress);
        PairedFeatures train = all.split(false);
        PairedFeatures heldOut = all.split(true);
        if (train.size() < settings.batchSize()) {
            throw new IllegalArgumentException("the corpus has " + train.size() + " training clips, fewer than one batch of " + settings.batchSize());
        }
        int dimension = train.texts()[0].length;
        float[] moments = train.featureMoments();
        TowerShape base = TowerShape.builtin(moments[0], moments[1]);
        TowerShape shape = new TowerShape(config.chunkFrames(), config.melBins(), base.timePooling(), base.channels(), base.hidden(), dimension,
            moments[0], moments[1]);
        AudioTower tower = AudioTower.initialised(shape, manager, settings.seed());
        progress.accept(String.format(Locale.ROOT, "tower: %s, %d parameters; %d training pairs, %d held out; %s",
            shape.describe(), tower.size(), train.size(), heldOut.size(), settings));
        List<Double> losses = new ArrayList<>();
        List<String> recalls = new ArrayList<>();
        RetrievalRecall recall = null;
        try (TowerTrainer trainer = new TowerTrainer(tower, settings, manager)) {
            int steps = train.size() / settings.batchSize();
            long total = (long) steps * settings.epochs();
            SplittableRandom order = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
            long t0 = System.nanoTime();
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                int[] permutation = shuffled(order, train.size());
                double sum = 0;
                for (int s = 0; s < steps; s++) {
                    float[][] texts = new float[settings.batchSize()][];
                    float[] batch = new float[settings.batchSize() * shape.frames() * shape.mels()];
                    for (int i = 0; i < settings.batchSize(); i++) {
                        int k = permutation[s * settings.batchSize() + i];
                        System.arraycopy(train.features().get(k), 0, batch, i * shape.frames() * shape.mels(), shape.frames() * shape.mels());
                        texts[i] = train.texts()[k];
                    }
                    long step = (long) (epoch - 1) * steps + s;
                    sum += trainer.step(batch, texts, settings.learningRateAt(step, total));
                }
                double loss = sum / steps;
                losses.add(loss);
                String line = String.format(Locale.ROOT, "epoch %d/%d: loss %.4f (ln B = %.2f), tau %.1f, %.0f s", epoch, settings.epochs(), loss,
                    Math.log(settings.batchSize()), trainer.temperatureScale(), (System.nanoTime() - t0) / 1e9);
                if (heldOut.size() >= 2 && (epoch % 5 == 0 || epoch == settings.epochs())) {
                    recall = RetrievalRecall.measure(trainer.embed(heldOut.features(), 64), heldOut.texts(), Math.min(100, heldOut.size()), 20, 1);
                    recalls.add("{\"epoch\": " + epoch + ", \"recall\": " + json(recall) + "}");
                    line += "; held out: " + recall.describe();
                }
                progress.accept(line);
            }
        }
        String provenance = provenance(corpus, clips.size(), train.size(), heldOut.size(), textEncoderId, settings, shape, losses, recalls);
        AtomicFiles.write(out.resolve(MODEL), AudioTowerExport.onnx(tower, "built-in CLAP-style audio tower trained by dragon clap-train; " + provenance));
        AtomicFiles.write(out.resolve(DESCRIPTOR), AudioTowerExport.descriptor(tower, config.sampleRate()));
        double difference = exportDifference(out, tower, heldOut.size() > 0 ? heldOut : train);
        progress.accept(String.format(Locale.ROOT, "export: ONNX Runtime vs DJL on up to 32 clips, max |difference| %.2e", difference));
        if (!(difference <= EXPORT_TOLERANCE)) {
            throw new IllegalStateException("the ONNX export differs from the trained tower by " + difference + " (> " + EXPORT_TOLERANCE + ")");
        }
        AtomicFiles.write(out.resolve(PROVENANCE), provenance.substring(0, provenance.length() - 1)
            + String.format(Locale.ROOT, ", \"export_max_abs_difference\": %.3e}", difference) + "\n");
        return new Result(tower, heldOut, recall, losses.get(losses.size() - 1));
    }

    /**
     * Runs the written model in ONNX Runtime, through the general encoder's loader (so the descriptor checks apply),
     * and compares its raw output with the tower's on up to 32 clips.
     */
    static double exportDifference(Path folder, AudioTower tower, PairedFeatures pairs) throws IOException {
        ModelDescriptor descriptor = ModelDescriptor.load(folder.resolve(DESCRIPTOR));
        int count = Math.min(32, pairs.size());
        TowerShape s = tower.shape();
        int size = s.frames() * s.mels();
        float[] input = new float[count * size];
        for (int i = 0; i < count; i++) System.arraycopy(pairs.features().get(i), 0, input, i * size, size);
        float[] expected;
        try (NDManager pass = tower.parameters().values().iterator().next().getManager().newSubManager()) {
            expected = tower.forward(pass.create(FloatBuffer.wrap(input), new Shape(count, 1, s.frames(), s.mels()))).toFloatArray();
        }
        try (OnnxModel model = OnnxModel.load(folder.resolve(MODEL), descriptor, SessionSettings.defaults())) {
            float[] actual = model.run(Map.of(AudioTowerExport.INPUT, input), Map.of(), Map.of(AudioTowerExport.INPUT, new long[] {count, 1, s.frames(), s.mels()})).values();
            double max = 0;
            for (int i = 0; i < expected.length; i++) max = Math.max(max, Math.abs(expected[i] - actual[i]));
            return actual.length == expected.length ? max : Double.NaN;
        } catch (OrtException e) {
            throw new IOException(folder.resolve(MODEL) + ": ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    private static int[] shuffled(SplittableRandom random, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = p[i];
            p[i] = p[j];
            p[j] = swap;
        }
        return p;
    }

    private static String provenance(Path corpus, int clips, int train, int heldOut, String textEncoder, TrainingSettings s, TowerShape shape,
                                     List<Double> losses, List<String> recalls) {
        StringBuilder lossList = new StringBuilder();
        for (double l : losses) lossList.append(lossList.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", l));
        return "{\"corpus\": \"" + escape(corpus.toAbsolutePath().normalize().getFileName().toString()) + "\", \"corpus_sha256sums\": \""
            + corpusChecksum(corpus) + "\", \"clips\": " + clips + ", \"train\": " + train
            + ", \"heldout\": " + heldOut + ", \"text_encoder\": \"" + escape(textEncoder) + "\", \"seed\": " + s.seed() + ", \"epochs\": " + s.epochs()
            + ", \"batch_size\": " + s.batchSize() + ", \"learning_rate\": " + s.learningRate() + ", \"weight_decay\": " + s.weightDecay()
            + ", \"crop_seed\": " + CROP_SEED + ", \"shape\": \"" + shape.describe() + "\", \"epoch_losses\": [" + lossList + "], \"heldout_recall\": ["
            + String.join(", ", recalls) + "]}";
    }

    /** The SHA-256 of the corpus's SHA256SUMS file (which lists every file's hash), or "none" when it has none. */
    private static String corpusChecksum(Path corpus) {
        Path sums = corpus.resolve("SHA256SUMS");
        try {
            return java.nio.file.Files.isRegularFile(sums)
                ? java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(sums)))
                : "none";
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }

    private static String json(RetrievalRecall r) {
        return String.format(Locale.ROOT, "{\"caption_to_clip_r1\": %.4f, \"caption_to_clip_r5\": %.4f, \"clip_to_caption_r1\": %.4f, "
            + "\"clip_to_caption_r5\": %.4f, \"candidates\": %d, \"rounds\": %d}", r.captionToClipAt1(), r.captionToClipAt5(),
            r.clipToCaptionAt1(), r.clipToCaptionAt5(), r.candidates(), r.rounds());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
