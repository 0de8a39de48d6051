package dev.dragon.diffusion.corpus;

import java.util.Locale;

/**
 * The provenance files of a corpus: {@code settings.json} (what decides the content of every clip; a resumed build
 * must find the same) and {@code manifest.json} (settings, counts, held-out cells, the hash of the file list and how
 * this build went).
 */
final class CorpusManifest {

    static final String SETTINGS_FILE = "settings.json";
    static final String MANIFEST_FILE = "manifest.json";
    static final String CHECKSUMS_FILE = "SHA256SUMS";

    private CorpusManifest() {
    }

    /** @return the text of {@code settings.json} */
    static String settings(CorpusPlan plan, MidiRenderer renderer, String renderFingerprint, double seconds) {
        return "{\n" + settingsFields(plan, renderer, renderFingerprint, seconds) + "\n}\n";
    }

    private static String settingsFields(CorpusPlan plan, MidiRenderer renderer, String renderFingerprint, double seconds) {
        String sha = renderer.soundbank().sha256();
        return String.join(",\n",
            "  \"generator\": " + Json.quote(CorpusPlan.GENERATOR_VERSION),
            "  \"seed\": " + plan.seed(),
            "  \"sampleRate\": " + renderer.sampleRate(),
            "  \"seconds\": " + seconds,
            "  \"channels\": 1",
            "  \"encoding\": \"PCM_16\"",
            "  \"soundbank\": " + Json.quote(renderer.soundbank().description()),
            "  \"soundbankSha256\": " + (sha == null ? "null" : Json.quote(sha)),
            "  \"renderFingerprint\": " + Json.quote(renderFingerprint));
    }

    /**
     * @param summary        how the build went
     * @param fileCount      number of files listed in {@code SHA256SUMS}
     * @param fileListSha256 SHA-256 of {@code SHA256SUMS}
     * @param threads        rendering threads
     * @return the text of {@code manifest.json}
     */
    static String manifest(CorpusPlan plan, MidiRenderer renderer, String renderFingerprint, double seconds, CorpusBuilder.Summary summary,
        int fileCount, String fileListSha256, int threads) {
        StringBuilder cells = new StringBuilder();
        for (AttributeCell c : plan.heldOutCells()) {
            if (cells.length() > 0) cells.append(",\n");
            cells.append("    {\"instrument\": ").append(Json.quote(lower(c.instrument())))
                .append(", \"tempo\": ").append(Json.quote(lower(c.tempoClass())))
                .append(", \"register\": ").append(Json.quote(lower(c.register())))
                .append(", \"dynamics\": ").append(Json.quote(lower(c.dynamics()))).append('}');
        }
        return "{\n" + settingsFields(plan, renderer, renderFingerprint, seconds) + ",\n"
            + "  \"trainClips\": " + plan.trainClips() + ",\n"
            + "  \"heldOutClips\": " + plan.heldOutClips() + ",\n"
            + "  \"heldOutCellPercent\": " + CorpusPlan.HELD_OUT_CELL_PERCENT + ",\n"
            + "  \"heldOutCells\": [\n" + cells + "\n  ],\n"
            + "  \"captions\": " + Json.quote(CaptionTable.CAPTIONS_FILE) + ",\n"
            + "  \"heldOutPrompts\": " + Json.quote(CaptionTable.HELD_OUT_PROMPTS_FILE) + ",\n"
            + "  \"fileList\": " + Json.quote(CHECKSUMS_FILE) + ",\n"
            + "  \"fileCount\": " + fileCount + ",\n"
            + "  \"fileListSha256\": " + Json.quote(fileListSha256) + ",\n"
            + "  \"lastBuild\": {\"clipsRendered\": " + summary.rendered() + ", \"clipsSkipped\": " + summary.skipped()
            + ", \"renderSeconds\": " + String.format(Locale.ROOT, "%.1f", summary.renderSeconds())
            + ", \"threads\": " + threads + ", \"java\": " + Json.quote(System.getProperty("java.version")) + "}\n"
            + "}\n";
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
