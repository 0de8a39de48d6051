package dev.dragon.diffusion.corpus;

import java.util.List;
import java.util.Locale;

/**
 * The corpus's text files: {@code captions.tsv} (one row per clip: id, split, file, seed, caption, then every
 * attribute in its own column) and {@code prompts-heldout.tsv} (id and caption of the held-out clips, the prompt
 * set for evaluation). Tab-separated with a header row; captions never contain tabs or line breaks.
 */
final class CaptionTable {

    static final String CAPTIONS_FILE = "captions.tsv";
    static final String HELD_OUT_PROMPTS_FILE = "prompts-heldout.tsv";

    private static final String[] COLUMNS = {"id", "split", "file", "seed", "caption", "instrument", "program",
        "tempo", "bpm", "key", "mode", "register", "dynamics", "meter", "rhythm", "contour", "progression", "chords",
        "accompaniment", "accompaniment_instrument", "accompaniment_program", "bass", "drums"};

    private CaptionTable() {
    }

    /** @return the text of {@code captions.tsv} */
    static String captions(List<ClipSpec> clips) {
        StringBuilder s = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (ClipSpec c : clips) {
            Attributes a = c.composition().attributes();
            AccompanimentInstrument chords = a.accompanimentInstrument();
            row(s, c.id(), c.split().label(), c.file(), Long.toString(c.seed()), c.caption(), lower(a.instrument()),
                Integer.toString(a.instrument().program()), lower(a.tempoClass()), Integer.toString(a.bpm()),
                a.tonic().spelling(), lower(a.mode()), lower(a.register()), lower(a.dynamics()), a.meter().signature(),
                lower(a.rhythm()), lower(a.contour()), lower(a.progression()),
                a.progression().numerals(a.mode(), a.progression().degrees().length), lower(a.accompaniment()),
                chords == null ? "none" : lower(chords), chords == null ? "" : Integer.toString(chords.program()),
                Boolean.toString(a.bass()), lower(a.drums()));
        }
        return s.toString();
    }

    /** @return the text of {@code prompts-heldout.tsv} */
    static String heldOutPrompts(List<ClipSpec> clips) {
        StringBuilder s = new StringBuilder("id\tcaption\n");
        for (ClipSpec c : clips) {
            if (c.split() == Split.HELDOUT) row(s, c.id(), c.caption());
        }
        return s.toString();
    }

    private static void row(StringBuilder s, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].indexOf('\t') >= 0 || cells[i].indexOf('\n') >= 0) {
                throw new IllegalArgumentException("tab or line break in a table cell: " + cells[i]);
            }
            if (i > 0) s.append('\t');
            s.append(cells[i]);
        }
        s.append('\n');
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
