package dev.dragon.api;

/** The preference losses a {@link Generator} trains with (see the DRAGON brief, section 3). */
public enum LossType {
    /** Diffusion-DPO: paired winners and losers against the frozen reference model. */
    DPO,
    /** Diffusion-KTO: unpaired examples labelled desirable or undesirable. */
    KTO
}
