package dev.dragon.core.cli;

import dev.dragon.core.run.AtomicFiles;
import dev.dragon.runtime.CommandException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Exemplar sets drawn from the built-in corpus: the training clips whose {@code captions.tsv} column has a given
 * value, written next to {@code captions.tsv} as a list of their WAV files (relative to the list, the way the FAD
 * rewards read {@code reference.audio}) or of their captions (one a line, for {@code reference.captions}).
 */
final class ExemplarSets {

    /** What a list holds. */
    enum Content {
        /** WAV paths, relative to the corpus folder: {@code exemplars-COLUMN-VALUE.txt} */
        AUDIO("exemplars-", "file"),
        /** captions: {@code captions-COLUMN-VALUE.txt} */
        CAPTIONS("captions-", "caption");

        private final String prefix;
        private final String column;

        Content(String prefix, String column) {
            this.prefix = prefix;
            this.column = column;
        }
    }

    private ExemplarSets() {
    }

    /**
     * Writes the list of training clips whose {@code column} equals {@code value}, at most {@code max} of them.
     *
     * @param corpus  the corpus folder (holds {@code captions.tsv})
     * @param column  the column that selects
     * @param value   its value
     * @param max     at most this many clips
     * @param content WAV paths or captions
     * @param owner   named in the error when there are too few clips (the configuration to change)
     * @return the list file
     * @throws IOException      when captions.tsv cannot be read or the list written
     * @throws CommandException naming captions.tsv when a column is missing or fewer than 2 clips match
     */
    static Path write(Path corpus, String column, String value, int max, Content content, String owner) throws IOException, CommandException {
        Path captions = corpus.resolve("captions.tsv");
        List<String> lines = Files.readAllLines(captions);
        if (lines.isEmpty()) throw new CommandException(captions + ": empty");
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int selector = header.indexOf(column);
        int split = header.indexOf("split");
        int wanted = header.indexOf(content.column);
        if (selector < 0 || wanted < 0) {
            throw new CommandException(captions + ": no column '" + (selector < 0 ? column : content.column) + "' (columns: " + String.join(", ", header) + ")");
        }
        StringBuilder list = new StringBuilder();
        int n = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length != header.size()) continue;
            if (split >= 0 && !cells[split].equals("train")) continue;
            if (!cells[selector].equals(value)) continue;
            list.append(cells[wanted]).append('\n');
            if (++n >= max) break;
        }
        if (n < 2) {
            throw new CommandException(captions + ": only " + n + " training clip(s) with " + column + "=" + value
                + "; an exemplar set needs at least 2 (" + owner + ")");
        }
        Path out = corpus.resolve(content.prefix + column + "-" + value.replaceAll("[^A-Za-z0-9_-]", "_") + ".txt");
        AtomicFiles.writeText(out, list.toString());
        return out;
    }
}
