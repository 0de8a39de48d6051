package dev.dragon.diffusion.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.dragon.diffusion.audio.MelSettings;
import dev.dragon.diffusion.model.AutoencoderConfig;
import dev.dragon.diffusion.model.DenoiserConfig;
import dev.dragon.diffusion.music.MusicModel;
import dev.dragon.diffusion.music.MusicModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pretraining on a toy corpus of sines: both phases learn, the latent gets its statistics, the seed decides all. */
class PretrainerTest {

    static final MelSettings MEL = new MelSettings(16_000, 256, 64, 16, 20, -60, 0, 30);
    static final AutoencoderConfig AUTOENCODER = new AutoencoderConfig(16, 20, 4, 32, 4);

    private static MusicModelSpec spec() {
        return new MusicModelSpec(MEL, AUTOENCODER, new DenoiserConfig(5, 4, 2, 16, 1, 2, 32), 100,
            new float[4], new float[] {1, 1, 1, 1}, "test-text", "test", MusicModelSpec.noProvenance());
    }

    /** 16 clips: sines at 8 pitches and 2 levels; the condition says low/high pitch and loud/soft. */
    private static float[][][] corpus() {
        float[][] clips = new float[16][MEL.clipSamples()];
        float[][] conditions = new float[16][];
        for (int i = 0; i < 16; i++) {
            double frequency = 200 * Math.pow(1.3, i % 8);
            double level = i < 8 ? 0.1 : 0.6;
            for (int n = 0; n < clips[i].length; n++) clips[i][n] = (float) (level * Math.sin(2 * Math.PI * frequency * n / MEL.sampleRate()));
            conditions[i] = new float[] {i % 8 < 4 ? -1 : 1, i < 8 ? -1 : 1};
        }
        return new float[][][] {clips, conditions};
    }

    private static double[] run(List<double[]> trace) {
        float[][][] data = corpus();
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager(); MusicModel model = MusicModel.initialise(spec(), manager, 2)) {
            PretrainSettings settings = new PretrainSettings(150, 150, 8, 3e-3, 0.1, 7);
            double[] losses = new Pretrainer(settings, (phase, done, total, loss) -> {
                if (done == 1 || done == total) trace.add(new double[] {phase.equals("autoencoder") ? 0 : 1, loss});
            }).train(model, data[0], data[1]);
            for (float s : model.spec().latentStd()) assertTrue(s > 0 && Float.isFinite(s), "latent std " + s);
            return losses;
        }
    }

    @Test
    void bothPhasesLearnAndTheSeedDecidesEverything() {
        List<double[]> trace = new ArrayList<>();
        double[] losses = run(trace);
        // trace: autoencoder first step, last step, denoiser first step, last step (running means)
        assertTrue(trace.get(1)[1] < 0.5 * trace.get(0)[1], "autoencoder loss " + trace.get(0)[1] + " -> " + trace.get(1)[1]);
        assertTrue(trace.get(3)[1] < trace.get(2)[1], "denoiser loss " + trace.get(2)[1] + " -> " + trace.get(3)[1]);
        assertArrayEquals(losses, run(new ArrayList<>()), "same seed, same losses");
    }
}
