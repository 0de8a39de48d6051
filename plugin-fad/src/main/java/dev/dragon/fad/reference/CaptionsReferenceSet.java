package dev.dragon.fad.reference;

import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.GaussianAccumulator;
import dev.dragon.io.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reference captions: a text file with one caption a line (blank lines skipped), each embedded with a
 * cross-modal encoder's text side ({@link Encoder#embedText}) as one row — so that generated audio can be compared
 * with a distribution described in words.
 */
public final class CaptionsReferenceSet implements ReferenceSet {

    private final Path file;

    /** @param file the captions, UTF-8, one a line */
    public CaptionsReferenceSet(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return "reference captions " + file;
    }

    private List<String> captions() throws IOException {
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such file");
        }
    }

    @Override
    public String contentHash() throws IOException {
        ContentHash hash = new ContentHash("captions-v1");
        for (String caption : captions()) hash.text(caption);
        return hash.finish();
    }

    @Override
    public ReferenceStatistics compute(Encoder encoder, String contentHash) throws IOException {
        GaussianAccumulator accumulator = new GaussianAccumulator(encoder.dimension(), describe());
        List<String> captions = captions();
        for (int i = 0; i < captions.size(); i++) {
            double[] embedding = encoder.embedText(captions.get(i));
            accumulator.add(new FrameEmbeddings(1, embedding.length, embedding), file + " caption " + (i + 1));
        }
        return accumulator.toStatistics(encoder.fingerprint(), contentHash);
    }
}
