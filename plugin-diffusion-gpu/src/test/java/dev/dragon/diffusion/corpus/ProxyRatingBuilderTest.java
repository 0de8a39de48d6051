package dev.dragon.diffusion.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.io.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy rating set: plan, ratings rule, files, and byte-for-byte determinism from the seed. */
class ProxyRatingBuilderTest {

    @TempDir
    Path tmp;

    private ProxyRatingBuilder.Summary build(Path folder, long seed, int clips, int copies, int threads) throws IOException {
        Files.createDirectories(folder);
        Files.copy(TestSoundbank.folder().resolve(SoundbankSource.FROZEN_EMERGENCY_FILE), folder.resolve(SoundbankSource.FROZEN_EMERGENCY_FILE),
            StandardCopyOption.REPLACE_EXISTING);
        MidiRenderer renderer = new MidiRenderer(SoundbankSource.frozenEmergency(folder), 8000);
        ProxyRatingPlan plan = new ProxyRatingPlan(seed, clips, copies, new Composer(1.0));
        return new ProxyRatingBuilder(plan, renderer, 1.0, threads).build(folder, (d, t, s) -> { });
    }

    @Test
    void planDrawsDistinctPairsPerPieceIndependentOfTheNumberOfPieces() {
        ProxyRatingPlan small = new ProxyRatingPlan(1, 2, 6, new Composer(1.0)), large = new ProxyRatingPlan(1, 50, 6, new Composer(1.0));
        assertEquals(small.itemsOf(1), large.itemsOf(1));
        List<ProxyItem> all = new ProxyRatingPlan(1, 1, ProxyRatingPlan.PAIRS, new Composer(1.0)).itemsOf(0);
        assertEquals(1 + ProxyRatingPlan.PAIRS, all.size());
        Set<String> pairs = new HashSet<>();
        for (ProxyItem item : all.subList(1, all.size())) {
            assertTrue(pairs.add(item.degradation() + "/" + item.severity()));
            assertEquals(4 - item.severity(), item.rating());
        }
        assertEquals(4, all.get(0).rating(), "clean is rated highest");
    }

    @Test
    void writesRatedWavsThatDifferFromTheCleanOneAndRepeatsBitForBit() throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
        ProxyRatingBuilder.Summary s = build(a, 3, 2, 4, 2);
        assertEquals(10, s.items());
        List<String> ratings = Files.readAllLines(a.resolve(ProxyRatingBuilder.RATINGS_FILE));
        assertEquals("file,rating,prompt", ratings.get(0));
        assertEquals(11, ratings.size());
        assertEquals("audio/clip-000000-clean.wav,4,clip-000000", ratings.get(1));
        float[] clean = WavFile.read(a.resolve("audio/clip-000000-clean.wav")).channel(0);
        for (String row : ratings.subList(2, 6)) {
            String[] cells = row.split(",");
            assertEquals("clip-000000", cells[2]);
            assertTrue(Integer.parseInt(cells[1]) >= 1 && Integer.parseInt(cells[1]) <= 3, row);
            float[] spoilt = WavFile.read(a.resolve(cells[0])).channel(0);
            assertEquals(clean.length, spoilt.length);
            assertTrue(!Arrays.equals(clean, spoilt), cells[0] + " differs from the clean render");
        }
        assertEquals(11, Files.readAllLines(a.resolve(ProxyRatingBuilder.ITEMS_FILE)).size());
        assertTrue(Files.readString(a.resolve(ProxyRatingBuilder.SETTINGS_FILE)).contains("PROXY for taste"));

        build(b, 3, 2, 4, 1);
        assertEquals(Files.readString(a.resolve(ProxyRatingBuilder.CHECKSUMS_FILE)), Files.readString(b.resolve(ProxyRatingBuilder.CHECKSUMS_FILE)),
            "same seed, one thread instead of two: same bytes");
        build(c, 4, 2, 4, 2);
        assertNotEquals(Files.readString(a.resolve(ProxyRatingBuilder.CHECKSUMS_FILE)), Files.readString(c.resolve(ProxyRatingBuilder.CHECKSUMS_FILE)));

        IOException other = assertThrows(IOException.class, () -> build(a, 5, 2, 4, 1));
        assertTrue(other.getMessage().contains("made with other settings"), other.getMessage());
    }
}
