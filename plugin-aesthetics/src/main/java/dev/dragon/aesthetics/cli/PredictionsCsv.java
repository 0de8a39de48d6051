package dev.dragon.aesthetics.cli;

import dev.dragon.aesthetics.data.RatingRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes an evaluation's predictions beside the ratings: {@code file,rating,prompt,predicted}, one row per clip. */
final class PredictionsCsv {

    private PredictionsCsv() {
    }

    /**
     * @param file      where to write (replaced atomically)
     * @param rows      the rated clips
     * @param predicted their predicted ratings, in the same order
     */
    static void write(Path file, List<RatingRow> rows, double[] predicted) throws IOException {
        StringBuilder b = new StringBuilder("file,rating,prompt,predicted\n");
        for (int i = 0; i < rows.size(); i++) {
            RatingRow r = rows.get(i);
            b.append(quote(r.file())).append(',').append(r.rating()).append(',').append(r.prompt() == null ? "" : quote(r.prompt())).append(',')
                .append(predicted[i]).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".part");
        try {
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Quotes a field that holds a comma or a quote, as the ratings reader expects. */
    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
