package dev.dragon.clap.onnx;

/**
 * How ONNX Runtime sessions run.
 *
 * @param intraOpThreads threads inside one operator; 0 lets ONNX Runtime choose
 * @param useCuda        use the CUDA execution provider when this ONNX Runtime build offers it (falls back to CPU)
 */
public record SessionSettings(int intraOpThreads, boolean useCuda) {

    /** Checks the thread count. */
    public SessionSettings {
        if (intraOpThreads < 0) throw new IllegalArgumentException("intraOpThreads must be >= 0, got " + intraOpThreads);
    }

    /** @return ONNX Runtime's own thread choice, CPU only */
    public static SessionSettings defaults() {
        return new SessionSettings(0, false);
    }
}
