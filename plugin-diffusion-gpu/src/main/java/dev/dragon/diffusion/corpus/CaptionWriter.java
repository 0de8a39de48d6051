package dev.dragon.diffusion.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a caption from a composition's {@link Attributes}: varied wording, fixed facts. Every caption names the
 * melody instrument, the tempo band, the dynamics, the register and the key with its mode, and every other part
 * that plays (chords with their instrument and style, bass, drums), or says that the instrument plays alone.
 * Rhythm, contour, meter, exact tempo and the chords heard are added only sometimes, and only when true.
 *
 * <p>Shape: {@code <core>[<parts>][, <detail>]…}, where the core is one of four templates, e.g.
 * "a slow, quiet low piano melody in D minor with strings holding the chords, at 66 BPM".
 */
public final class CaptionWriter {

    private static final String[] WITH = {" with ", ", accompanied by ", " over "};
    private static final String[] ALONE = {", played solo", ", unaccompanied", " with no accompaniment"};

    private CaptionWriter() {
    }

    /**
     * @param composition the piece (its attributes and length decide what may be said)
     * @param random      the source of wording choices (advanced by this call)
     * @return the caption, lower case at the start, no final full stop
     */
    public static String caption(Composition composition, SplittableRandom random) {
        Attributes a = composition.attributes();
        String tempo = pick(random, a.tempoClass().adjectives());
        String dynamics = pick(random, a.dynamics().adjectives());
        String register = pick(random, a.register().adjectives());
        String instrument = a.instrument().noun();
        String key = a.tonic().spelling() + " " + a.mode().word();
        StringBuilder s = new StringBuilder();
        int template = random.nextInt(4);
        switch (template) {
            case 0 -> s.append(article(tempo)).append(' ').append(tempo).append(", ").append(dynamics).append(' ')
                .append(register).append(' ').append(instrument).append(" melody in ").append(key);
            case 1 -> s.append(key).append(": ").append(article(dynamics)).append(' ').append(dynamics).append(' ')
                .append(instrument).append(" plays ").append(article(tempo)).append(' ').append(tempo).append(' ')
                .append(register).append(" melody");
            case 2 -> s.append(dynamics).append(' ').append(register).append(' ').append(instrument).append(" in ")
                .append(key).append(", ").append(tempo);
            default -> s.append(article(tempo)).append(' ').append(tempo).append(" piece in ").append(key)
                .append(" with ").append(article(dynamics)).append(' ').append(dynamics).append(' ').append(instrument)
                .append(" melody in the ").append(a.register().word()).append(" register");
        }
        List<String> parts = accompanyingParts(a);
        String link = parts.isEmpty() ? pick(random, ALONE) : pick(random, WITH);
        // template 2 ends with the tempo adjective: "..., brisk with strings" would read as "brisk with strings"
        if (template == 2 && link.startsWith(" ")) link = "," + link;
        if (template == 3 && link.equals(" with ")) link = ", accompanied by "; // template 3 already says "with"
        s.append(link);
        if (!parts.isEmpty()) s.append(joinAnd(parts));
        List<String> details = new ArrayList<>();
        if (random.nextInt(2) == 0) details.add("in " + a.rhythm().phrase());
        if (random.nextInt(10) < 3) details.add("the melody " + a.contour().verbPhrase());
        if (a.meter() == Meter.THREE_FOUR ? random.nextInt(10) < 6 : random.nextInt(10) == 0) {
            details.add("in " + a.meter().signature() + " time");
        }
        if (random.nextInt(10) < 3) details.add("at " + a.bpm() + " BPM");
        int chordsHeard = (int) Math.min(a.progression().degrees().length, Math.ceil(composition.beats() / a.meter().beatsPerChord()));
        if (!parts.isEmpty() && chordsHeard >= 2 && random.nextInt(4) == 0) {
            details.add("following the chords " + a.progression().numerals(a.mode(), chordsHeard));
        }
        for (String d : details) s.append(", ").append(d);
        return s.toString();
    }

    /** The other parts as noun phrases, e.g. "strings holding the chords", "an upright bass". */
    static List<String> accompanyingParts(Attributes a) {
        List<String> parts = new ArrayList<>();
        if (a.accompaniment() != Accompaniment.NONE) {
            parts.add(a.accompanimentInstrument().noun() + " " + a.accompaniment().verbPhrase());
        }
        if (a.bass()) parts.add("an upright bass");
        if (a.drums() != DrumPattern.NONE) parts.add(a.drums().nounPhrase());
        return parts;
    }

    private static String joinAnd(List<String> items) {
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
