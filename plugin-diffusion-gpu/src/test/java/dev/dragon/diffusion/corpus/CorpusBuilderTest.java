package dev.dragon.diffusion.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.io.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusBuilderTest {

    @TempDir
    Path folder;

    private CorpusBuilder builder(long seed, int train, int heldOut) throws IOException {
        Files.createDirectories(folder);
        Files.copy(TestSoundbank.folder().resolve(SoundbankSource.FROZEN_EMERGENCY_FILE),
            folder.resolve(SoundbankSource.FROZEN_EMERGENCY_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        MidiRenderer renderer = new MidiRenderer(SoundbankSource.frozenEmergency(folder), MidiRenderer.DEFAULT_SAMPLE_RATE);
        return new CorpusBuilder(new CorpusPlan(seed, train, heldOut, new Composer()), renderer, Composer.DEFAULT_SECONDS, 2);
    }

    @Test
    void writesAudioCaptionsPromptsAndManifest() throws IOException {
        List<Integer> progress = new ArrayList<>();
        CorpusBuilder.Summary s = builder(4, 5, 3).build(folder, (done, total, skipped) -> progress.add(done));
        assertEquals(8, s.clips());
        assertEquals(8, s.rendered());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), progress);

        List<String> captions = Files.readAllLines(folder.resolve("captions.tsv"));
        assertEquals(9, captions.size());
        assertTrue(captions.get(0).startsWith("id\tsplit\tfile\tseed\tcaption\tinstrument"));
        for (String row : captions.subList(1, captions.size())) {
            String[] cells = row.split("\t", -1);
            assertEquals(captions.get(0).split("\t").length, cells.length, row);
            assertEquals(MidiRenderer.DEFAULT_SAMPLE_RATE, WavFile.header(folder.resolve(cells[2])).sampleRate());
        }
        List<String> prompts = Files.readAllLines(folder.resolve("prompts-heldout.tsv"));
        assertEquals(4, prompts.size());
        assertTrue(prompts.get(1).startsWith("heldout-000000\t"));

        String manifest = Files.readString(folder.resolve("manifest.json"));
        assertTrue(manifest.contains("\"seed\": 4,"), manifest);
        assertTrue(manifest.contains("\"trainClips\": 5,") && manifest.contains("\"heldOutClips\": 3,"), manifest);
        assertTrue(manifest.contains("\"generator\": \"" + CorpusPlan.GENERATOR_VERSION + "\""), manifest);
        assertTrue(manifest.contains("\"fileCount\": 12,"), manifest); // 8 clips, settings, captions, prompts, soundbank
        assertEquals(12, Files.readAllLines(folder.resolve("SHA256SUMS")).size());
    }

    @Test
    void rerunKeepsCompleteClipsAndRendersOnlyMissingOnes() throws IOException {
        builder(4, 5, 3).build(folder, (d, t, s) -> { });
        String sums = Files.readString(folder.resolve("SHA256SUMS"));
        Path kept = folder.resolve("audio/train-000000.wav");
        FileTime keptTime = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(kept, keptTime);
        Files.delete(folder.resolve("audio/train-000003.wav"));
        Files.write(folder.resolve("audio/heldout-000001.wav"), new byte[] {1, 2, 3}); // damaged: rendered again
        Path leftover = folder.resolve("audio/.train-000003.wav12345.part"); // a killed build's temporary file
        Files.write(leftover, new byte[] {1});

        CorpusBuilder.Summary s = builder(4, 5, 3).build(folder, (d, t, sk) -> { });
        assertEquals(2, s.rendered());
        assertEquals(6, s.skipped());
        assertEquals(keptTime, Files.getLastModifiedTime(kept));
        assertEquals(sums, Files.readString(folder.resolve("SHA256SUMS")));
        assertTrue(Files.notExists(leftover));
    }

    @Test
    void refusesAFolderBuiltWithOtherSettings() throws IOException {
        builder(4, 2, 1).build(folder, (d, t, s) -> { });
        IOException e = assertThrows(IOException.class, () -> builder(5, 2, 1).build(folder, (d, t, s) -> { }));
        assertTrue(e.getMessage().contains("other settings"), e.getMessage());
    }
}
