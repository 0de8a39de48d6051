package dev.dragon.clap.tower;

/**
 * The architecture of the built-in audio tower: how wide its layers are, plus the fixed input normalisation
 * measured on the training features. Everything {@link AudioTower} and its ONNX export need besides the weights.
 *
 * @param frames      feature frames per example (1001 for CLAP's 10 s at hop 480)
 * @param mels        mel bands (64)
 * @param timePooling frames averaged into one before the first convolution (a cheap 4× cut in compute)
 * @param channels    output channels of the three convolutions (kernel 3, "same" padding, each followed by ReLU;
 *                    the first two by a max-pool of 2)
 * @param hidden      width of the hidden layer of the projection head
 * @param dimension   embedding dimension (the text encoder's: 384 for MiniLM)
 * @param inputOffset subtracted from every feature (dB) before scaling: the training features' mean
 * @param inputScale  the training features' standard deviation (dB)
 */
public record TowerShape(int frames, int mels, int timePooling, int[] channels, int hidden, int dimension,
                         float inputOffset, float inputScale) {

    /** Checks the sizes. */
    public TowerShape {
        if (frames < 1 || mels < 1 || timePooling < 1 || hidden < 1 || dimension < 1) throw new IllegalArgumentException("sizes must be positive");
        if (channels.length != 3) throw new IllegalArgumentException("the tower has three convolutions, got " + channels.length + " widths");
        if (frames / timePooling / 4 < 1) throw new IllegalArgumentException(frames + " frames are too few for pooling " + timePooling + " then 2 × 2");
        if (!(inputScale > 0)) throw new IllegalArgumentException("inputScale must be positive, got " + inputScale);
        channels = channels.clone();
    }

    /**
     * The shape shipped as {@code builtin-clap-audio}: CLAP's [1001, 64] features into MiniLM's 384 dimensions.
     *
     * @param inputOffset the training features' mean (dB)
     * @param inputScale  their standard deviation (dB)
     * @return the shape
     */
    public static TowerShape builtin(float inputOffset, float inputScale) {
        return new TowerShape(1001, 64, 4, new int[] {128, 128, 192}, 384, 384, inputOffset, inputScale);
    }

    @Override
    public int[] channels() {
        return channels.clone();
    }

    /** @return the pooled feature width fed to the head: mean and max over time of the last convolution */
    public int pooledWidth() {
        return 2 * channels[2];
    }

    /** @return a short description for logs and provenance */
    public String describe() {
        return "frames=" + frames + ",mels=" + mels + ",timePooling=" + timePooling + ",channels=" + channels[0] + "/" + channels[1] + "/"
            + channels[2] + ",hidden=" + hidden + ",dimension=" + dimension + ",offset=" + inputOffset + ",scale=" + inputScale;
    }
}
