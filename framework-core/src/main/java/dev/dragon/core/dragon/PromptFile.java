package dev.dragon.core.dragon;

import dev.dragon.api.Prompt;
import dev.dragon.io.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads prompt files: a tab-separated table with a header row naming a {@code caption} (or {@code prompt},
 * {@code text}) column and optionally {@code id} and {@code split} columns — the corpus's {@code captions.tsv} and
 * {@code prompts-heldout.tsv} — or plain text, one prompt a line (ids {@code line-N}). Blank lines and lines
 * starting with {@code #} are skipped.
 */
public final class PromptFile {

    private PromptFile() {
    }

    /**
     * @param file  the prompt file
     * @param split when the table has a {@code split} column and some row carries this value, only those rows
     *              (e.g. {@code train} from {@code captions.tsv}); null for every row
     * @return the prompts, in file order
     * @throws IOException when the file is missing, empty, or malformed (the message names the file and line)
     */
    public static List<Prompt> read(Path file, String split) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, "no such file");
        }
        List<String> content = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (content.isEmpty()) throw new InputFormatException(file, "no prompts in it");
        List<String> header = Arrays.asList(content.get(0).split("\t", -1));
        int text = indexOf(header, "caption", "prompt", "text");
        List<Prompt> prompts = new ArrayList<>();
        if (!content.get(0).contains("\t") || text < 0) {
            int n = 0;
            for (String l : lines) {
                n++;
                if (!l.isBlank() && !l.startsWith("#")) prompts.add(new Prompt("line-" + n, l.strip()));
            }
            return prompts;
        }
        int id = indexOf(header, "id");
        int splitColumn = indexOf(header, "split");
        boolean filter = split != null && splitColumn >= 0
            && content.stream().skip(1).anyMatch(l -> cell(l, splitColumn).equals(split));
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < content.size(); i++) {
            String[] cells = content.get(i).split("\t", -1);
            if (cells.length != header.size()) {
                throw new InputFormatException(file, "row " + (i + 1) + " has " + cells.length + " columns, the header " + header.size());
            }
            if (filter && !cells[splitColumn].equals(split)) continue;
            String pid = id >= 0 ? cells[id] : "row-" + (i + 1);
            if (!seen.add(pid)) throw new InputFormatException(file, "prompt id '" + pid + "' appears twice");
            if (cells[text].isBlank()) throw new InputFormatException(file, "row " + (i + 1) + " has an empty prompt");
            prompts.add(new Prompt(pid, cells[text]));
        }
        if (prompts.isEmpty()) throw new InputFormatException(file, "no prompts" + (split == null ? "" : " in split '" + split + "'"));
        return prompts;
    }

    private static String cell(String line, int column) {
        String[] cells = line.split("\t", -1);
        return column < cells.length ? cells[column] : "";
    }

    private static int indexOf(List<String> header, String... names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) return i;
        }
        return -1;
    }
}
