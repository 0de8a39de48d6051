package dev.dragon.diffusion.corpus;

/**
 * One planned clip of a corpus: everything needed to render it and describe it.
 *
 * @param id          unique name, also the WAV file's base name, e.g. {@code train-000042}
 * @param split       training or held-out
 * @param seed        the clip's own seed, derived from the corpus seed, split and index
 * @param composition the piece
 * @param caption     the text describing it
 */
public record ClipSpec(String id, Split split, long seed, Composition composition, String caption) {

    /** @return the WAV file's path relative to the corpus folder */
    public String file() {
        return "audio/" + id + ".wav";
    }
}
