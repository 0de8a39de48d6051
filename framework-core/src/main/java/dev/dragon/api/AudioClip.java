package dev.dragon.api;

import java.util.Arrays;

/**
 * An immutable multi-channel waveform: samples as floats in [-1, 1] (values outside are kept, not clipped),
 * one array per channel, all of one length.
 *
 * @param sampleRate samples per second per channel, positive
 * @param channels   channel-major samples, at least one channel; the arrays are owned by the clip
 */
public record AudioClip(int sampleRate, float[][] channels) {

    /** Validates the rate and that every channel has the same length. */
    public AudioClip {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        if (channels == null || channels.length == 0) throw new IllegalArgumentException("an audio clip needs at least one channel");
        int n = channels[0].length;
        for (float[] c : channels) {
            if (c.length != n) throw new IllegalArgumentException("channels differ in length");
        }
    }

    /** @return a mono clip holding {@code samples} at {@code sampleRate} */
    public static AudioClip mono(int sampleRate, float[] samples) {
        return new AudioClip(sampleRate, new float[][] {samples});
    }

    /** @return the number of channels */
    public int channelCount() {
        return channels.length;
    }

    /** @return samples per channel */
    public int frames() {
        return channels[0].length;
    }

    /** @return the length in seconds */
    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** @return channel {@code c} (the clip's own array: do not modify) */
    public float[] channel(int c) {
        return channels[c];
    }

    /** @return this clip averaged over its channels (equal weights), or this clip when already mono */
    public AudioClip downmix() {
        if (channels.length == 1) return this;
        float[] out = new float[frames()];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (float[] c : channels) sum += c[i];
            out[i] = (float) (sum / channels.length);
        }
        return mono(sampleRate, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioClip a && a.sampleRate == sampleRate && Arrays.deepEquals(a.channels, channels);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.deepHashCode(channels);
    }

    @Override
    public String toString() {
        return "AudioClip[" + channels.length + " ch, " + sampleRate + " Hz, " + frames() + " frames]";
    }
}
