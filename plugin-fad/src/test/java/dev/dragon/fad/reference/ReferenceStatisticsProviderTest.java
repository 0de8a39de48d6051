package dev.dragon.fad.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.Audio;
import dev.dragon.fad.FakeEncoder;
import dev.dragon.io.SampleEncoding;
import dev.dragon.io.WavFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceStatisticsProviderTest {

    @TempDir
    Path dir;
    Path audio;
    Path cache;

    @BeforeEach
    void writeReferenceAudio() throws Exception {
        audio = Files.createDirectories(dir.resolve("refs"));
        cache = dir.resolve("cache");
        for (int i = 0; i < 4; i++) WavFile.write(audio.resolve("ref" + i + ".wav"), Audio.clip(i, 8 * 50, 0.1 * i), SampleEncoding.FLOAT_32);
        Files.writeString(audio.resolve("notes.txt"), "not audio: ignored");
    }

    @Test
    void audioFolderIsEmbeddedOnceThenServedFromTheCache() {
        FakeEncoder encoder = new FakeEncoder("fake", "fake@1", 8);
        ReferenceStatistics first = new ReferenceStatisticsProvider(new AudioFilesReferenceSet(audio), new ReferenceStatisticsStore(cache)).statisticsFor(encoder);
        assertEquals(4, encoder.calls.get());
        assertEquals(4 * 50, first.count());

        FakeEncoder again = new FakeEncoder("fake", "fake@1", 8);
        ReferenceStatistics cached = new ReferenceStatisticsProvider(new AudioFilesReferenceSet(audio), new ReferenceStatisticsStore(cache)).statisticsFor(again);
        assertEquals(0, again.calls.get());
        assertEquals(first, cached);
    }

    @Test
    void newEncoderVersionMissesTheCache() {
        ReferenceStatisticsStore store = new ReferenceStatisticsStore(cache);
        new ReferenceStatisticsProvider(new AudioFilesReferenceSet(audio), store).statisticsFor(new FakeEncoder("fake", "fake@1", 8));
        FakeEncoder newer = new FakeEncoder("fake", "fake@2", 8);
        ReferenceStatistics stats = new ReferenceStatisticsProvider(new AudioFilesReferenceSet(audio), store).statisticsFor(newer);
        assertEquals(4, newer.calls.get());
        assertEquals("fake@2", stats.encoderFingerprint());
    }

    @Test
    void listFileAndFolderHashAlikeAndContentChangesTheHash() throws Exception {
        Path list = dir.resolve("refs.txt");
        Files.writeString(list, "# reference clips\nrefs/ref0.wav\nrefs/ref1.wav\n\nrefs/ref2.wav\nrefs/ref3.wav\n");
        String folderHash = new AudioFilesReferenceSet(audio).contentHash();
        assertEquals(folderHash, new AudioFilesReferenceSet(list).contentHash());
        WavFile.write(audio.resolve("ref3.wav"), Audio.clip(99, 400, 0), SampleEncoding.FLOAT_32);
        assertNotEquals(folderHash, new AudioFilesReferenceSet(audio).contentHash());
    }

    @Test
    void captionsAreEmbeddedAsTextRows() throws Exception {
        Path captions = dir.resolve("captions.txt");
        Files.writeString(captions, "calm piano\n\nfast drums\nwarm strings\n");
        FakeEncoder encoder = new FakeEncoder("fake", "fake@1", 8);
        ReferenceStatistics stats = new ReferenceStatisticsProvider(new CaptionsReferenceSet(captions), new ReferenceStatisticsStore(cache)).statisticsFor(encoder);
        assertEquals(3, stats.count());
        assertEquals(3, encoder.calls.get());
    }

    @Test
    void statisticsFileFromAnotherEncoderIsRefused() throws Exception {
        Path file = dir.resolve("ref.stats");
        FakeEncoder old = new FakeEncoder("fake", "fake@1", 8);
        StatisticsFile.write(file, new AudioFilesReferenceSet(audio).compute(old, "h"));
        ReferenceStatisticsProvider provider = new ReferenceStatisticsProvider(new StatisticsFileReferenceSet(file), new ReferenceStatisticsStore(cache));
        assertEquals(200, provider.statisticsFor(old).count());
        var e = assertThrows(IllegalArgumentException.class, () -> provider.statisticsFor(new FakeEncoder("fake", "fake@2", 8)));
        assertTrue(e.getMessage().contains("fake@1") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void emptyFolderIsAnErrorNamingIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        var e = assertThrows(IllegalArgumentException.class, () -> new ReferenceStatisticsProvider(new AudioFilesReferenceSet(empty),
            new ReferenceStatisticsStore(cache)).statisticsFor(new FakeEncoder("fake", "fake@1", 8)));
        assertTrue(e.getMessage().startsWith("reference audio " + empty + ": empty set"), e.getMessage());
    }
}
