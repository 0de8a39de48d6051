package dev.dragon.diffusion.corpus;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from one master seed, by purpose and index, so that clip {@code i} of a corpus does not
 * depend on how many clips are made (a larger corpus extends a smaller one).
 */
public final class Seeds {

    private Seeds() {
    }

    /**
     * @param master  the corpus seed
     * @param purpose what the seed is for, e.g. {@code train}
     * @param index   which one
     * @return a well-mixed 64-bit seed
     */
    public static long derive(long master, String purpose, long index) {
        long h = 0x9E3779B97F4A7C15L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) h = mix(h ^ b);
        return mix(mix(master ^ h) + index * 0x9E3779B97F4A7C15L);
    }

    /** The SplitMix64 finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
