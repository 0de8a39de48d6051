package dev.dragon.clap.tower;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * Trains an {@link AudioTower} with {@link ContrastiveLoss symmetric InfoNCE} against frozen text embeddings, with
 * a learnable inverse temperature (log τ starts at ln(1/0.07), as in CLIP), AdamW (weight decay on the weights
 * only) and the settings' cosine learning-rate schedule.
 */
public final class TowerTrainer implements AutoCloseable {

    /** Initial log inverse temperature, ln(1/0.07). */
    public static final float INITIAL_LOG_SCALE = (float) Math.log(1 / 0.07);

    private final AudioTower tower;
    private final TrainingSettings settings;
    private final NDManager manager;
    private final NDArray logScale;
    private final Optimizer weights;
    private final Optimizer unregularised;
    private volatile double learningRate;

    /**
     * @param tower    the tower to train (its arrays record gradients)
     * @param settings learning rate, weight decay …
     * @param parent   where the temperature and the optimizer state live (a sub-manager, closed with the trainer)
     */
    public TowerTrainer(AudioTower tower, TrainingSettings settings, NDManager parent) {
        this.tower = tower;
        this.settings = settings;
        this.manager = parent.newSubManager();
        this.logScale = manager.create(new float[] {INITIAL_LOG_SCALE}, new Shape(1));
        logScale.setName("log_scale");
        logScale.setRequiresGradient(true);
        this.learningRate = settings.learningRate();
        // read on every update: the schedule sets the rate per step without losing Adam's state
        Tracker currentRate = updateCount -> (float) learningRate;
        weights = Optimizer.adamW().optLearningRateTracker(currentRate)
            .optWeightDecays((float) settings.weightDecay()).build();
        unregularised = Optimizer.adamW().optLearningRateTracker(currentRate).optWeightDecays(0f).build();
    }

    /**
     * One step: loss on the batch, its gradient, one AdamW update of the tower and the temperature.
     *
     * @param features     [B, 1, frames, mels] CLAP features, row-major, B = {@code texts.length}
     * @param texts        B normalised text embeddings of the tower's dimension
     * @param learningRate the rate for this step
     * @return the loss before the update
     */
    public double step(float[] features, float[][] texts, double learningRate) {
        this.learningRate = learningRate;
        try (NDManager step = manager.newSubManager()) {
            NDArray audio = batch(step, features, texts.length);
            NDArray text = step.create(flatten(texts), new Shape(texts.length, texts[0].length));
            double loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = ContrastiveLoss.symmetricInfoNce(tower.forward(audio), text, logScale);
                collector.backward(value);
                loss = value.toType(DataType.FLOAT64, false).toDoubleArray()[0];
            }
            for (Map.Entry<String, NDArray> p : tower.parameters().entrySet()) {
                Optimizer optimizer = p.getKey().endsWith(".weight") ? weights : unregularised;
                update(optimizer, p.getKey(), p.getValue());
            }
            update(unregularised, "log_scale", logScale);
            return loss;
        }
    }

    /**
     * The loss on a batch without training (no gradient, no update).
     *
     * @param features [B, 1, frames, mels], row-major
     * @param texts    B normalised text embeddings
     * @return the loss
     */
    public double loss(float[] features, float[][] texts) {
        try (NDManager step = manager.newSubManager()) {
            NDArray audio = batch(step, features, texts.length);
            NDArray text = step.create(flatten(texts), new Shape(texts.length, texts[0].length));
            return ContrastiveLoss.symmetricInfoNce(tower.forward(audio), text, logScale.stopGradient())
                .toType(DataType.FLOAT64, false).toDoubleArray()[0];
        }
    }

    private void update(Optimizer optimizer, String id, NDArray parameter) {
        NDArray gradient = parameter.getGradient();
        optimizer.update(id, parameter, gradient);
        // PyTorch accumulates gradients: clear them for the next step
        gradient.subi(gradient);
    }

    private NDArray batch(NDManager step, float[] features, int count) {
        TowerShape s = tower.shape();
        long expected = (long) count * s.frames() * s.mels();
        if (features.length != expected) throw new IllegalArgumentException("expected " + expected + " feature values for " + count + " clips, got " + features.length);
        return step.create(FloatBuffer.wrap(features), new Shape(count, 1, s.frames(), s.mels()));
    }

    private static float[] flatten(float[][] rows) {
        int d = rows[0].length;
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * d, d);
        return flat;
    }

    /** @return τ, the current inverse temperature (capped as the loss caps it) */
    public double temperatureScale() {
        return Math.exp(Math.min(ContrastiveLoss.MAX_LOG_SCALE, logScale.toType(DataType.FLOAT64, false).toDoubleArray()[0]));
    }

    /** @return the settings */
    public TrainingSettings settings() {
        return settings;
    }

    /**
     * Embeds clips with the tower in evaluation mode, in batches.
     *
     * @param features one feature array per clip
     * @param batch    clips per forward pass
     * @return one row per clip, L2-normalised
     */
    public float[][] embed(List<float[]> features, int batch) {
        return TowerEmbeddings.embed(tower, manager, features, batch);
    }

    @Override
    public void close() {
        manager.close();
    }
}
