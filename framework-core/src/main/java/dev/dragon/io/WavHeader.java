package dev.dragon.io;

/**
 * What a WAV file's header says.
 *
 * @param encoding   how samples are stored
 * @param channels   interleaved channels
 * @param sampleRate samples per second per channel
 * @param frames     samples per channel
 */
public record WavHeader(SampleEncoding encoding, int channels, int sampleRate, long frames) {
    /** @return the length in seconds */
    public double durationSeconds() {
        return frames / (double) sampleRate;
    }
}
