package dev.dragon.clap.tower;

import dev.dragon.io.InputFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the clip list of a corpus folder made by {@code dragon corpus}: {@code captions.tsv} with a header row
 * naming at least the columns {@code id}, {@code split} ({@code train} or {@code heldout}), {@code file} (relative
 * to the folder) and {@code caption}. Any other columns are ignored.
 */
public final class CaptionedCorpus {

    /** The clip table's file name. */
    public static final String CAPTIONS = "captions.tsv";

    private CaptionedCorpus() {
    }

    /**
     * @param folder the corpus folder
     * @return every clip, in file order
     * @throws InputFormatException naming the file (and line) when the table is missing or malformed, or a clip's
     *                              audio file is missing
     * @throws IOException          when it cannot be read
     */
    public static List<CaptionedClip> read(Path folder) throws IOException {
        Path table = folder.resolve(CAPTIONS);
        if (!Files.isRegularFile(table)) throw new InputFormatException(folder, "no " + CAPTIONS + " here (make a corpus with: dragon corpus --out DIR)");
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new InputFormatException(table, "empty file, expected a header row");
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int id = column(table, header, "id");
        int split = column(table, header, "split");
        int file = column(table, header, "file");
        int caption = column(table, header, "caption");
        List<CaptionedClip> clips = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) continue;
            String[] cells = lines.get(n).split("\t", -1);
            if (cells.length < header.size()) {
                throw new InputFormatException(table, "line " + (n + 1) + " has " + cells.length + " columns, the header has " + header.size());
            }
            String s = cells[split];
            if (!s.equals("train") && !s.equals("heldout")) {
                throw new InputFormatException(table, "line " + (n + 1) + ": split must be 'train' or 'heldout', not '" + s + "'");
            }
            if (cells[caption].isBlank()) throw new InputFormatException(table, "line " + (n + 1) + ": empty caption");
            Path audio = folder.resolve(cells[file]);
            if (!Files.isRegularFile(audio)) throw new InputFormatException(table, "line " + (n + 1) + ": audio file " + audio + " does not exist");
            clips.add(new CaptionedClip(cells[id], s.equals("heldout"), audio, cells[caption]));
        }
        if (clips.isEmpty()) throw new InputFormatException(table, "no clips listed");
        return clips;
    }

    private static int column(Path table, List<String> header, String name) throws InputFormatException {
        int i = header.indexOf(name);
        if (i < 0) throw new InputFormatException(table, "line 1: no '" + name + "' column (the header has " + header + ")");
        return i;
    }
}
