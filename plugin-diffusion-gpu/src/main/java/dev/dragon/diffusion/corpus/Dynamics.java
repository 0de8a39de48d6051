package dev.dragon.diffusion.corpus;

/** How loud the whole piece is played: sets note velocities (louder and brighter in General MIDI synthesis). */
public enum Dynamics {
    /** Velocities around 40 (pianissimo to piano). */
    SOFT(40, new String[] {"soft", "quiet", "gentle", "hushed"}),
    /** Velocities around 76 (mezzo-forte). */
    MEDIUM(76, new String[] {"medium-volume", "mezzo-forte", "mid-volume"}),
    /** Velocities around 114 (forte to fortissimo). */
    LOUD(114, new String[] {"loud", "powerful", "forceful", "strong"});

    private final int velocity;
    private final String[] adjectives;

    Dynamics(int velocity, String[] adjectives) {
        this.velocity = velocity;
        this.adjectives = adjectives;
    }

    /** @return the central MIDI velocity; accents and phrasing vary it by a few steps */
    public int velocity() {
        return velocity;
    }

    /** @return the words a caption may use for this level; the first is the plain one */
    public String[] adjectives() {
        return adjectives.clone();
    }
}
