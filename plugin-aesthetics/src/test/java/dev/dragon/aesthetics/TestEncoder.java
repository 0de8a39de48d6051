package dev.dragon.aesthetics;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import java.util.Set;

/**
 * A deterministic stand-in audio encoder for the tests, d = 4: per 400-sample frame the RMS level, the zero-crossing
 * rate, the peak and the mean absolute first difference (brightness). Noise, level and clipping move these features.
 */
public final class TestEncoder implements Encoder {

    static final int FRAME = 400;
    private final String id;
    private final String fingerprint;
    private final int dimension;

    /** @param id the encoder id @param fingerprint its fingerprint */
    public TestEncoder(String id, String fingerprint) {
        this(id, fingerprint, 4);
    }

    private TestEncoder(String id, String fingerprint, int dimension) {
        this.id = id;
        this.fingerprint = fingerprint;
        this.dimension = dimension;
    }

    /** @return the same encoder declaring another dimension (for models trained on synthetic embeddings; it cannot embed) */
    public TestEncoder withDimension(int d) {
        return new TestEncoder(id, fingerprint, d);
    }

    /** @return an encoder {@code test-audio} with fingerprint {@code test v1} */
    public static TestEncoder standard() {
        return new TestEncoder("test-audio", "test v1");
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
        return Set.of(Modality.AUDIO);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public FrameEmbeddings embedAudio(AudioClip clip) {
        if (dimension != 4) throw new IllegalStateException("this test encoder only declares " + dimension + " dimensions");
        float[] x = clip.downmix().channel(0);
        int frames = Math.max(1, x.length / FRAME);
        double[] v = new double[frames * 4];
        for (int t = 0; t < frames; t++) {
            double sum = 0, peak = 0, diff = 0;
            int crossings = 0;
            int end = Math.min(x.length, (t + 1) * FRAME);
            for (int i = t * FRAME; i < end; i++) {
                sum += x[i] * (double) x[i];
                peak = Math.max(peak, Math.abs(x[i]));
                if (i > t * FRAME) {
                    diff += Math.abs(x[i] - x[i - 1]);
                    if ((x[i] >= 0) != (x[i - 1] >= 0)) crossings++;
                }
            }
            int len = Math.max(1, end - t * FRAME);
            v[t * 4] = Math.sqrt(sum / len);
            v[t * 4 + 1] = crossings / (double) len;
            v[t * 4 + 2] = peak;
            v[t * 4 + 3] = diff / len;
        }
        return new FrameEmbeddings(frames, 4, v);
    }
}
