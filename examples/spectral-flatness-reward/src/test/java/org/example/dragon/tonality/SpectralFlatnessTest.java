package org.example.dragon.tonality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpectralFlatnessTest {

    /** One row of reference-flatness.csv (numpy, src/test/python/reference_flatness.py). */
    record Reference(String signal, int frameSize, int hop, double silenceDb, double meanFlatness) {
        @Override
        public String toString() {
            return signal + " frame " + frameSize + " hop " + hop;
        }
    }

    static List<Reference> references() throws IOException {
        try (InputStream in = SpectralFlatnessTest.class.getResourceAsStream("/reference-flatness.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(line -> {
                String[] f = line.split(",");
                return new Reference(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]));
            }).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("references")
    void meanFlatnessMatchesNumpy(Reference r) {
        double actual = new SpectralFlatness(r.frameSize(), r.hop(), r.silenceDb()).meanFlatness(TestSignals.named(r.signal()));
        // relative 1e-6: the FFTs differ in summation order; the tonal cases sit near the 1e-10 power floor
        assertEquals(r.meanFlatness(), actual, 1e-6 * r.meanFlatness(), r.toString());
    }

    @Test
    void fftMatchesTheDefinition() {
        int n = 64;
        double[] re = new double[n];
        double[] im = new double[n];
        double[] x = TestSignals.lcgNoise(n, 5);
        System.arraycopy(x, 0, re, 0, n);
        Fft.transform(re, im);
        for (int k = 0; k < n; k++) {
            double sr = 0, si = 0;
            for (int t = 0; t < n; t++) {
                sr += x[t] * Math.cos(-2 * Math.PI * k * t / n);
                si += x[t] * Math.sin(-2 * Math.PI * k * t / n);
            }
            assertEquals(sr, re[k], 1e-12, "re " + k);
            assertEquals(si, im[k], 1e-12, "im " + k);
        }
    }

    @Test
    void silenceHasNoFlatness() {
        assertTrue(Double.isNaN(new SpectralFlatness(1024, 512, -60).meanFlatness(new float[16000])));
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SpectralFlatness(1000, 512, -60)).getMessage().startsWith("frameSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SpectralFlatness(1024, 0, -60)).getMessage().startsWith("hop"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SpectralFlatness(1024, 1, Double.NaN)).getMessage().startsWith("silenceDb"));
    }

    @Test
    void nonFiniteSamplesAreRefused() {
        float[] x = TestSignals.sine(4096, 440, 0.5);
        x[100] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> new SpectralFlatness(1024, 512, -60).meanFlatness(x));
    }
}
