package dev.dragon.aesthetics;

import dev.dragon.api.AudioClip;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/** Seeded test clips: a tone with a controllable amount of added noise (the "degradation" the tests rate). */
public final class TestAudio {

    /** Sample rate of the test clips. */
    public static final int RATE = 8000;

    private TestAudio() {
    }

    /**
     * @param hz    the tone
     * @param noise standard deviation of the added white noise
     * @param seed  the noise seed
     * @return half a second of audio
     */
    public static AudioClip tone(double hz, double noise, long seed) {
        Random random = new Random(seed);
        float[] x = new float[RATE / 2];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * i / RATE) + noise * random.nextGaussian());
        return AudioClip.mono(RATE, x);
    }

    /** Writes {@link #tone} as a 16-bit WAV file. */
    public static Path write(Path file, double hz, double noise, long seed) throws IOException {
        WavFile.write(file, tone(hz, noise, seed), SampleEncoding.PCM_16);
        return file;
    }
}
