package dev.dragon.bench;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.vendi.VendiScore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Vendi score (q = 1) of n = 1000 embeddings at d = 512. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class VendiBenchmark {

    FrameEmbeddings x;

    @Setup
    public void setUp() {
        x = BenchData.rows(4, 1000, 512);
    }

    @Benchmark
    public double vendi() {
        return VendiScore.of(x, 1, "bench");
    }
}
