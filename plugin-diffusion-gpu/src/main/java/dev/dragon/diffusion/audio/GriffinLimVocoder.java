package dev.dragon.diffusion.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Normalised log-mel frames back to a waveform: band power is spread over STFT bins ({@link MelSpectrogram}), then
 * Griffin–Lim alternates between imposing those magnitudes and taking the phase of the re-analysed signal. The
 * initial phase comes from a fixed seed, so the same frames always give the same audio.
 */
public final class GriffinLimVocoder {

    /** Output peaks are scaled down to this level when louder: a generated clip never clips. */
    static final float PEAK_LIMIT = 0.95f;
    private static final long PHASE_SEED = 0x5EEDL;

    private final MelSpectrogram mel;
    private final int iterations;

    /**
     * @param mel the front end whose frames are inverted
     * @param iterations Griffin–Lim iterations (32 is plenty for smooth spectrograms)
     */
    public GriffinLimVocoder(MelSpectrogram mel, int iterations) {
        if (iterations < 1) throw new IllegalArgumentException("Griffin-Lim needs at least one iteration, got " + iterations);
        this.mel = mel;
        this.iterations = iterations;
    }

    /** Iterations per clip. */
    public int iterations() {
        return iterations;
    }

    /** Waveforms (mono, the settings' rate and clip length) for normalised log-mel frames [B, frames, bands]. */
    public float[][] vocode(NDArray normalised) {
        MelSettings s = mel.settings();
        int batch = Math.toIntExact(normalised.getShape().get(0));
        try (NDManager scratch = normalised.getManager().newSubManager()) {
            NDArray input = normalised.duplicate();
            input.attach(scratch);
            NDArray magnitude = mel.binMagnitudes(input);
            NDArray phase = initialPhase(scratch, batch, s).complex();
            float[][] clips = null;
            for (int i = 0; i < iterations; i++) {
                // one sub-manager per iteration: only the next phase survives it (16 MB a batch, not 16 MB an iteration)
                try (NDManager step = scratch.newSubManager()) {
                    NDArray frames = phase.mul(magnitude).irfft(s.fftSize(), -1);
                    frames.attach(step);
                    clips = mel.overlapAdd(frames.toFloatArray(), batch);
                    if (i + 1 < iterations) {
                        NDArray spectrum = mel.complexSpectrum(step, mel.frame(clips), batch);
                        NDArray next = spectrum.div(spectrum.abs().maximum(1e-8f));
                        next.attach(scratch);
                        phase.close();
                        phase = next;
                    }
                }
            }
            for (float[] clip : clips) limitPeak(clip);
            return clips;
        }
    }

    /** Unit phasors [B, frames, bins, 2] at uniformly random angles from a fixed seed. */
    private static NDArray initialPhase(NDManager manager, int batch, MelSettings s) {
        Random random = new Random(PHASE_SEED);
        int count = batch * s.frames() * s.bins();
        float[] values = new float[2 * count];
        for (int i = 0; i < count; i++) {
            double angle = 2 * Math.PI * random.nextDouble();
            values[2 * i] = (float) Math.cos(angle);
            values[2 * i + 1] = (float) Math.sin(angle);
        }
        return manager.create(values, new Shape(batch, s.frames(), s.bins(), 2));
    }

    private static void limitPeak(float[] clip) {
        float peak = 0;
        for (float v : clip) peak = Math.max(peak, Math.abs(v));
        if (peak <= PEAK_LIMIT) return;
        float scale = PEAK_LIMIT / peak;
        for (int i = 0; i < clip.length; i++) clip[i] *= scale;
    }
}
