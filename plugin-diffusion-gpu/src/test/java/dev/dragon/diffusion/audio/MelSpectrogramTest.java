package dev.dragon.diffusion.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.dragon.diffusion.testing.Fixtures;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The log-mel front end against numpy (make_audio_fixtures.py) and the Griffin-Lim vocoder's round trip. */
class MelSpectrogramTest {

    private static final MelSettings S = MelSettings.BUILT_IN;
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** The fixture's signal: two sines and a chirp (the same formula as the Python script). */
    static float[] signal() {
        float[] x = new float[S.clipSamples()];
        for (int n = 0; n < x.length; n++) {
            double t = n / (double) S.sampleRate();
            x[n] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * t) + 0.25 * Math.sin(2 * Math.PI * 3000 * t)
                + 0.1 * Math.sin(2 * Math.PI * (200 * t + 400 * t * t)));
        }
        return x;
    }

    @Test
    void logMelEqualsNumpyWithinFloat32Precision() throws IOException {
        double[] expected = Fixtures.load("/dev/dragon/diffusion/audio/mel-fixtures.txt").values("logmel_every10");
        float[] actual = new MelSpectrogram(S).normalisedLogMel(manager, new float[][] {signal()}).toFloatArray();
        double worst = 0;
        for (int f = 0, k = 0; f < S.frames(); f += 10) {
            for (int m = 0; m < S.melBands(); m++, k++) {
                worst = Math.max(worst, Math.abs(actual[f * S.melBands() + m] - expected[k]));
            }
        }
        // 1e-3 normalised units = 0.03 dB: float32 FFT versus numpy's float64
        assertTrue(worst < 1e-3, "max |Java - numpy| = " + worst);
    }

    @Test
    void griffinLimResynthesisHasTheSameLogMelAndNeverClips() {
        MelSpectrogram mel = new MelSpectrogram(S);
        float[] quiet = signal();
        for (int i = 0; i < quiet.length; i++) quiet[i] *= 0.3f; // below the limiter: the level must come back too
        NDArray original = mel.normalisedLogMel(manager, new float[][] {quiet});
        float[][] audio = new GriffinLimVocoder(mel, 32).vocode(original);
        assertEquals(S.clipSamples(), audio[0].length);
        float peak = 0;
        for (float v : audio[0]) peak = Math.max(peak, Math.abs(v));
        assertTrue(peak <= GriffinLimVocoder.PEAK_LIMIT + 1e-6, "peak " + peak);
        assertTrue(peak > 0.05, "not silent: peak " + peak);
        double e0 = 0, e1 = 0;
        for (int i = 0; i < quiet.length; i++) { e0 += quiet[i] * quiet[i]; e1 += audio[0][i] * audio[0][i]; }
        double rmsRatio = Math.sqrt(e1 / e0);
        assertEquals(1.0, rmsRatio, 0.05, "the level comes back");
        float[] again = mel.normalisedLogMel(manager, audio).toFloatArray();
        float[] reference = original.toFloatArray();
        // over the cells that carry the sound (≥ -30 dB): the floor cells only measure Griffin-Lim's leakage
        double meanError = 0;
        int cells = 0;
        for (int i = 0; i < again.length; i++) {
            if (reference[i] < -1) continue;
            meanError += Math.abs(again[i] - reference[i]);
            cells++;
        }
        meanError /= cells;
        // normalised units (×30 dB). Measured 0.26 (7.7 dB): pure sines are the worst case for a mel inversion (the
        // energy is right, rms ratio 1.00, but part of it lands in the quieter cells beside each peak)
        System.out.printf("[vocoder] rms ratio %.4f, re-analysed log-mel mean error %.4f (%.2f dB) over %d cells, peak %.3f%n",
            rmsRatio, meanError, 30 * meanError, cells, peak);
        assertTrue(meanError < 0.3, "mean |log-mel difference| = " + meanError + " (x30 dB)");
    }

    @Test
    void vocodingIsDeterministic() {
        MelSpectrogram mel = new MelSpectrogram(S);
        NDArray frames = mel.normalisedLogMel(manager, new float[][] {signal()});
        GriffinLimVocoder vocoder = new GriffinLimVocoder(mel, 4);
        assertArrayEquals(vocoder.vocode(frames)[0], vocoder.vocode(frames)[0]);
    }
}
