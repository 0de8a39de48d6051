package dev.dragon.diffusion.cli;

import dev.dragon.api.AudioClip;
import dev.dragon.io.Resampler;
import dev.dragon.io.WavFile;
import dev.dragon.runtime.CommandException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The training split of a built-in corpus folder: captions from {@code captions.tsv} and their clips. */
record TrainingCorpus(List<String> captions, float[][] clips) {

    /** Reads the rows of split {@code train} (at most {@code limit}), resampled to {@code rate}, mono. */
    static TrainingCorpus read(Path folder, int rate, int limit) throws CommandException, IOException {
        Path table = folder.resolve("captions.tsv");
        List<String> lines;
        try {
            lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandException(folder + " is not a corpus folder: no captions.tsv (build one with: dragon corpus --out DIR)");
        }
        if (lines.isEmpty()) throw new CommandException(table + " is empty");
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int split = header.indexOf("split");
        int file = header.indexOf("file");
        int caption = header.indexOf("caption");
        if (split < 0 || file < 0 || caption < 0) throw new CommandException(table + ": header needs split, file and caption columns");
        List<String> captions = new ArrayList<>();
        List<float[]> clips = new ArrayList<>();
        for (int i = 1; i < lines.size() && captions.size() < limit; i++) {
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != header.size()) throw new CommandException(table + " line " + (i + 1) + ": expected "
                + header.size() + " columns, found " + cells.length);
            if (!cells[split].equals("train")) continue;
            AudioClip clip = WavFile.read(folder.resolve(cells[file]));
            clips.add(Resampler.resample(clip.downmix(), rate).channel(0));
            captions.add(cells[caption]);
        }
        if (captions.isEmpty()) throw new CommandException(table + " has no training rows");
        return new TrainingCorpus(captions, clips.toArray(float[][]::new));
    }
}
