package dev.dragon.diffusion.sampling;

import static dev.dragon.diffusion.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DDIM (η = 0): exact recovery with a perfect ε-oracle, seeded determinism, the visited timesteps. */
class DdimSamplerTest {

    private final NoiseSchedule schedule = NoiseSchedule.cosine(1000);
    private final DdimSampler sampler = new DdimSampler(schedule);
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 40, 1000})
    void perfectNoiseOracleRecoversTheCleanSample(int steps) {
        NDArray clean = DdimSampler.gaussianNoise(manager, new long[] {11, 12, 13}, new Shape(8, 4), DataType.FLOAT64);
        // the true ε of any x_t on the path to x₀: (x_t − √ᾱ_t·x₀) / √(1 − ᾱ_t)
        NoisePredictor oracle = (noisy, t) -> noisy.sub(clean.mul(Math.sqrt(schedule.alphaBar(t))))
            .div(Math.sqrt(1 - schedule.alphaBar(t)));
        NDArray start = DdimSampler.gaussianNoise(manager, new long[] {1, 2, 3}, new Shape(8, 4), DataType.FLOAT64);
        NDArray recovered = sampler.sample(oracle, start, steps);
        assertClose(clean.toDoubleArray(), recovered.toDoubleArray(), 1e-9, 1, "x₀ after " + steps + " steps");
    }

    @Test
    void sameSeedsGiveIdenticalSamples() {
        NoisePredictor predictor = (noisy, t) -> noisy.tanh().mul(0.5 + t / 2000.0);
        float[] first = sampler.sample(predictor, noise(new long[] {7, 8}), 12).toFloatArray();
        float[] second = sampler.sample(predictor, noise(new long[] {7, 8}), 12).toFloatArray();
        float[] otherSeed = sampler.sample(predictor, noise(new long[] {7, 9}), 12).toFloatArray();
        assertArrayEquals(first, second);
        assertArrayEquals(Arrays.copyOf(first, 24), Arrays.copyOf(otherSeed, 24), "sample 0 shares its seed");
        assertFalse(Arrays.equals(first, otherSeed));
    }

    @Test
    void timestepsRunEvenlyFromLastToFirst() {
        assertArrayEquals(new int[] {999}, sampler.timesteps(1));
        assertArrayEquals(new int[] {999, 0}, sampler.timesteps(2));
        assertArrayEquals(new int[] {999, 666, 333, 0}, sampler.timesteps(4));
        assertEquals(1000, Arrays.stream(sampler.timesteps(1000)).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> sampler.timesteps(0));
        assertThrows(IllegalArgumentException.class, () -> sampler.timesteps(1001));
    }

    private NDArray noise(long[] seeds) {
        return DdimSampler.gaussianNoise(manager, seeds, new Shape(6, 4), DataType.FLOAT32);
    }
}
