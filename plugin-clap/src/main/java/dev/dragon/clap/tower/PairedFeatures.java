package dev.dragon.clap.tower;

import dev.dragon.api.AudioClip;
import dev.dragon.clap.features.ClapFeatureExtractor;
import dev.dragon.io.WavFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Clips paired with their captions, ready for training: each clip's CLAP features (as {@link ClipFeatures}) and its
 * caption's normalised text embedding.
 *
 * @param clips    the clips, in corpus order
 * @param features one [1, frames, mels] array per clip
 * @param texts    one normalised text embedding per clip
 */
public record PairedFeatures(List<CaptionedClip> clips, List<float[]> features, float[][] texts) {

    /**
     * Computes features on {@code threads} threads (results in corpus order, so the same on any thread count) and
     * embeds the captions.
     *
     * @param clips         the clips
     * @param extractor     the CLAP preprocessing
     * @param cropSeed      the crop seed (the encoder's)
     * @param embedCaptions the frozen text encoder, captions → embeddings
     * @param threads       feature threads, ≥ 1
     * @param progress      receives a line now and then
     * @return the pairs
     * @throws IOException when a clip cannot be read (naming its file)
     */
    public static PairedFeatures compute(List<CaptionedClip> clips, ClapFeatureExtractor extractor, long cropSeed,
                                         Function<List<String>, double[][]> embedCaptions, int threads,
                                         Consumer<String> progress) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (CaptionedClip clip : clips) {
                futures.add(pool.submit(() -> {
                    AudioClip audio;
                    try {
                        audio = WavFile.read(clip.audio());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (audio.frames() == 0) throw new UncheckedIOException(new IOException(clip.audio() + ": empty audio"));
                    float[] f = ClipFeatures.of(audio, extractor, cropSeed);
                    int n = done.incrementAndGet();
                    if (n % 200 == 0 || n == clips.size()) {
                        progress.accept(String.format("features: %d/%d clips, %.0f s", n, clips.size(), (System.nanoTime() - t0) / 1e9));
                    }
                    return f;
                }));
            }
            List<float[]> features = new ArrayList<>();
            for (Future<float[]> f : futures) features.add(f.get());
            List<String> captions = clips.stream().map(CaptionedClip::caption).toList();
            double[][] embedded = embedCaptions.apply(captions);
            float[][] texts = new float[embedded.length][];
            for (int i = 0; i < embedded.length; i++) texts[i] = unit(embedded[i]);
            progress.accept(String.format("captions: %d embedded, %.0f s", texts.length, (System.nanoTime() - t0) / 1e9));
            return new PairedFeatures(List.copyOf(clips), features, texts);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
            throw new IllegalStateException("computing features failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while computing features", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * @param heldOut true for the held-out pairs, false for the training pairs
     * @return those pairs only
     */
    public PairedFeatures split(boolean heldOut) {
        List<CaptionedClip> c = new ArrayList<>();
        List<float[]> f = new ArrayList<>();
        List<float[]> t = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            if (clips.get(i).heldOut() != heldOut) continue;
            c.add(clips.get(i));
            f.add(features.get(i));
            t.add(texts[i]);
        }
        return new PairedFeatures(c, f, t.toArray(new float[0][]));
    }

    /** @return the number of pairs */
    public int size() {
        return clips.size();
    }

    /** @return mean and standard deviation of every feature value (dB), for the tower's input normalisation */
    public float[] featureMoments() {
        double sum = 0;
        double sumSquares = 0;
        long count = 0;
        for (float[] f : features) {
            for (float v : f) {
                sum += v;
                sumSquares += (double) v * v;
            }
            count += f.length;
        }
        double mean = sum / count;
        double variance = Math.max(0, sumSquares / count - mean * mean);
        return new float[] {(float) mean, (float) Math.sqrt(variance)};
    }

    private static float[] unit(double[] v) {
        double norm = 0;
        for (double x : v) norm += x * x;
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (norm > 0 ? v[i] / norm : 0);
        return out;
    }
}
