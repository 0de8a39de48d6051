package dev.dragon.clap.features;

import java.util.Arrays;

/**
 * The audio tower's input for one clip: {@code views × frames × mels} log-mel values (float32, row-major), as
 * {@code input_features} [1, views, frames, mels] expects them.
 *
 * @param views      1 (rand_trunc) or 4 (fusion)
 * @param frames     frames per view (1001 for CLAP)
 * @param mels       mel bins (64)
 * @param values     the views·frames·mels values; owned by this object
 * @param cropStarts where the seeded crops started (samples for rand_trunc, frames for fusion); empty if none
 * @param longer     the clip was longer than the model's input and was cropped (rand_trunc) or fused from crops
 *                   (fusion): the {@code is_longer} flag fused checkpoints take
 */
public record ClapFeatures(int views, int frames, int mels, float[] values, int[] cropStarts, boolean longer) {

    /** Checks the shape against the number of values. */
    public ClapFeatures {
        if (values.length != views * frames * mels) throw new IllegalArgumentException("expected " + views * frames * mels + " values, got " + values.length);
    }

    /**
     * @param view  a view
     * @param frame a frame
     * @param mel   a mel bin
     * @return that value
     */
    public float get(int view, int frame, int mel) {
        return values[(view * frames + frame) * mels + mel];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClapFeatures f && f.views == views && f.frames == frames && f.mels == mels
            && f.longer == longer && Arrays.equals(f.values, values) && Arrays.equals(f.cropStarts, cropStarts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ClapFeatures[" + views + "x" + frames + "x" + mels + "]";
    }
}
