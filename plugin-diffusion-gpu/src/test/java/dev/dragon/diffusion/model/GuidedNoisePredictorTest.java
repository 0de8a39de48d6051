package dev.dragon.diffusion.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.dragon.diffusion.sampling.DdimSampler;
import dev.dragon.diffusion.sampling.NoiseSchedule;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Classifier-free guidance arithmetic, and seeded DDIM sampling through the real denoiser. */
class GuidedNoisePredictorTest {

    private NDManager manager;
    private LatentDenoiser denoiser;
    private NDArray conditions;
    private NDArray noisy;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(9);
        denoiser = new LatentDenoiser(LatentDenoiserTest.TINY);
        denoiser.initialize(manager, DataType.FLOAT32);
        conditions = DdimSampler.gaussianNoise(manager, new long[] {1, 2}, new Shape(6), DataType.FLOAT32);
        noisy = DdimSampler.gaussianNoise(manager, new long[] {3, 4}, new Shape(8, 4), DataType.FLOAT32);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void guidanceInterpolatesAndExtrapolatesBetweenUnconditionalAndConditional() {
        NDArray t = manager.create(new float[] {250, 250});
        float[] conditional = denoiser.predictNoise(noisy, t, conditions, false).toFloatArray();
        float[] unconditional = denoiser.predictNoise(noisy, t, conditions.zerosLike(), false).toFloatArray();
        float[] none = new GuidedNoisePredictor(denoiser, conditions, 0).predict(noisy, 250).toFloatArray();
        float[] plain = new GuidedNoisePredictor(denoiser, conditions, 1).predict(noisy, 250).toFloatArray();
        float[] strong = new GuidedNoisePredictor(denoiser, conditions, 3).predict(noisy, 250).toFloatArray();
        assertArrayEquals(conditional, plain);
        for (int i = 0; i < conditional.length; i++) {
            assertEquals(unconditional[i], none[i], 1e-5f);
            assertEquals(unconditional[i] + 3 * (conditional[i] - unconditional[i]), strong[i], 1e-4f);
        }
    }

    @Test
    void samplingWithTheDenoiserIsReproducibleFromSeeds() {
        DdimSampler sampler = new DdimSampler(NoiseSchedule.cosine(1000));
        GuidedNoisePredictor predictor = new GuidedNoisePredictor(denoiser, conditions, 2.5);
        float[] first = sampler.sample(predictor, start(5, 6), 6).toFloatArray();
        float[] again = sampler.sample(predictor, start(5, 6), 6).toFloatArray();
        float[] otherSeeds = sampler.sample(predictor, start(5, 7), 6).toFloatArray();
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, otherSeeds));
    }

    private NDArray start(long... seeds) {
        return DdimSampler.gaussianNoise(manager, seeds, new Shape(8, 4), DataType.FLOAT32);
    }
}
