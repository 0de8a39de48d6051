package dev.dragon.diffusion.corpus;

/** Tempo bands a caption can name; the exact beats per minute are drawn inside the band. */
public enum TempoClass {
    /** 60–76 BPM. */
    SLOW(60, 76, new String[] {"slow", "unhurried", "leisurely"}),
    /** 90–108 BPM. */
    MODERATE(90, 108, new String[] {"moderate", "mid-tempo", "steady-paced"}),
    /** 128–152 BPM. */
    FAST(128, 152, new String[] {"fast", "brisk", "quick"});

    private final int minBpm;
    private final int maxBpm;
    private final String[] adjectives;

    TempoClass(int minBpm, int maxBpm, String[] adjectives) {
        this.minBpm = minBpm;
        this.maxBpm = maxBpm;
        this.adjectives = adjectives;
    }

    /** @return the lowest tempo of the band, inclusive */
    public int minBpm() {
        return minBpm;
    }

    /** @return the highest tempo of the band, inclusive */
    public int maxBpm() {
        return maxBpm;
    }

    /** @return the words a caption may use for this band; the first is the plain one */
    public String[] adjectives() {
        return adjectives.clone();
    }
}
