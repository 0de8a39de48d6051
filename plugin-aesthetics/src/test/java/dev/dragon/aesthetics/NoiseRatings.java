package dev.dragon.aesthetics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A small rating set for the tests: tones at several pitches (the prompts), each clean and with four amounts of
 * added noise; rating = 5 − noise step (clean 5, noisiest 1). Written as WAV files plus {@code ratings.csv}.
 */
public final class NoiseRatings {

    /** The noise standard deviations, clean first. */
    public static final double[] NOISE = {0, 0.02, 0.05, 0.1, 0.2};

    private NoiseRatings() {
    }

    /**
     * @param folder where to write (created)
     * @param tones  how many pitches (prompts)
     * @param seed   the noise seed
     * @return the ratings file
     */
    public static Path write(Path folder, int tones, long seed) throws IOException {
        Files.createDirectories(folder.resolve("audio"));
        StringBuilder csv = new StringBuilder("file,rating,prompt\n");
        for (int t = 0; t < tones; t++) {
            double hz = 220 * Math.pow(2, t / 5.0);
            for (int k = 0; k < NOISE.length; k++) {
                String name = String.format(Locale.ROOT, "audio/tone%02d-noise%d.wav", t, k);
                TestAudio.write(folder.resolve(name), hz, NOISE[k], seed * 1000 + t * 10 + k);
                csv.append(name).append(',').append(5 - k).append(",tone").append(t).append('\n');
            }
        }
        Path file = folder.resolve("ratings.csv");
        Files.writeString(file, csv);
        return file;
    }
}
