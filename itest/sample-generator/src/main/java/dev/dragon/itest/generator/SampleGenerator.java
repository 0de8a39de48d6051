package dev.dragon.itest.generator;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A generator as small as a test can want: the "model" is a vector of four numbers; a sample is that vector plus
 * seeded Gaussian noise (the latent), rendered as a quarter-second tone whose level follows the first component;
 * an update moves the vector toward D+'s mean and away from D−'s. Deterministic, so a killed and resumed run can be
 * compared bit for bit with an uninterrupted one. Not a diffusion model.
 */
@Component(configurationPid = "dev.dragon.itest.sample.generator", property = Generator.ID + "=sample-generator")
@Designate(ocd = SampleGenerator.Config.class)
public class SampleGenerator implements Generator {

    /** The sample generator's configuration. */
    @ObjectClassDefinition(name = "Sample generator")
    public @interface Config {
        /** @return milliseconds each update takes (so that a test can kill a run in the middle) */
        long step_millis() default 0;
    }

    private static final int DIMENSION = 4;
    private static final int RATE = 8_000;
    private double[] mean = new double[DIMENSION];
    private long stepMillis;

    @Activate
    void activate(Config config) {
        stepMillis = config.step_millis();
    }

    @Override
    public String id() {
        return "sample-generator";
    }

    @Override
    public String fingerprint() {
        return "sample-generator-1";
    }

    @Override
    public synchronized List<Generation> sample(SamplingRequest request) {
        List<Generation> out = new ArrayList<>();
        for (int i = 0; i < request.prompts().size(); i++) {
            SplittableRandom random = new SplittableRandom(request.seeds().get(i));
            float[] x = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) x[d] = (float) (mean[d] + 2 * random.nextDouble() - 1);
            double level = 0.5 * (1 + Math.tanh(x[0])) * 0.5;
            float[] audio = new float[RATE / 4];
            for (int t = 0; t < audio.length; t++) audio[t] = (float) (level * Math.sin(2 * Math.PI * 330 * t / RATE));
            out.add(new Generation(request.prompts().get(i), request.seeds().get(i), AudioClip.mono(RATE, audio),
                new Latent(new int[] {DIMENSION}, x), id()));
        }
        return out;
    }

    @Override
    public synchronized TrainingStatistics train(PreferenceBatch batch, LossSettings loss) {
        double[] step = new double[DIMENSION];
        for (Generation g : batch.positives()) add(step, g, 1.0 / batch.positives().size());
        for (Generation g : batch.negatives()) add(step, g, -1.0 / batch.negatives().size());
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            mean[d] += loss.learningRate() * step[d];
            norm += step[d] * step[d];
        }
        if (stepMillis > 0) {
            try {
                Thread.sleep(stepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new TrainingStatistics(-Math.sqrt(norm), Math.sqrt(norm), Math.sqrt(norm), batch.size());
    }

    private static void add(double[] acc, Generation g, double w) {
        for (int d = 0; d < DIMENSION; d++) acc[d] += w * g.latent().values()[d];
    }

    @Override
    public synchronized void checkpoint(Path directory) throws IOException {
        Files.createDirectories(directory);
        StringBuilder text = new StringBuilder();
        for (double m : mean) text.append(Double.toString(m)).append('\n');
        Path tmp = directory.resolve("mean.txt.tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, directory.resolve("mean.txt"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public synchronized void restore(Path directory) throws IOException {
        List<String> lines = Files.readAllLines(directory.resolve("mean.txt"));
        if (lines.size() != DIMENSION) throw new IOException(directory.resolve("mean.txt") + ": expected " + DIMENSION + " numbers");
        double[] m = new double[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) m[d] = Double.parseDouble(lines.get(d));
        mean = m;
    }

    @Override
    public Encoder latentEncoder() {
        throw new UnsupportedOperationException("the sample generator has no latent encoder");
    }
}
