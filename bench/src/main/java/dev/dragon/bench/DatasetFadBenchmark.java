package dev.dragon.bench;

import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.FrechetDistance;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Dataset FAD from two d×d covariances (statistics already accumulated), as bench/reference.py times it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class DatasetFadBenchmark {

    @Param({"512", "2048"})
    int d;

    ReferenceStatistics first;
    ReferenceStatistics second;

    @Setup
    public void setUp() {
        first = BenchData.statistics(1, d);
        second = BenchData.statistics(2, d);
    }

    @Benchmark
    public double fad() {
        return FrechetDistance.between(first, second);
    }
}
