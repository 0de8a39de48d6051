package dev.dragon.fad.reference;

import dev.dragon.api.Encoder;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.GaussianAccumulator;
import dev.dragon.io.InputFormatException;
import dev.dragon.io.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reference audio: every {@code .wav} file of a folder (sorted by name, not recursive), or the files named in a
 * list file (one path a line, relative to the list's folder; blank lines and {@code #} comments skipped). Every
 * frame embedding of every file is one row of the reference Gaussian.
 */
public final class AudioFilesReferenceSet implements ReferenceSet {

    private final Path source;

    /** @param source a folder of WAV files or a text file listing them */
    public AudioFilesReferenceSet(Path source) {
        this.source = source;
    }

    @Override
    public String describe() {
        return "reference audio " + source;
    }

    /**
     * @return the files, in the order they are embedded and hashed
     * @throws IOException when the folder or list cannot be read
     */
    public List<Path> files() throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> entries = Files.list(source)) {
                return entries.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .filter(Files::isRegularFile).sorted().toList();
            }
        }
        if (!Files.isRegularFile(source)) throw new InputFormatException(source, "no such folder or list file");
        List<Path> files = new ArrayList<>();
        Path base = source.toAbsolutePath().getParent();
        for (String line : Files.readAllLines(source)) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) continue;
            files.add(base.resolve(entry));
        }
        return files;
    }

    @Override
    public String contentHash() throws IOException {
        ContentHash hash = new ContentHash("audio-files-v1");
        for (Path file : files()) {
            if (!Files.isRegularFile(file)) throw new InputFormatException(file, "listed in " + source + " but missing");
            hash.text(file.getFileName().toString()).file(file);
        }
        return hash.finish();
    }

    @Override
    public ReferenceStatistics compute(Encoder encoder, String contentHash) throws IOException {
        GaussianAccumulator accumulator = new GaussianAccumulator(encoder.dimension(), describe());
        for (Path file : files()) accumulator.add(encoder.embedAudio(WavFile.read(file)), file.toString());
        return accumulator.toStatistics(encoder.fingerprint(), contentHash);
    }
}
