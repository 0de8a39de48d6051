package dev.dragon.diffusion.corpus;

import dev.dragon.api.AudioClip;
import dev.dragon.io.InputFormatException;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import dev.dragon.io.WavHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a corpus folder: {@code settings.json}, {@code captions.tsv}, {@code prompts-heldout.tsv},
 * {@code audio/<id>.wav} (mono 16-bit PCM), {@code SHA256SUMS} and {@code manifest.json} (plus the frozen emergency
 * soundbank, when that is what renders, see {@link SoundbankSource}).
 *
 * <p>Every file is written atomically, so an interrupted build leaves only complete files; a rerun into the same
 * folder keeps the clips already there (same settings required, checked against {@code settings.json}) and renders
 * the rest. Clips are rendered on a fixed pool of threads; each clip's audio depends only on its own seed, so the
 * result is the same for any number of threads.
 */
public final class CorpusBuilder {

    /** Reports progress; called from one thread at a time. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done    clips finished so far (rendered or found complete)
         * @param total   clips in the corpus
         * @param skipped of {@code done}, clips found complete from an earlier build
         */
        void update(int done, int total, int skipped);
    }

    /**
     * What a build did.
     *
     * @param folder        the corpus folder
     * @param clips         clips in the corpus
     * @param rendered      clips rendered by this build
     * @param skipped       clips kept from an earlier build
     * @param renderSeconds wall time of the rendering phase
     * @param bytes         total size of the files listed in {@code SHA256SUMS}
     */
    public record Summary(Path folder, int clips, int rendered, int skipped, double renderSeconds, long bytes) {
    }

    private final CorpusPlan plan;
    private final MidiRenderer renderer;
    private final double seconds;
    private final int threads;

    /**
     * @param plan     which clips
     * @param renderer how to render them
     * @param seconds  the clip length the plan's composer uses
     * @param threads  rendering threads, at least 1
     */
    public CorpusBuilder(CorpusPlan plan, MidiRenderer renderer, double seconds, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.plan = plan;
        this.renderer = renderer;
        this.seconds = seconds;
        this.threads = threads;
    }

    /**
     * Builds (or completes) the corpus in {@code folder}.
     *
     * @param folder   where to write; created when missing
     * @param progress told after each clip
     * @return what was done
     * @throws IOException when a file cannot be written, or the folder holds a corpus with other settings
     */
    public Summary build(Path folder, Progress progress) throws IOException {
        Files.createDirectories(folder);
        deleteLeftoverTemporaryFiles(folder);
        deleteLeftoverTemporaryFiles(folder.resolve("audio"));
        Path settingsFile = folder.resolve(CorpusManifest.SETTINGS_FILE);
        String fingerprint = renderer.fingerprint();
        String settings = CorpusManifest.settings(plan, renderer, fingerprint, seconds);
        if (Files.exists(settingsFile)) {
            if (!Files.readString(settingsFile, StandardCharsets.UTF_8).equals(settings)) {
                throw new IOException(folder + " holds a corpus made with other settings (seed, rate, length, soundbank or "
                    + "generator version; see " + CorpusManifest.SETTINGS_FILE + "): choose another folder");
            }
        } else {
            AtomicText.write(settingsFile, settings);
        }
        List<ClipSpec> clips = plan.clips();
        AtomicText.write(folder.resolve(CaptionTable.CAPTIONS_FILE), CaptionTable.captions(clips));
        AtomicText.write(folder.resolve(CaptionTable.HELD_OUT_PROMPTS_FILE), CaptionTable.heldOutPrompts(clips));

        long start = System.nanoTime();
        int skipped = render(folder, clips, progress);
        double renderSeconds = (System.nanoTime() - start) / 1e9;

        List<String> files = new ArrayList<>(List.of(CorpusManifest.SETTINGS_FILE, CaptionTable.CAPTIONS_FILE,
            CaptionTable.HELD_OUT_PROMPTS_FILE));
        if (Files.isRegularFile(folder.resolve(SoundbankSource.FROZEN_EMERGENCY_FILE))) files.add(SoundbankSource.FROZEN_EMERGENCY_FILE);
        for (ClipSpec c : clips) files.add(c.file());
        files.sort(null);
        StringBuilder sums = new StringBuilder();
        long bytes = 0;
        for (String f : files) {
            Path p = folder.resolve(f);
            sums.append(sha256(p)).append("  ").append(f).append('\n');
            bytes += Files.size(p);
        }
        String sumsText = sums.toString();
        AtomicText.write(folder.resolve(CorpusManifest.CHECKSUMS_FILE), sumsText);
        Summary summary = new Summary(folder, clips.size(), clips.size() - skipped, skipped, renderSeconds, bytes);
        String listHash = sha256(sumsText.getBytes(StandardCharsets.UTF_8));
        AtomicText.write(folder.resolve(CorpusManifest.MANIFEST_FILE),
            CorpusManifest.manifest(plan, renderer, fingerprint, seconds, summary, files.size(), listHash, threads));
        return summary;
    }

    /** Removes the temporary files of atomic writes that a killed build left behind (".NAME…part"). */
    private static void deleteLeftoverTemporaryFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, ".*.part")) {
            for (Path p : leftovers) Files.deleteIfExists(p);
        }
    }

    /** Renders every clip not already complete; returns how many were. */
    private int render(Path folder, List<ClipSpec> clips, Progress progress) throws IOException {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "corpus-render-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Boolean> done = new ExecutorCompletionService<>(pool);
            for (ClipSpec clip : clips) done.submit(() -> renderIfMissing(folder, clip));
            int skipped = 0;
            for (int i = 1; i <= clips.size(); i++) {
                try {
                    if (!done.take().get()) skipped++;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) throw io;
                    throw new IOException(cause.getMessage(), cause);
                }
                progress.update(i, clips.size(), skipped);
            }
            return skipped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return true when the clip was rendered, false when a complete file was already there */
    private boolean renderIfMissing(Path folder, ClipSpec clip) throws IOException {
        Path file = folder.resolve(clip.file());
        if (isComplete(file)) return false;
        AudioClip audio;
        try {
            audio = renderer.render(clip.composition());
        } catch (RuntimeException e) {
            throw new IOException("clip " + clip.id() + ": " + e.getMessage(), e);
        }
        WavFile.write(file, audio, SampleEncoding.PCM_16);
        return true;
    }

    private boolean isComplete(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return false;
        try {
            WavHeader h = WavFile.header(file);
            return h.encoding() == SampleEncoding.PCM_16 && h.channels() == 1 && h.sampleRate() == renderer.sampleRate()
                && h.frames() == Math.round(seconds * renderer.sampleRate());
        } catch (InputFormatException e) {
            return false; // not ours or damaged: render it again
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
