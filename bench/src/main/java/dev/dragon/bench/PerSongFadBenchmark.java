package dev.dragon.bench;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.fad.PerSongFrechetDistance;
import java.util.ArrayList;
import java.util.List;
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

/** Per-song FAD of 1000 clips × 30 frames at d = 512 against one reference. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class PerSongFadBenchmark {

    static final int CLIPS = 1000;
    static final int FRAMES = 30;
    static final int D = 512;

    List<FrameEmbeddings> songs;
    List<String> names;
    ReferenceStatistics reference;

    @Setup
    public void setUp() {
        reference = BenchData.statistics(3, D);
        songs = new ArrayList<>();
        names = new ArrayList<>();
        for (int i = 0; i < CLIPS; i++) {
            songs.add(BenchData.rows(100 + i, FRAMES, D));
            names.add("clip " + i);
        }
    }

    @Benchmark
    public double[] thousandClips() {
        return PerSongFrechetDistance.ofEach(songs, names, reference);
    }
}
