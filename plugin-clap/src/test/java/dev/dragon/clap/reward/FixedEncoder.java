package dev.dragon.clap.reward;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import java.util.Set;

/** A test encoder: audio embeds to two rows derived from the clip's first sample, text to a fixed vector. */
public final class FixedEncoder implements Encoder {

    private final String id;
    private final int dimension;

    /**
     * @param id        its id
     * @param dimension its dimension (2 or more)
     */
    public FixedEncoder(String id, int dimension) {
        this.id = id;
        this.dimension = dimension;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String fingerprint() {
        return "fixed";
    }

    @Override
    public Set<Modality> modalities() {
        return Set.of(Modality.AUDIO, Modality.TEXT);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Rows (a, 0, ...) and (a, 2, ...) with a = first sample: the mean is (a, 1, 0, ...). */
    @Override
    public FrameEmbeddings embedAudio(AudioClip clip) {
        double[] v = new double[2 * dimension];
        v[0] = clip.channel(0)[0];
        v[dimension] = clip.channel(0)[0];
        v[dimension + 1] = 2;
        return new FrameEmbeddings(2, dimension, v);
    }

    /** (1, 0, ...) for any text. */
    @Override
    public double[] embedText(String text) {
        double[] v = new double[dimension];
        v[0] = 1;
        return v;
    }
}
