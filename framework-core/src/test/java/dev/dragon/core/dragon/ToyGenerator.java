package dev.dragon.core.dragon;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Generator;
import dev.dragon.api.Latent;
import dev.dragon.api.LossSettings;
import dev.dragon.api.PreferenceBatch;
import dev.dragon.api.SamplingRequest;
import dev.dragon.api.TrainingStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A test generator whose whole "model" is a learnable mean vector: a sample is the mean plus seeded Gaussian noise
 * (as audio and as latent); an update moves the mean toward D+'s average and away from D−'s. Not DPO — just enough
 * to show that the loop's preferences point the right way and that checkpoints restore the state exactly.
 */
public final class ToyGenerator implements Generator {

    public static final int DIMENSION = 8;
    static final int RATE = 8000;
    /** Audio length: half a second, long enough for a browser's audio element to load and play. */
    static final int FRAMES = 4000;

    private double[] mean = new double[DIMENSION];
    final List<PreferenceBatch> batches = new ArrayList<>();
    int sampleCalls;
    /** Throws from the sampleCalls-th call (1-based) when positive: a crash in the middle of an iteration. */
    int crashAtSampleCall;

    @Override
    public String id() {
        return "toy";
    }

    @Override
    public String fingerprint() {
        return "toy-1";
    }

    /** @return the model's current mean vector */
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public List<Generation> sample(SamplingRequest request) {
        sampleCalls++;
        if (crashAtSampleCall > 0 && sampleCalls == crashAtSampleCall) throw new IllegalStateException("simulated crash");
        List<Generation> out = new ArrayList<>();
        for (int i = 0; i < request.prompts().size(); i++) {
            SplittableRandom random = new SplittableRandom(request.seeds().get(i));
            float[] x = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) x[d] = (float) (mean[d] + gaussian(random));
            out.add(new Generation(request.prompts().get(i), request.seeds().get(i), AudioClip.mono(RATE, render(x)),
                new Latent(new int[] {DIMENSION}, x.clone()), id()));
        }
        return out;
    }

    /** A tone whose pitch and level follow the sample's vector: something audible to put in a report. */
    private static float[] render(float[] x) {
        float[] audio = new float[FRAMES];
        double pitch = 220 * Math.pow(2, Math.tanh(x[0]) / 2);
        double level = 0.1 + 0.05 * Math.tanh(x[1]);
        for (int i = 0; i < FRAMES; i++) audio[i] = (float) (level * Math.sin(2 * Math.PI * pitch * i / RATE));
        return audio;
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    @Override
    public TrainingStatistics train(PreferenceBatch batch, LossSettings loss) {
        batches.add(batch);
        double[] step = step(batch);
        for (int d = 0; d < DIMENSION; d++) mean[d] += loss.learningRate() * step[d];
        double norm = stepNorm(batch);
        return new TrainingStatistics(-norm, norm, norm, batch.size());
    }

    /** The update direction: mean of D+ minus mean of D−. */
    private static double[] step(PreferenceBatch batch) {
        double[] step = new double[DIMENSION];
        add(step, batch.positives(), 1.0 / Math.max(1, batch.positives().size()));
        add(step, batch.negatives(), -1.0 / Math.max(1, batch.negatives().size()));
        return step;
    }

    /** @return the length of the update direction of a batch (what {@link #train} reports) */
    double stepNorm(PreferenceBatch batch) {
        double norm = 0;
        for (double v : step(batch)) norm += v * v;
        return Math.sqrt(norm);
    }

    private static void add(double[] acc, List<Generation> gens, double w) {
        for (Generation g : gens) {
            for (int d = 0; d < DIMENSION; d++) acc[d] += w * g.latent().values()[d];
        }
    }

    @Override
    public void checkpoint(Path directory) throws IOException {
        Files.createDirectories(directory);
        StringBuilder s = new StringBuilder();
        for (double m : mean) s.append(Double.toString(m)).append('\n');
        Files.writeString(directory.resolve("mean.txt"), s);
    }

    @Override
    public void restore(Path directory) throws IOException {
        List<String> lines = Files.readAllLines(directory.resolve("mean.txt"));
        mean = lines.stream().mapToDouble(Double::parseDouble).toArray();
        if (mean.length != DIMENSION) throw new IOException(directory + ": wrong dimension");
    }

    @Override
    public Encoder latentEncoder() {
        throw new UnsupportedOperationException("not needed by the loop tests");
    }

    @Override
    public String toString() {
        return "ToyGenerator" + Arrays.toString(mean);
    }
}
