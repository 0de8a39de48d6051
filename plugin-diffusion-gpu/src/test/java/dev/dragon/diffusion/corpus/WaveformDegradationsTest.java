package dev.dragon.diffusion.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The waveform degradations do what they say, measured on test signals: noise at the set SNR, peaks capped at the
 * clean peak, pitch swinging by the set cents, energy above the low-pass cut-off removed.
 */
class WaveformDegradationsTest {

    private static final int RATE = 16_000;

    private static float[] sine(double hz, double amplitude, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        return x;
    }

    private static double power(float[] x, int from) {
        double s = 0;
        for (int i = from; i < x.length; i++) s += (double) x[i] * x[i];
        return s / (x.length - from);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void noiseSitsAtTheSetSignalToNoiseRatio(int severity) {
        double snr = Degradation.NOISE.parameter(severity);
        float[] x = sine(441, 0.5, 4 * RATE);
        float[] y = WaveformDegradations.addNoise(x, snr, new SplittableRandom(severity));
        float[] noise = new float[x.length];
        for (int i = 0; i < x.length; i++) noise[i] = y[i] - x[i];
        double measured = 10 * Math.log10(power(x, 0) / power(noise, 0));
        // 64 000 Gaussian samples estimate the noise power within ~0.6 % (1 sd): 0.1 dB is about 4 sd
        assertEquals(snr, measured, 0.1, "measured SNR");
        assertEquals(x.length, y.length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void clippingCapsPeaksAtTheCleanPeakAndFlattensWhatTheDrivePushesOver(int severity) {
        double drive = Math.pow(10, Degradation.CLIPPING.parameter(severity) / 20);
        float[] x = sine(440, 0.6, RATE);
        float peak = 0;
        for (float v : x) peak = Math.max(peak, Math.abs(v));
        float[] y = WaveformDegradations.hardClip(x, Degradation.CLIPPING.parameter(severity));
        int capped = 0;
        for (float v : y) {
            assertTrue(Math.abs(v) <= peak, "no sample above the clean peak");
            if (Math.abs(v) == peak) capped++;
        }
        // a sine of peak P driven by g sits at the cap where |sin| ≥ 1/g: a share 1 − (2/π)·asin(1/g) of the time
        double expected = 1 - 2 / Math.PI * Math.asin(1 / drive);
        assertEquals(expected, capped / (double) y.length, 0.01, "share of samples flattened at drive x" + drive);
        assertTrue(power(y, 0) > power(x, 0), "overdrive raises the level");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void wowSwingsThePitchByTheSetCentsWithoutChangingTheLength(int severity) {
        double cents = Degradation.DETUNING.parameter(severity);
        float[] x = sine(1000, 0.5, 4 * RATE);
        float[] y = WaveformDegradations.wow(x, RATE, cents);
        assertEquals(x.length, y.length);
        // instantaneous frequency from the intervals between interpolated rising zero crossings
        double previous = -1, highest = 0, lowest = Double.MAX_VALUE;
        for (int i = 1; i < y.length; i++) {
            if (y[i - 1] < 0 && y[i] >= 0) {
                double t = i - 1 + y[i - 1] / (double) (y[i - 1] - y[i]);
                if (previous >= 0) {
                    double hz = RATE / (t - previous);
                    highest = Math.max(highest, hz);
                    lowest = Math.min(lowest, hz);
                }
                previous = t;
            }
        }
        double ratio = Math.pow(2, cents / 1200);
        assertEquals(1000 * ratio, highest, 1.5, "fastest playback: +" + cents + " cents");
        assertEquals(1000 * (2 - ratio), lowest, 1.5, "slowest playback");
    }

    @org.junit.jupiter.api.Test
    void wowChangesPitchOnlyNotTheSpectrumLevel() {
        float[] x = sine(441, 0.5, RATE);
        assertTrue(java.util.Arrays.equals(x, WaveformDegradations.wow(x, RATE, 0)), "no wobble, no change");
        // high tones keep their level: the interpolator does not dull the highs (linear interpolation loses 3.6 dB at
        // 6 kHz, an 8-lobe Lanczos 2 dB at 7.5 kHz), which a spectral encoder would notice more than the wobble
        for (double hz : new double[] {6000, 7500}) {
            float[] high = sine(hz, 0.5, 2 * RATE);
            float[] wobbled = WaveformDegradations.wow(high, RATE, Degradation.DETUNING.parameter(1));
            assertEquals(0, 10 * Math.log10(power(wobbled, RATE / 10) / power(high, RATE / 10)), 0.1, "level change in dB at " + hz + " Hz");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void lowPassRemovesEnergyAboveTheCutOffAndKeepsItBelow(int severity) {
        double cutoff = Degradation.MUFFLING.parameter(severity);
        SplittableRandom random = new SplittableRandom(7);
        float[] noise = new float[4 * RATE];
        for (int i = 0; i < noise.length; i++) noise[i] = (float) (0.1 * random.nextGaussian());
        float[] y = WaveformDegradations.lowPass(noise, RATE, cutoff);
        double[] before = bandPower(noise), after = bandPower(y);
        double passBand = 0, passBandAfter = 0, stopBand = 0, stopBandAfter = 0;
        for (int k = 0; k < before.length; k++) {
            double hz = k * RATE / (2.0 * before.length);
            if (hz <= cutoff / 2) {
                passBand += before[k];
                passBandAfter += after[k];
            } else if (hz >= 2 * cutoff) {
                stopBand += before[k];
                stopBandAfter += after[k];
            }
        }
        assertEquals(0, 10 * Math.log10(passBandAfter / passBand), 0.2, "pass band kept (dB)");
        assertTrue(10 * Math.log10(stopBandAfter / stopBand) < -24, "an octave and more above the cut-off: at least 24 dB down, got "
            + 10 * Math.log10(stopBandAfter / stopBand));
        // a sine at the cut-off itself comes out 3 dB down (|H| = Q1·Q2 = 1/√2)
        float[] tone = WaveformDegradations.lowPass(sine(cutoff, 0.5, RATE), RATE, cutoff);
        assertEquals(1 / Math.sqrt(2), Math.sqrt(power(tone, RATE / 2) / 0.125), 0.005);
    }

    /** Power per DFT bin (0 … Nyquist), averaged over 512-sample frames. */
    private static double[] bandPower(float[] x) {
        int n = 512, bins = n / 2;
        double[] p = new double[bins];
        for (int start = 0; start + n <= x.length; start += n) {
            for (int k = 0; k < bins; k++) {
                double re = 0, im = 0;
                for (int i = 0; i < n; i++) {
                    double a = 2 * Math.PI * k * i / n;
                    re += x[start + i] * Math.cos(a);
                    im -= x[start + i] * Math.sin(a);
                }
                p[k] += re * re + im * im;
            }
        }
        return p;
    }
}
