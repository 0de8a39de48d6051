package dev.dragon.diffusion.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Audio to the model's normalised log-mel frames, and the inverse maps the vocoder needs. The FFTs run in the engine
 * (on the GPU when there is one); framing and windowing are plain Java, so the frames are exactly those described by
 * {@link MelSettings}.
 */
public final class MelSpectrogram {

    /** Multiplicative updates from the even spread toward bin powers that reproduce the band powers. */
    private static final int POWER_REFINEMENTS = 20;
    /** Band power ceiling for the vocoder: a full-scale sine gives about 48 dB with this window. */
    private static final double MAX_DB = 70;

    private final MelSettings settings;
    private final float[] window;
    private final float[] bank;
    private final float[] spread;

    public MelSpectrogram(MelSettings settings) {
        this.settings = settings;
        this.window = hann(settings.fftSize());
        this.bank = MelFilters.bank(settings);
        this.spread = MelFilters.spread(settings, bank);
    }

    /** The settings this front end implements. */
    public MelSettings settings() {
        return settings;
    }

    /**
     * Normalised log-mel frames [B, frames, bands] of a batch of mono clips at the settings' sample rate. Each clip is
     * cut or zero-padded to exactly one clip length first.
     */
    public NDArray normalisedLogMel(NDManager manager, float[][] clips) {
        // the spectra are large: compute on a scratch manager and keep only the result
        try (NDManager scratch = manager.newSubManager()) {
            NDArray power = complexSpectrum(scratch, frame(clips), clips.length).abs().square();
            NDArray bands = power.matMul(scratch.create(bank, new Shape(settings.bins(), settings.melBands())));
            NDArray result = toNormalised(bands);
            result.attach(manager);
            return result;
        }
    }

    /** Band power → normalised values: decibels, floored, then the affine map of the settings. */
    public NDArray toNormalised(NDArray bandPower) {
        NDArray db = bandPower.maximum(Math.pow(10, settings.floorDb() / 10)).log10().mul(10);
        return db.sub(settings.centerDb()).div(settings.scaleDb());
    }

    /**
     * Normalised values [B, frames, bands] → linear magnitude per STFT bin [B, frames, bins] (for the vocoder): the
     * band power spread evenly over each band, then refined by non-negative multiplicative updates toward bin powers
     * whose bands reproduce the given ones (a spread alone smears a narrow peak into the neighbouring bands).
     */
    NDArray binMagnitudes(NDArray normalised) {
        NDManager manager = normalised.getManager();
        // decoded values may stray: clamp to the floor and to a level no clip in range reaches (keeps float32 finite)
        NDArray db = normalised.mul(settings.scaleDb()).add(settings.centerDb()).clip(settings.floorDb(), MAX_DB);
        NDArray bands = db.div(10).toType(DataType.FLOAT32, false).mul(Math.log(10)).exp();
        NDArray toBands = manager.create(bank, new Shape(settings.bins(), settings.melBands()));
        NDArray toBins = toBands.transpose();
        NDArray power = bands.matMul(manager.create(spread, new Shape(settings.melBands(), settings.bins())));
        NDArray target = bands.matMul(toBins);
        for (int i = 0; i < POWER_REFINEMENTS; i++) {
            try (NDManager step = manager.newSubManager()) { // keep only the latest estimate
                NDArray projected = power.matMul(toBands);
                projected.attach(step); // what follows from it lands on the step's manager too
                NDArray current = projected.matMul(toBins).addi(1e-12f);
                NDArray next = power.mul(target).divi(current);
                power.close();
                power = next;
            }
        }
        return power.maximum(0).sqrt();
    }

    /** Windowed frames of a batch, [B × frames × fftSize] in row-major order; the clip is reflect-padded (centred frames). */
    float[] frame(float[][] clips) {
        int n = settings.fftSize();
        int frames = settings.frames();
        int half = n / 2;
        int length = settings.clipSamples();
        float[] out = new float[clips.length * frames * n];
        float[] padded = new float[length + n];
        for (int b = 0; b < clips.length; b++) {
            java.util.Arrays.fill(padded, 0f);
            System.arraycopy(clips[b], 0, padded, half, Math.min(length, clips[b].length));
            for (int j = 1; j <= half; j++) {
                padded[half - j] = padded[half + j];
                padded[half + length - 1 + j] = padded[half + length - 1 - j];
            }
            for (int f = 0; f < frames; f++) {
                int base = (b * frames + f) * n;
                int start = f * settings.hop();
                for (int i = 0; i < n; i++) out[base + i] = padded[start + i] * window[i];
            }
        }
        return out;
    }

    /**
     * Overlap-adds windowed inverse frames [B × frames × fftSize] into clips (window applied again, divided by the
     * summed squared window), the inverse of {@link #frame} for unmodified spectra.
     */
    float[][] overlapAdd(float[] frames, int batch) {
        int n = settings.fftSize();
        int count = settings.frames();
        int half = n / 2;
        int length = settings.clipSamples();
        float[] norm = new float[length + n];
        for (int f = 0; f < count; f++) {
            for (int i = 0; i < n; i++) norm[f * settings.hop() + i] += window[i] * window[i];
        }
        float[][] clips = new float[batch][length];
        float[] sum = new float[length + n];
        for (int b = 0; b < batch; b++) {
            java.util.Arrays.fill(sum, 0f);
            for (int f = 0; f < count; f++) {
                int base = (b * count + f) * n;
                int start = f * settings.hop();
                for (int i = 0; i < n; i++) sum[start + i] += frames[base + i] * window[i];
            }
            for (int s = 0; s < length; s++) {
                float w = norm[s + half];
                clips[b][s] = w > 1e-6f ? sum[s + half] / w : 0f;
            }
        }
        return clips;
    }

    /** The one-sided spectrum of windowed frames, complex [B, frames, bins]. */
    NDArray complexSpectrum(NDManager manager, float[] windowedFrames, int batch) {
        NDArray frames = manager.create(windowedFrames, new Shape(batch, settings.frames(), settings.fftSize()));
        return frames.rfft(settings.fftSize(), -1);
    }

    private static float[] hann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        return w;
    }
}
