package dev.dragon.fad;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-Java stand-in for a real encoder: audio frames are consecutive runs of d samples (as doubles), a text
 * is a vector drawn from a stream seeded by its hash. Deterministic, and it counts its calls.
 */
public final class FakeEncoder implements Encoder {

    private final String id;
    private final String fingerprint;
    private final int dimension;
    /** How many clips and texts were embedded. */
    public final AtomicInteger calls = new AtomicInteger();

    /**
     * @param id          the encoder id
     * @param fingerprint the fingerprint
     * @param dimension   d
     */
    public FakeEncoder(String id, String fingerprint, int dimension) {
        this.id = id;
        this.fingerprint = fingerprint;
        this.dimension = dimension;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Set<Modality> modalities() {
        return Set.of(Modality.AUDIO, Modality.TEXT);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public FrameEmbeddings embedAudio(AudioClip clip) {
        calls.incrementAndGet();
        float[] x = clip.downmix().channel(0);
        int frames = x.length / dimension;
        double[] v = new double[frames * dimension];
        for (int i = 0; i < v.length; i++) v[i] = x[i];
        return new FrameEmbeddings(Math.max(frames, 1), dimension, frames == 0 ? new double[dimension] : v);
    }

    @Override
    public double[] embedText(String text) {
        calls.incrementAndGet();
        return GeneratedEmbeddings.uniform(text.hashCode(), dimension);
    }
}
