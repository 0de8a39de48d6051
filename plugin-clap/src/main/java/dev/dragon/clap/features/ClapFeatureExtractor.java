package dev.dragon.clap.features;

import dev.dragon.clap.features.ClapFeatureConfig.Padding;
import dev.dragon.clap.features.ClapFeatureConfig.Truncation;

/**
 * CLAP's audio preprocessing, step for step as Hugging Face's {@code ClapFeatureExtractor} does it, with every
 * parameter from the model's preprocessor config and the random crops replaced by {@link SeededCrops}:
 * <ul>
 * <li>longer than the input length: "rand_trunc" crops the waveform once; "fusion" keeps the whole log-mel and
 *     builds four views (the mel shrunk in time to one chunk, then crops from its front, middle and back thirds),
 *     unless the whole mel has at most one chunk of frames, when it is repeated four times;</li>
 * <li>shorter: "repeatpad" tiles whole copies then zero-pads, "repeat" tiles one copy more and cuts, "pad"
 *     zero-pads; fusion then repeats the one mel four times.</li>
 * </ul>
 * Immutable; safe to share between threads.
 */
public final class ClapFeatureExtractor {

    private final ClapFeatureConfig config;
    private final LogMelSpectrogram spectrogram;

    /** @param config the model's preprocessing parameters */
    public ClapFeatureExtractor(ClapFeatureConfig config) {
        this.config = config;
        this.spectrogram = new LogMelSpectrogram(config.fftSize(), config.hopLength(), MelFilterBank.forConfig(config));
    }

    /** @return the parameters */
    public ClapFeatureConfig config() {
        return config;
    }

    /**
     * @param mono  a mono waveform at the config's sample rate
     * @param seed  seed of the crops; equal seeds give equal features
     * @return the features, {@code views × chunkFrames × mels}
     * @throws IllegalArgumentException for empty audio
     */
    public ClapFeatures extract(float[] mono, long seed) {
        if (mono.length == 0) throw new IllegalArgumentException("empty audio: CLAP needs at least one sample");
        int max = config.maxSamples();
        SeededCrops crops = new SeededCrops(seed);
        double[] x = toDouble(mono);
        if (x.length > max) {
            if (config.truncation() == Truncation.RAND_TRUNC) {
                int start = crops.below(x.length - max + 1);
                double[] crop = new double[max];
                System.arraycopy(x, start, crop, 0, max);
                return single(spectrogram.compute(crop), new int[] {start}, true);
            }
            return fusion(spectrogram.compute(x), spectrogram.frames(x.length), crops);
        }
        double[] filled = x.length < max ? pad(x, max, config.padding()) : x;
        float[] mel = spectrogram.compute(filled);
        return config.truncation() == Truncation.FUSION ? repeated(mel, 4) : single(mel, new int[0], false);
    }

    /** Fills a short waveform up to {@code length} samples as the padding mode says. */
    static double[] pad(double[] x, int length, Padding padding) {
        double[] out = new double[length];
        int copies = switch (padding) {
            case REPEATPAD -> length / x.length;
            case REPEAT -> length / x.length + 1;
            case PAD -> 1;
        };
        for (int c = 0, at = 0; c < copies && at < length; c++, at += x.length) {
            System.arraycopy(x, 0, out, at, Math.min(x.length, length - at));
        }
        return out;
    }

    private ClapFeatures fusion(float[] mel, int totalFrames, SeededCrops crops) {
        int chunk = config.chunkFrames();
        int mels = spectrogram.mels();
        if (totalFrames <= chunk) return repeated(mel, 4);
        float[] views = new float[4 * chunk * mels];
        shrinkInTime(mel, totalFrames, chunk, mels, views);
        // start positions 0..totalFrames-chunk, split into three near-equal consecutive ranges (larger ones first)
        int positions = totalFrames - chunk + 1;
        int[] starts = new int[3];
        int rangeStart = 0;
        for (int part = 0; part < 3; part++) {
            int size = positions / 3 + (part < positions % 3 ? 1 : 0);
            starts[part] = size == 0 ? 0 : rangeStart + crops.below(size);
            if (size == 0) crops.below(1); // an empty range still draws (from the one-element range {0})
            rangeStart += size;
            System.arraycopy(mel, starts[part] * mels, views, (part + 1) * chunk * mels, chunk * mels);
        }
        return new ClapFeatures(4, chunk, mels, views, starts, true);
    }

    /** Bilinear resize along time to {@code rows} rows (half-pixel centres), in double, into view 0 of {@code out}. */
    static void shrinkInTime(float[] mel, int total, int rows, int mels, float[] out) {
        double scale = (double) total / rows;
        for (int y = 0; y < rows; y++) {
            double src = Math.max(0.0, scale * (y + 0.5) - 0.5);
            int lower = (int) src;
            int upper = lower < total - 1 ? lower + 1 : lower;
            double w = src - lower;
            for (int m = 0; m < mels; m++) {
                out[y * mels + m] = (float) ((1.0 - w) * mel[lower * mels + m] + w * mel[upper * mels + m]);
            }
        }
    }

    private ClapFeatures single(float[] mel, int[] cropStarts, boolean longer) {
        return new ClapFeatures(1, config.chunkFrames(), spectrogram.mels(), mel, cropStarts, longer);
    }

    private ClapFeatures repeated(float[] mel, int views) {
        float[] out = new float[views * mel.length];
        for (int v = 0; v < views; v++) System.arraycopy(mel, 0, out, v * mel.length, mel.length);
        return new ClapFeatures(views, mel.length / spectrogram.mels(), spectrogram.mels(), out, new int[0], false);
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }
}
