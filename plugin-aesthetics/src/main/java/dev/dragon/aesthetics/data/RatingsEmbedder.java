package dev.dragon.aesthetics.data;

import dev.dragon.aesthetics.model.AestheticsModel;
import dev.dragon.aesthetics.model.RatedEmbeddings;
import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import dev.dragon.io.InputFormatException;
import dev.dragon.io.WavFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns the rows of a ratings file into {@link RatedEmbeddings}: reads each WAV file, embeds it with the encoder,
 * mean-pools and L2-normalises ({@link AestheticsModel#unitEmbedding}), and hashes the data for provenance.
 *
 * <p>Data hash: SHA-256 over, for each row in order, the file name as written, the SHA-256 of the audio file's
 * bytes, the rating ({@link Double#toString}) and the prompt, separated by NUL and ended by a newline. The same
 * rows with the same audio give the same hash wherever the files lie.
 */
public final class RatingsEmbedder {

    /** The group of every clip when the ratings file has no prompt column. */
    public static final String SINGLE_GROUP = "(all)";

    /** Told after each clip. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done  clips embedded so far
         * @param total clips in all
         */
        void update(int done, int total);
    }

    private RatingsEmbedder() {
    }

    /**
     * @param csv      the ratings file (for messages)
     * @param rows     its rows
     * @param encoder  an audio encoder
     * @param progress told after each clip
     * @return the embeddings with ratings, groups and data hash
     * @throws IOException ({@link InputFormatException}) naming the ratings file and line of an unreadable audio file or
     *                     one the encoder cannot embed
     */
    public static RatedEmbeddings embed(Path csv, List<RatingRow> rows, Encoder encoder, Progress progress) throws IOException {
        if (!encoder.modalities().contains(Modality.AUDIO)) {
            throw new IllegalArgumentException("encoder '" + encoder.id() + "' does not embed audio (it embeds " + encoder.modalities() + ")");
        }
        int n = rows.size(), d = encoder.dimension();
        double[] embeddings = new double[n * d];
        double[] ratings = new double[n];
        String[] groups = new String[n];
        MessageDigest dataHash = sha256();
        for (int i = 0; i < n; i++) {
            RatingRow row = rows.get(i);
            byte[] bytes = Files.readAllBytes(row.path());
            AudioClip clip;
            try {
                clip = WavFile.read(row.path());
            } catch (InputFormatException e) {
                throw new InputFormatException(csv, "line " + row.line() + ": " + e.getMessage());
            }
            if (clip.frames() == 0) throw new InputFormatException(csv, "line " + row.line() + ": " + row.path() + ": empty audio");
            double[] unit;
            try {
                FrameEmbeddings frames = encoder.embedAudio(clip);
                if (frames.dimension() != d) throw new IllegalArgumentException("encoder gave " + frames.dimension() + "-d embeddings, it declares " + d);
                unit = AestheticsModel.unitEmbedding(frames, row.path().toString());
            } catch (RuntimeException e) {
                throw new InputFormatException(csv, "line " + row.line() + ": encoder '" + encoder.id() + "' failed on " + row.file() + ": " + e.getMessage());
            }
            System.arraycopy(unit, 0, embeddings, i * d, d);
            ratings[i] = row.rating();
            groups[i] = row.prompt() == null ? SINGLE_GROUP : row.prompt();
            String record = row.file() + '\0' + HexFormat.of().formatHex(sha256().digest(bytes)) + '\0' + row.rating() + '\0'
                + (row.prompt() == null ? "" : row.prompt()) + '\n';
            dataHash.update(record.getBytes(StandardCharsets.UTF_8));
            progress.update(i + 1, n);
        }
        return new RatedEmbeddings(embeddings, d, ratings, groups, HexFormat.of().formatHex(dataHash.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
