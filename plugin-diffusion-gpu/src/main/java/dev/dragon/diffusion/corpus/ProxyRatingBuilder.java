package dev.dragon.diffusion.corpus;

import dev.dragon.api.AudioClip;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the built-in proxy rating set into a folder: {@code audio/*.wav} (mono 16-bit PCM), {@code ratings.csv}
 * ({@code file,rating,prompt}, the prompt being the piece, so per-prompt SRCC ranks the versions of one piece),
 * {@code items.tsv} (what each file is), {@code settings.json} and {@code SHA256SUMS}. The same seed, settings and
 * soundbank give the same bytes, for any number of threads. Every file is written atomically.
 *
 * <p>It is a <b>proxy</b> for taste: the ratings say only "clean beats spoilt, and more spoilt is worse", by a fixed
 * rule ({@link ProxyItem#rating()}), never what a listener would say.
 */
public final class ProxyRatingBuilder {

    /** Ratings file name. */
    public static final String RATINGS_FILE = "ratings.csv";
    /** Per-file description table. */
    public static final String ITEMS_FILE = "items.tsv";
    /** What decides the content. */
    public static final String SETTINGS_FILE = "settings.json";
    /** Checksums of every file. */
    public static final String CHECKSUMS_FILE = "SHA256SUMS";

    /**
     * What a build did.
     *
     * @param items         files rated
     * @param clips         pieces
     * @param renderSeconds wall time of rendering and degrading
     * @param bytes         size of the files listed in {@code SHA256SUMS}
     */
    public record Summary(int items, int clips, double renderSeconds, long bytes) {
    }

    private final ProxyRatingPlan plan;
    private final MidiRenderer renderer;
    private final double seconds;
    private final int threads;

    /**
     * @param plan     which pieces and versions
     * @param renderer the synthesizer
     * @param seconds  the clip length the plan's composer uses
     * @param threads  rendering threads, at least 1
     */
    public ProxyRatingBuilder(ProxyRatingPlan plan, MidiRenderer renderer, double seconds, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.plan = plan;
        this.renderer = renderer;
        this.seconds = seconds;
        this.threads = threads;
    }

    /**
     * @param folder   where to write (created when missing)
     * @param progress told after each piece
     * @return what was done
     * @throws IOException when a file cannot be written, or the folder holds a set made with other settings
     */
    public Summary build(Path folder, CorpusBuilder.Progress progress) throws IOException {
        Files.createDirectories(folder);
        String fingerprint = renderer.fingerprint();
        String settings = settings(fingerprint);
        Path settingsFile = folder.resolve(SETTINGS_FILE);
        if (Files.exists(settingsFile) && !Files.readString(settingsFile, StandardCharsets.UTF_8).equals(settings)) {
            throw new IOException(folder + " holds a proxy rating set made with other settings (see " + SETTINGS_FILE + "): choose another folder");
        }
        AtomicText.write(settingsFile, settings);

        List<List<ProxyItem>> pieces = new ArrayList<>();
        for (int i = 0; i < plan.clips(); i++) pieces.add(plan.itemsOf(i));
        long start = System.nanoTime();
        renderAll(folder, pieces, progress);
        double renderSeconds = (System.nanoTime() - start) / 1e9;

        StringBuilder ratings = new StringBuilder("file,rating,prompt\n");
        StringBuilder items = new StringBuilder("file\tclip\tdegradation\tseverity\tparameter\tunit\trating\tcaption\n");
        List<String> files = new ArrayList<>(List.of(SETTINGS_FILE, RATINGS_FILE, ITEMS_FILE));
        if (Files.isRegularFile(folder.resolve(SoundbankSource.FROZEN_EMERGENCY_FILE))) files.add(SoundbankSource.FROZEN_EMERGENCY_FILE);
        int count = 0;
        for (List<ProxyItem> piece : pieces) {
            for (ProxyItem item : piece) {
                ratings.append(item.file()).append(',').append(item.rating()).append(',').append(item.clipId()).append('\n');
                Degradation d = item.degradation();
                items.append(item.file()).append('\t').append(item.clipId()).append('\t').append(d == null ? "clean" : d.label()).append('\t')
                    .append(item.severity()).append('\t').append(d == null ? "" : number(d.parameter(item.severity()))).append('\t')
                    .append(d == null ? "" : d.unit()).append('\t').append(item.rating()).append('\t')
                    .append(item.source().caption().replace('\t', ' ')).append('\n');
                files.add(item.file());
                count++;
            }
        }
        AtomicText.write(folder.resolve(RATINGS_FILE), ratings.toString());
        AtomicText.write(folder.resolve(ITEMS_FILE), items.toString());
        files.sort(null);
        StringBuilder sums = new StringBuilder();
        long bytes = 0;
        for (String f : files) {
            Path p = folder.resolve(f);
            sums.append(sha256(p)).append("  ").append(f).append('\n');
            bytes += Files.size(p);
        }
        AtomicText.write(folder.resolve(CHECKSUMS_FILE), sums.toString());
        return new Summary(count, plan.clips(), renderSeconds, bytes);
    }

    private String settings(String fingerprint) {
        StringBuilder degradations = new StringBuilder();
        for (Degradation d : Degradation.values()) {
            if (degradations.length() > 0) degradations.append(",\n");
            degradations.append("    {\"name\": ").append(Json.quote(d.label())).append(", \"unit\": ").append(Json.quote(d.unit()))
                .append(", \"severities\": [").append(number(d.parameter(1))).append(", ").append(number(d.parameter(2))).append(", ")
                .append(number(d.parameter(3))).append("], \"actsOn\": ").append(Json.quote(d.actsOnComposition() ? "composition" : "waveform")).append('}');
        }
        String sha = renderer.soundbank().sha256();
        return "{\n"
            + "  \"generator\": " + Json.quote(ProxyRatingPlan.GENERATOR_VERSION) + ",\n"
            + "  \"what\": \"a PROXY for taste: clean corpus renders against copies spoilt at graded severities; the ratings follow a fixed rule, not listeners\",\n"
            + "  \"corpusGenerator\": " + Json.quote(CorpusPlan.GENERATOR_VERSION) + ",\n"
            + "  \"seed\": " + plan.seed() + ",\n"
            + "  \"clips\": " + plan.clips() + ",\n"
            + "  \"copiesPerClip\": " + plan.copies() + ",\n"
            + "  \"sampleRate\": " + renderer.sampleRate() + ",\n"
            + "  \"seconds\": " + seconds + ",\n"
            + "  \"rating\": \"clean 4; spoilt: 4 - severity (mild 3, medium 2, severe 1)\",\n"
            + "  \"degradations\": [\n" + degradations + "\n  ],\n"
            + "  \"soundbank\": " + Json.quote(renderer.soundbank().description()) + ",\n"
            + "  \"soundbankSha256\": " + (sha == null ? "null" : Json.quote(sha)) + ",\n"
            + "  \"renderFingerprint\": " + Json.quote(fingerprint) + "\n"
            + "}\n";
    }

    private void renderAll(Path folder, List<List<ProxyItem>> pieces, CorpusBuilder.Progress progress) throws IOException {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "proxy-render-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Void> done = new ExecutorCompletionService<>(pool);
            for (List<ProxyItem> piece : pieces) {
                done.submit(() -> {
                    writePiece(folder, piece);
                    return null;
                });
            }
            for (int i = 1; i <= pieces.size(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) throw io;
                    throw new IOException(cause.getMessage(), cause);
                }
                progress.update(i, pieces.size(), 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void writePiece(Path folder, List<ProxyItem> piece) throws IOException {
        List<AudioClip> audio;
        try {
            audio = ProxyVersions.render(renderer, piece);
        } catch (RuntimeException e) {
            throw new IOException(piece.get(0).clipId() + ": " + e.getMessage(), e);
        }
        for (int k = 0; k < piece.size(); k++) WavFile.write(folder.resolve(piece.get(k).file()), audio.get(k), SampleEncoding.PCM_16);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
