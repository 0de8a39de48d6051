package dev.dragon.core.dragon;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every random choice of a run as a pure function of the run seed and where it is made (iteration, prompt,
 * member): a resumed run needs no saved generator state to draw exactly what an uninterrupted run would have drawn.
 */
public final class RunSeeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private final long seed;

    /** @param seed the run seed */
    public RunSeeds(long seed) {
        this.seed = seed;
    }

    /** @return the run seed */
    public long seed() {
        return seed;
    }

    /**
     * The sampler seed of one on-policy demonstration.
     *
     * @param iteration the iteration (1-based)
     * @param promptId  the prompt's id
     * @param member    0 for D1, 1 for D2
     * @return the seed
     */
    public long sampleSeed(int iteration, String promptId, int member) {
        return mix(mix(mix(mix(seed, 0x5A3D1E), iteration), hash(promptId)), member);
    }

    /**
     * The sampler seed of an evaluation sample: the same for the base and the fine-tuned model.
     *
     * @param promptId the held-out prompt's id
     * @return the seed
     */
    public long evaluationSeed(String promptId) {
        return mix(mix(seed, 0xE7A1), hash(promptId));
    }

    /**
     * Draws {@code count} distinct indices out of {@code 0..size-1} for one iteration (a partial Fisher–Yates
     * shuffle); when {@code count ≥ size}, every index in a shuffled order.
     *
     * @param iteration the iteration
     * @param size      how many prompts there are
     * @param count     how many to draw
     * @return the indices
     */
    public int[] promptIndices(int iteration, int size, int count) {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) all[i] = i;
        SplittableRandom random = new SplittableRandom(mix(mix(seed, 0xBA7C4), iteration));
        int n = Math.min(count, size);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, n);
    }

    /**
     * Bootstrap resamples of {@code size} items (with replacement), seeded by the run seed and a salt.
     *
     * @param salt     what the resamples are for
     * @param size     items per resample
     * @param resample which resample
     * @return the indices
     */
    public int[] bootstrapIndices(String salt, int size, int resample) {
        SplittableRandom random = new SplittableRandom(mix(mix(mix(seed, 0xB007), hash(salt)), resample));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = random.nextInt(size);
        return out;
    }

    /** SplitMix64's finaliser over the sum: a cheap, well-mixed hash of two longs. */
    static long mix(long a, long b) {
        long z = a + GOLDEN * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long hash(String text) {
        long h = 0;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) h = mix(h, b & 0xFF);
        return mix(h, text.length());
    }

    /** @return the seeds for a list of prompt ids, as {@link #evaluationSeed} gives them */
    public List<Long> evaluationSeeds(List<String> promptIds) {
        return promptIds.stream().map(this::evaluationSeed).toList();
    }
}
