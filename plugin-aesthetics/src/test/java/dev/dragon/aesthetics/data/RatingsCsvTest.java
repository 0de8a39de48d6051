package dev.dragon.aesthetics.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dragon.aesthetics.TestAudio;
import dev.dragon.io.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ratings files: the accepted forms, and each kind of bad row named by its line number. */
class RatingsCsvTest {

    @TempDir
    Path tmp;
    Path csv;

    @BeforeEach
    void audio() throws IOException {
        Files.createDirectories(tmp.resolve("audio"));
        TestAudio.write(tmp.resolve("audio/a.wav"), 440, 0, 1);
        TestAudio.write(tmp.resolve("audio/b, with comma.wav"), 440, 0.1, 2);
        csv = tmp.resolve("ratings.csv");
    }

    private List<RatingRow> read(String text) throws IOException {
        Files.writeString(csv, text);
        return RatingsCsv.read(csv);
    }

    private String error(String text) {
        return assertThrows(InputFormatException.class, () -> read(text)).getMessage();
    }

    @Test
    void headerCommentsQuotesAndRelativePaths() throws IOException {
        List<RatingRow> rows = read("file,rating,prompt\n# a comment\n\naudio/a.wav, 4.5 ,p1\n\"audio/b, with comma.wav\",1e0,\"p \"\"2\"\"\"\n");
        assertEquals(2, rows.size());
        assertEquals(4, rows.get(0).line());
        assertEquals(tmp.resolve("audio/a.wav"), rows.get(0).path());
        assertEquals(4.5, rows.get(0).rating());
        assertEquals("p1", rows.get(0).prompt());
        assertEquals("audio/b, with comma.wav", rows.get(1).file());
        assertEquals("p \"2\"", rows.get(1).prompt());
        List<RatingRow> two = read(tmp.resolve("audio/a.wav") + ",3\n");
        assertNull(two.get(0).prompt());
    }

    @Test
    void eachBadRowIsNamedByItsLineNumber() {
        assertEquals(csv + ": line 3: audio file 'audio/missing.wav' not found (" + tmp.resolve("audio/missing.wav") + ")",
            error("file,rating\naudio/a.wav,1\naudio/missing.wav,2\n"));
        assertEquals(csv + ": line 2: rating 'good' is not a number", error("audio/a.wav,1\naudio/a.wav,good\n"));
        assertEquals(csv + ": line 2: rating 'NaN' is not a finite number", error("audio/a.wav,1\naudio/a.wav,NaN\n"));
        assertEquals(csv + ": line 2: expected 3 columns (file, rating, prompt) like the first row, got 2",
            error("audio/a.wav,1,p\naudio/a.wav,2\n"));
        assertEquals(csv + ": line 1: expected 2 columns (file, rating) or 3 (file, rating, prompt), got 4", error("a,1,p,extra\n"));
        assertEquals(csv + ": line 1: expected 2 columns (file, rating) or 3 (file, rating, prompt), got 1", error("audio/a.wav\n"));
        assertEquals(csv + ": line 1: unterminated quote in column 1", error("\"audio/a.wav,1\n"));
        assertEquals(csv + ": line 1: empty prompt id", error("audio/a.wav,1,\n"));
        assertEquals(csv + ": no rating rows", error("file,rating\n"));
        assertEquals(tmp.resolve("none.csv") + ": no such file",
            assertThrows(InputFormatException.class, () -> RatingsCsv.read(tmp.resolve("none.csv"))).getMessage());
    }
}
