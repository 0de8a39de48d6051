package dev.dragon.diffusion.model;

/**
 * The shape of a {@link MelAutoencoder}: log-mel frames are grouped into patches of {@code patchFrames} frames, and
 * each patch is squeezed through two hidden layers into {@code latentChannels} numbers.
 *
 * @param melBands bands per log-mel frame
 * @param frames log-mel frames per clip (a multiple of the patch)
 * @param patchFrames frames per latent frame
 * @param hidden width of the hidden layers
 * @param latentChannels channels per latent frame
 */
public record AutoencoderConfig(int melBands, int frames, int patchFrames, int hidden, int latentChannels) {

    static final int LAYOUT_VERSION = 1;

    public AutoencoderConfig {
        if (melBands < 1 || frames < 1 || patchFrames < 1 || hidden < 1 || latentChannels < 1) {
            throw new IllegalArgumentException("autoencoder sizes must be positive: " + this);
        }
        if (frames % patchFrames != 0) {
            throw new IllegalArgumentException(frames + " frames do not split into patches of " + patchFrames);
        }
    }

    /** Latent frames per clip. */
    public int latentFrames() {
        return frames / patchFrames;
    }

    /** Numbers per patch. */
    public int patchSize() {
        return patchFrames * melBands;
    }

    /** A one-line description that identifies the parameter layout. */
    public String architecture() {
        return "mel-patch-autoencoder/" + LAYOUT_VERSION + " bands=" + melBands + " frames=" + frames + " patch="
            + patchFrames + " hidden=" + hidden + " latent=" + latentChannels;
    }
}
