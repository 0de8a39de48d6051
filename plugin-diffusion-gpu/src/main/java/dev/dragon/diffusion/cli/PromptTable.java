package dev.dragon.diffusion.cli;

import dev.dragon.api.Prompt;
import dev.dragon.runtime.CommandException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A tab-separated prompt file with a header naming columns {@code id} and {@code caption} (or {@code prompt}). */
final class PromptTable {

    private PromptTable() {
    }

    /** The first {@code limit} prompts of {@code file}; a malformed file fails with one line naming the line. */
    static List<Prompt> read(Path file, int limit) throws CommandException, IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandException(file + ": no such file");
        }
        if (lines.isEmpty()) throw new CommandException(file + " is empty");
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int id = header.indexOf("id");
        int text = header.contains("caption") ? header.indexOf("caption") : header.indexOf("prompt");
        if (id < 0 || text < 0) throw new CommandException(file + ": the header needs an 'id' and a 'caption' column");
        List<Prompt> prompts = new ArrayList<>();
        for (int i = 1; i < lines.size() && prompts.size() < limit; i++) {
            if (lines.get(i).isBlank()) continue;
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != header.size()) throw new CommandException(file + " line " + (i + 1) + ": expected "
                + header.size() + " columns, found " + cells.length);
            prompts.add(new Prompt(cells[id], cells[text]));
        }
        if (prompts.isEmpty()) throw new CommandException(file + " has no prompts");
        return prompts;
    }
}
