package dev.dragon.clap.features;

/**
 * Where CLAP's crops start. The reference draws them at random, which makes embeddings differ run to run; here
 * they come from SplitMix64 with a fixed seed (start = next value mod range size, unsigned), so the same audio
 * always gives the same features. The test fixtures' Python script draws the same numbers. Not thread-safe: make
 * one per extraction.
 */
public final class SeededCrops {

    private long state;

    /** @param seed the seed; equal seeds give equal crops */
    public SeededCrops(long seed) {
        this.state = seed;
    }

    /**
     * @param bound the number of possible values, positive
     * @return a value in 0..bound−1
     */
    public int below(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
        return (int) Long.remainderUnsigned(next(), bound);
    }

    private long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
