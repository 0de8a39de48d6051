package dev.dragon.aesthetics.data;

import dev.dragon.io.InputFormatException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a ratings file: comma-separated {@code file,rating} or {@code file,rating,prompt} rows, UTF-8.
 * <ul>
 *   <li>An optional header row names the columns ({@code file|audio|path}, {@code rating|score},
 *       {@code prompt|prompt_id|group}).</li>
 *   <li>Blank lines and lines starting with {@code #} are skipped. Fields may be double-quoted ({@code ""} inside
 *       quotes is one quote), and are trimmed.</li>
 *   <li>Relative audio paths are relative to the ratings file's folder.</li>
 *   <li>Every row has the same number of columns as the first row.</li>
 * </ul>
 * Any problem fails with one line naming the file, the line number and the problem, e.g.
 * {@code ratings.csv: line 7: rating 'good' is not a number}.
 */
public final class RatingsCsv {

    private static final Set<String> FILE_NAMES = Set.of("file", "audio", "path");
    private static final Set<String> RATING_NAMES = Set.of("rating", "score");
    private static final Set<String> PROMPT_NAMES = Set.of("prompt", "prompt_id", "group");

    private RatingsCsv() {
    }

    /**
     * @param csv the ratings file
     * @return its rows, in order, at least one
     * @throws IOException ({@link InputFormatException}) for a missing or malformed file, a missing audio file, a
     *                     non-numeric rating or a wrong column count
     */
    public static List<RatingRow> read(Path csv) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(csv, "no such file");
        } catch (MalformedInputException e) {
            throw new InputFormatException(csv, "not UTF-8 text");
        }
        Path folder = csv.toAbsolutePath().getParent();
        List<RatingRow> rows = new ArrayList<>();
        int columns = 0;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            List<String> fields = split(line, csv, lineNumber);
            if (columns == 0) {
                if (fields.size() != 2 && fields.size() != 3) {
                    throw problem(csv, lineNumber, "expected 2 columns (file, rating) or 3 (file, rating, prompt), got " + fields.size());
                }
                columns = fields.size();
                if (isHeader(fields)) continue;
            } else if (fields.size() != columns) {
                throw problem(csv, lineNumber, "expected " + columns + " columns (" + (columns == 2 ? "file, rating" : "file, rating, prompt")
                    + ") like the first row, got " + fields.size());
            }
            rows.add(row(fields, folder, csv, lineNumber));
        }
        if (rows.isEmpty()) throw new InputFormatException(csv, "no rating rows");
        return rows;
    }

    private static RatingRow row(List<String> fields, Path folder, Path csv, int line) throws InputFormatException {
        String file = fields.get(0);
        if (file.isEmpty()) throw problem(csv, line, "empty audio file name");
        double rating;
        try {
            rating = Double.parseDouble(fields.get(1));
        } catch (NumberFormatException e) {
            throw problem(csv, line, "rating '" + fields.get(1) + "' is not a number");
        }
        if (!Double.isFinite(rating)) throw problem(csv, line, "rating '" + fields.get(1) + "' is not a finite number");
        String prompt = null;
        if (fields.size() == 3) {
            prompt = fields.get(2);
            if (prompt.isEmpty()) throw problem(csv, line, "empty prompt id");
        }
        Path path;
        try {
            path = folder.resolve(file).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw problem(csv, line, "'" + file + "' is not a valid path");
        }
        if (!Files.isRegularFile(path)) throw problem(csv, line, "audio file '" + file + "' not found (" + path + ")");
        return new RatingRow(line, file, path, rating, prompt);
    }

    private static boolean isHeader(List<String> fields) {
        boolean names = FILE_NAMES.contains(fields.get(0).toLowerCase(Locale.ROOT)) && RATING_NAMES.contains(fields.get(1).toLowerCase(Locale.ROOT));
        return names && (fields.size() == 2 || PROMPT_NAMES.contains(fields.get(2).toLowerCase(Locale.ROOT)));
    }

    /** Splits one line at commas outside double quotes; fields are trimmed. */
    static List<String> split(String line, Path csv, int lineNumber) throws InputFormatException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw problem(csv, lineNumber, "text after a closing quote in column " + (fields.size() + 1));
            } else if (!wasQuoted) {
                field.append(c);
            }
        }
        if (quoted) throw problem(csv, lineNumber, "unterminated quote in column " + (fields.size() + 1));
        fields.add(wasQuoted ? field.toString() : field.toString().trim());
        return fields;
    }

    private static InputFormatException problem(Path csv, int line, String what) {
        return new InputFormatException(csv, "line " + line + ": " + what);
    }
}
