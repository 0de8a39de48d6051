package dev.dragon.diffusion.model;

/**
 * The shape of a {@link LatentDenoiser}: the latent it denoises (frames × channels), the text-embedding size it is
 * conditioned on, and the transformer's width, depth, heads and feed-forward size.
 *
 * @param latentFrames tokens per latent (time frames)
 * @param latentChannels channels per latent frame
 * @param conditionDimension size of the text embedding the condition is projected from
 * @param width transformer model width (even: half sine, half cosine time features)
 * @param layers transformer encoder layers
 * @param heads attention heads (divides width)
 * @param feedForward hidden size of each layer's feed-forward block
 */
public record DenoiserConfig(int latentFrames, int latentChannels, int conditionDimension, int width, int layers,
                             int heads, int feedForward) {

    /** Version of the block layout; part of {@link #architecture()} so weights of an older layout are refused. */
    static final int LAYOUT_VERSION = 1;

    public DenoiserConfig {
        if (latentFrames < 1 || latentChannels < 1 || conditionDimension < 1 || layers < 0 || heads < 1 || feedForward < 1) {
            throw new IllegalArgumentException("denoiser sizes must be positive: " + this);
        }
        if (width < 2 || width % 2 != 0) throw new IllegalArgumentException("width must be even, got " + width);
        if (width % heads != 0) throw new IllegalArgumentException("width " + width + " is not divisible by " + heads + " heads");
    }

    /** A one-line description that identifies the parameter layout: equal strings ⇔ interchangeable weights. */
    public String architecture() {
        return "latent-transformer-denoiser/" + LAYOUT_VERSION + " frames=" + latentFrames + " channels=" + latentChannels
            + " condition=" + conditionDimension + " width=" + width + " layers=" + layers + " heads=" + heads
            + " feedForward=" + feedForward;
    }
}
