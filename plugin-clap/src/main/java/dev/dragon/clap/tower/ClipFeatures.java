package dev.dragon.clap.tower;

import dev.dragon.api.AudioClip;
import dev.dragon.clap.features.ClapFeatureExtractor;
import dev.dragon.io.Resampler;

/**
 * The CLAP features of a whole clip exactly as the general ONNX encoder computes them with {@code framing=clip}:
 * downmix, resample to the extractor's rate, then {@link ClapFeatureExtractor#extract} with the crop seed. Training
 * on anything else would teach the tower inputs it never gets when it serves.
 */
public final class ClipFeatures {

    private ClipFeatures() {
    }

    /**
     * @param clip      any clip, any rate and channel count, not empty
     * @param extractor the model's preprocessing
     * @param cropSeed  the encoder's crop seed
     * @return the features, views × frames × mels values
     */
    public static float[] of(AudioClip clip, ClapFeatureExtractor extractor, long cropSeed) {
        float[] mono = Resampler.resample(clip.downmix(), extractor.config().sampleRate()).channel(0);
        return extractor.extract(mono, cropSeed).values();
    }
}
