package dev.dragon.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.runtime.CommandException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's exemplar set: training clips of one attribute value, listed relative to the corpus folder. */
class DemoExemplarsTest {

    @TempDir
    Path corpus;

    /** A configuration with the annotation's defaults except {@code overrides} (keys are method names). */
    static DemoConfiguration config(Map<String, Object> overrides) {
        return (DemoConfiguration) Proxy.newProxyInstance(DemoConfiguration.class.getClassLoader(), new Class<?>[] {DemoConfiguration.class},
            (proxy, method, args) -> overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue());
    }

    @Test
    void listsTrainingClipsWithTheChosenValue() throws Exception {
        Files.writeString(corpus.resolve("captions.tsv"), String.join("\n",
            "id\tsplit\tfile\tseed\tcaption\tinstrument",
            "train-000000\ttrain\taudio/train-000000.wav\t1\ta piano\tpiano",
            "train-000001\ttrain\taudio/train-000001.wav\t2\ta violin\tviolin",
            "heldout-000000\theldout\taudio/heldout-000000.wav\t3\ta piano\tpiano",
            "train-000002\ttrain\taudio/train-000002.wav\t4\tanother piano\tpiano",
            "train-000003\ttrain\taudio/train-000003.wav\t5\ta third piano\tpiano", ""));
        Path list = DemoCommand.writeExemplarList(corpus, config(Map.of("exemplar_max", 2)));
        assertEquals(corpus.resolve("exemplars-instrument-piano.txt"), list);
        assertEquals(List.of("audio/train-000000.wav", "audio/train-000002.wav"), Files.readAllLines(list));

        CommandException e = assertThrows(CommandException.class,
            () -> DemoCommand.writeExemplarList(corpus, config(Map.of("exemplar_value", "tuba"))));
        assertTrue(e.getMessage().contains("only 0 training clip(s) with instrument=tuba"), e.getMessage());
        e = assertThrows(CommandException.class, () -> DemoCommand.writeExemplarList(corpus, config(Map.of("exemplar_column", "mood"))));
        assertTrue(e.getMessage().endsWith("no column 'mood' (columns: id, split, file, seed, caption, instrument)"), e.getMessage());
    }

    @Test
    void aCaptionSetListsTheCaptionsOfTheSameClips() throws Exception {
        Files.writeString(corpus.resolve("captions.tsv"), String.join("\n",
            "id\tsplit\tfile\tseed\tcaption\tinstrument",
            "train-000000\ttrain\taudio/train-000000.wav\t1\ta piano\tpiano",
            "train-000001\ttrain\taudio/train-000001.wav\t2\ta violin\tviolin",
            "heldout-000000\theldout\taudio/heldout-000000.wav\t3\ta held-out piano\tpiano",
            "train-000002\ttrain\taudio/train-000002.wav\t4\tanother piano\tpiano", ""));
        Path list = ExemplarSets.write(corpus, "instrument", "piano", 10, ExemplarSets.Content.CAPTIONS, "the test");
        assertEquals(corpus.resolve("captions-instrument-piano.txt"), list);
        assertEquals(List.of("a piano", "another piano"), Files.readAllLines(list));
        CommandException e = assertThrows(CommandException.class,
            () -> ExemplarSets.write(corpus, "instrument", "violin", 10, ExemplarSets.Content.CAPTIONS, "change reward.04"));
        assertTrue(e.getMessage().endsWith("only 1 training clip(s) with instrument=violin; an exemplar set needs at least 2 (change reward.04)"), e.getMessage());
    }
}
