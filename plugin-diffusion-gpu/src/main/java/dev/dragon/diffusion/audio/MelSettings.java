package dev.dragon.diffusion.audio;

/**
 * How audio becomes the model's log-mel frames and back: sample rate, STFT size and hop, mel bands, frames per
 * clip, and the affine map from decibels to the normalised values the autoencoder sees.
 *
 * <p>A clip is exactly {@code frames × hop} samples; frames are centred (the signal is reflect-padded by half a
 * window on each side) and the last centred frame is dropped, so a clip has exactly {@code frames} frames.
 *
 * @param sampleRate samples per second
 * @param fftSize STFT window and FFT length (periodic Hann window)
 * @param hop samples between frames
 * @param melBands triangular mel filters (HTK mel scale, 0 Hz to Nyquist, peak 1)
 * @param frames frames per clip
 * @param floorDb power floor in decibels (silence)
 * @param centerDb decibel value mapped to 0
 * @param scaleDb decibels per unit of the normalised value
 */
public record MelSettings(int sampleRate, int fftSize, int hop, int melBands, int frames, double floorDb,
                          double centerDb, double scaleDb) {

    /** The built-in model's front end: 16 kHz, 1024-point STFT, hop 256, 64 bands, 250 frames (4 s). */
    public static final MelSettings BUILT_IN = new MelSettings(16_000, 1024, 256, 64, 250, -60, 0, 30);

    public MelSettings {
        if (sampleRate < 1 || fftSize < 2 || hop < 1 || hop > fftSize || melBands < 1 || frames < 1 || !(scaleDb > 0)) {
            throw new IllegalArgumentException("invalid mel settings: " + this);
        }
        if (Integer.bitCount(fftSize) != 1) throw new IllegalArgumentException("FFT size must be a power of two: " + fftSize);
    }

    /** Samples in one clip. */
    public int clipSamples() {
        return frames * hop;
    }

    /** Frequency bins of the one-sided spectrum. */
    public int bins() {
        return fftSize / 2 + 1;
    }

    /** Seconds in one clip. */
    public double clipSeconds() {
        return clipSamples() / (double) sampleRate;
    }

    /** A one-line description, part of the model's fingerprint. */
    public String describe() {
        return "mel/1 rate=" + sampleRate + " fft=" + fftSize + " hop=" + hop + " bands=" + melBands + " frames=" + frames
            + " floor=" + floorDb + " center=" + centerDb + " scale=" + scaleDb;
    }
}
