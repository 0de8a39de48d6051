package dev.dragon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Known signals through the resampler: sines in the pass band come out exact, above the new Nyquist they vanish. */
class ResamplerTest {

    private static float[] sine(double hz, int rate, int n, double amplitude) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        return x;
    }

    /** Largest error against the ideal sine away from the edges (where the filter sees zero padding). */
    private static double maxErrorInside(float[] y, double hz, int rate, double amplitude) {
        int margin = rate / 50;
        double worst = 0;
        for (int k = margin; k < y.length - margin; k++) {
            double ideal = amplitude * Math.sin(2 * Math.PI * hz * k / rate);
            worst = Math.max(worst, Math.abs(y[k] - ideal));
        }
        return worst;
    }

    private static double rmsInside(float[] y, int rate) {
        int margin = rate / 50;
        double sum = 0;
        for (int k = margin; k < y.length - margin; k++) sum += y[k] * (double) y[k];
        return Math.sqrt(sum / (y.length - 2 * margin));
    }

    @ParameterizedTest(name = "{0} Hz: {1} -> {2}")
    @CsvSource({
        "1000, 44100, 16000",   // CLAP-style down-sampling of CD audio
        "6000, 44100, 16000",   // 75 % of the new Nyquist: still in the flat pass band
        "3000, 16000, 48000",   // up-sampling
        "440, 22050, 44100",    // integer ratio
        "1000, 44101, 48000",   // a ratio with too many phases to tabulate (direct evaluation path)
    })
    void passBandSinesComeOutExact(double hz, int from, int to) {
        float[] x = sine(hz, from, from / 2, 0.5);
        float[] y = new Resampler(from, to).process(x);
        assertEquals(Math.round(x.length * (double) to / from), y.length);
        double error = maxErrorInside(y, hz, to, 0.5);
        assertTrue(error < 5e-4, "max error " + error + " (amplitude 0.5)");
    }

    @ParameterizedTest(name = "{0} Hz: {1} -> {2}")
    @CsvSource({
        "12000, 44100, 16000",  // would alias to 4 kHz
        "8600, 44100, 16000",   // just above the new Nyquist: would alias to 7.4 kHz
        "20000, 48000, 22050",
    })
    void stopBandSinesAreRemovedNotAliased(double hz, int from, int to) {
        float[] y = new Resampler(from, to).process(sine(hz, from, from / 2, 1.0));
        double rms = rmsInside(y, to);
        double db = 20 * Math.log10(rms / Math.sqrt(0.5));
        assertTrue(db < -80, "residual " + db + " dB relative to the input");
    }

    @Test
    void constantSignalKeepsUnitGain() {
        float[] ones = new float[8000];
        java.util.Arrays.fill(ones, 1f);
        float[] y = new Resampler(8000, 11025).process(ones);
        double worst = 0;
        for (int k = 200; k < y.length - 200; k++) worst = Math.max(worst, Math.abs(y[k] - 1));
        assertTrue(worst < 1e-6, "DC error " + worst);
    }

    @Test
    void sameRateReturnsTheClipAndChannelsStaySeparate() {
        AudioClip clip = new AudioClip(16000, new float[][] {sine(500, 16000, 1600, 0.5), new float[1600]});
        assertSame(clip, Resampler.resample(clip, 16000));
        AudioClip up = Resampler.resample(clip, 32000);
        assertEquals(2, up.channelCount());
        assertEquals(3200, up.frames());
        assertEquals(0.0, rmsInside(up.channel(1), 32000), 0.0, "a silent channel stays silent");
    }

    @Test
    void downmixAveragesChannels() {
        AudioClip clip = new AudioClip(8000, new float[][] {{1f, 0.5f, -1f}, {0f, 0.5f, 1f}});
        AudioClip mono = clip.downmix();
        assertEquals(1, mono.channelCount());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.5f, 0.5f, 0f}, mono.channel(0));
        assertSame(mono, mono.downmix());
    }
}
