package dev.dragon.itest;

import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Generator;
import dev.dragon.api.LossSettings;
import dev.dragon.api.PreferenceBatch;
import dev.dragon.api.SamplingRequest;
import dev.dragon.api.TrainingStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ToneGenerator} that stops inside one preference update until the test opens the gate: the test changes
 * plugins at a known point of the run (after iteration {@code gateAfter} scored, before its row is written), so the
 * next iteration boundary is the first to see the change. The gate opens by itself after a minute, so a failing test
 * never hangs the suite.
 */
final class GatedGenerator implements Generator {

    static final String ID = "itest-gated-tone";

    private final ToneGenerator tone = new ToneGenerator(ID, 3_000);
    private final int gateAfter;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);
    volatile int updates;

    /** @param gateAfter the update (1-based) that waits for {@link #open()} */
    GatedGenerator(int gateAfter) {
        this.gateAfter = gateAfter;
    }

    /** Waits until the run is held at the gate. */
    void awaitGate() throws InterruptedException {
        if (!reached.await(60, TimeUnit.SECONDS)) throw new AssertionError("the run never reached update " + gateAfter);
    }

    /** Lets the run continue. */
    void open() {
        open.countDown();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String fingerprint() {
        return tone.fingerprint();
    }

    @Override
    public List<Generation> sample(SamplingRequest request) {
        return tone.sample(request);
    }

    @Override
    public TrainingStatistics train(PreferenceBatch batch, LossSettings loss) {
        TrainingStatistics t = tone.train(batch, loss);
        updates++;
        if (updates == gateAfter) {
            reached.countDown();
            try {
                open.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return t;
    }

    @Override
    public void checkpoint(Path directory) throws IOException {
        tone.checkpoint(directory);
    }

    @Override
    public void restore(Path directory) throws IOException {
        tone.restore(directory);
    }

    @Override
    public Encoder latentEncoder() {
        return tone.latentEncoder();
    }
}
