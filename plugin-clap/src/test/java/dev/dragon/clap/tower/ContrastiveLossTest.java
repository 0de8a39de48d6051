package dev.dragon.clap.tower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * Symmetric InfoNCE against numpy (src/test/python/make_infonce_reference.py, float64); tolerance 1e-5 relative to
 * float32 arithmetic.
 */
class ContrastiveLossTest {

    private static final float[] AUDIO = {1f, 2f, 0.5f, -1f, 0f, -1f, 2f, 1f, 3f, 0.5f, -0.5f, 0f};
    private static final float[] TEXT = {0.6f, 0.8f, 0f, 0f, 0f, 0f, 0.8f, 0.6f, 1f, 0f, 0f, 0f};

    private static double loss(double logScale) {
        try (NDManager m = PytorchEngine.get().newBaseManager()) {
            NDArray s = m.create(new float[] {(float) logScale}, new Shape(1));
            return ContrastiveLoss.symmetricInfoNce(m.create(AUDIO, new Shape(3, 4)), m.create(TEXT, new Shape(3, 4)), s).toFloatArray()[0];
        }
    }

    @Test
    void matchesNumpy() {
        assertEquals(0.6576904714977502, loss(0), 1e-5);
        assertEquals(0.042909672306925516, loss(Math.log(10)), 1e-6);
    }

    @Test
    void temperatureIsCappedAtOneHundred() {
        assertEquals(1.0064557549962807e-08, loss(Math.log(200)), 1e-7);
        assertEquals(loss(Math.log(100)), loss(Math.log(1000)), 1e-9);
    }
}
