package dev.dragon.itest;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Generation;
import dev.dragon.api.Modality;
import dev.dragon.api.Prompt;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Random;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Audio fixtures for the FAD and Vendi reward tests: a deterministic band-magnitude {@link Encoder} the tests register
 * themselves (no model files, no natives), seeded clip recipes, and reference folders of WAV files.
 */
final class TestAudio {

    static final String ENCODER_ID = "test-audio";
    static final int RATE = 16_000;

    /** Frequencies whose clips land in clearly different bands of {@link BandEncoder} (bands are 1 kHz wide). */
    static final double IN_BAND_0 = 440, IN_BAND_3 = 3_300, IN_BAND_5 = 5_500, IN_BAND_7 = 7_400;

    private TestAudio() {
    }

    /**
     * d = 8: each window of 512 samples becomes the magnitudes of 8 bands of its DFT (1 kHz each at 16 kHz). Band
     * magnitudes are non-negative, so clips whose energy sits in different bands have near-orthogonal embeddings
     * (what makes a Vendi score read as "how many different clips"), and noise makes every band vary from frame to
     * frame (a full-rank frame covariance for FAD).
     */
    static final class BandEncoder implements Encoder {
        static final int WINDOW = 512, BANDS = 8, BINS_PER_BAND = WINDOW / 2 / BANDS;
        private static final double[][] COS = new double[WINDOW / 2][WINDOW], SIN = new double[WINDOW / 2][WINDOW];

        static {
            for (int k = 0; k < WINDOW / 2; k++) {
                for (int n = 0; n < WINDOW; n++) {
                    COS[k][n] = Math.cos(2 * Math.PI * k * n / WINDOW);
                    SIN[k][n] = Math.sin(2 * Math.PI * k * n / WINDOW);
                }
            }
        }

        @Override
        public String id() {
            return ENCODER_ID;
        }

        @Override
        public String fingerprint() {
            return "itest band-magnitudes v1";
        }

        @Override
        public Set<Modality> modalities() {
            return Set.of(Modality.AUDIO);
        }

        @Override
        public int dimension() {
            return BANDS;
        }

        @Override
        public FrameEmbeddings embedAudio(AudioClip clip) {
            float[] x = clip.downmix().channel(0);
            int frames = Math.max(1, x.length / WINDOW);
            double[] values = new double[frames * BANDS];
            for (int t = 0; t < frames; t++) {
                for (int k = 0; k < WINDOW / 2; k++) {
                    double re = 0, im = 0;
                    for (int n = 0; n < WINDOW; n++) {
                        int i = t * WINDOW + n;
                        double s = i < x.length ? x[i] : 0;
                        re += s * COS[k][n];
                        im -= s * SIN[k][n];
                    }
                    values[t * BANDS + k / BINS_PER_BAND] += (re * re + im * im) / WINDOW;
                }
                for (int b = 0; b < BANDS; b++) values[t * BANDS + b] = Math.sqrt(values[t * BANDS + b]);
            }
            return new FrameEmbeddings(frames, BANDS, values);
        }
    }

    /** Registers a fresh {@link BandEncoder} under {@code encoder.id=test-audio}. */
    static ServiceRegistration<Encoder> registerEncoder(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Encoder.ID, ENCODER_ID);
        return context.registerService(Encoder.class, new BandEncoder(), properties);
    }

    /**
     * One second of a sine at {@code hz} with a random amplitude and phase (from {@code seed}) over low white noise:
     * clips of one frequency are draws from one distribution.
     */
    static AudioClip clip(double hz, long seed) {
        Random random = new Random(seed);
        double amplitude = 0.3 + 0.3 * random.nextDouble(), phase = 2 * Math.PI * random.nextDouble();
        float[] samples = new float[RATE];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE + phase) + 0.05 * random.nextGaussian());
        }
        return AudioClip.mono(RATE, samples);
    }

    static Generation generation(AudioClip clip, long seed) {
        return new Generation(new Prompt("p" + seed, "test clip " + seed), seed, clip, null, "itest");
    }

    /** Writes {@code count} clips at {@code hz} (seeds 1..count) as 16-bit WAV files into a new folder. */
    static Path referenceFolder(Path parent, String name, double hz, int count) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        for (int i = 1; i <= count; i++) {
            WavFile.write(folder.resolve(String.format("ref-%02d.wav", i)), clip(hz, i), SampleEncoding.PCM_16);
        }
        return folder;
    }
}
