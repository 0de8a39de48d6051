package dev.dragon.io;

/** How samples are stored in a WAV file. */
public enum SampleEncoding {
    /** 8-bit unsigned integer PCM. */
    PCM_8(8, false),
    /** 16-bit signed integer PCM. */
    PCM_16(16, false),
    /** 24-bit signed integer PCM. */
    PCM_24(24, false),
    /** 32-bit signed integer PCM. */
    PCM_32(32, false),
    /** 32-bit IEEE float. */
    FLOAT_32(32, true),
    /** 64-bit IEEE float. */
    FLOAT_64(64, true);

    private final int bits;
    private final boolean floating;

    SampleEncoding(int bits, boolean floating) {
        this.bits = bits;
        this.floating = floating;
    }

    /** @return bits per sample */
    public int bits() {
        return bits;
    }

    /** @return bytes per sample */
    public int bytes() {
        return bits / 8;
    }

    /** @return true for IEEE float encodings */
    public boolean isFloat() {
        return floating;
    }

    static SampleEncoding of(int bits, boolean floating) {
        for (SampleEncoding e : values()) {
            if (e.bits == bits && e.floating == floating) return e;
        }
        return null;
    }
}
