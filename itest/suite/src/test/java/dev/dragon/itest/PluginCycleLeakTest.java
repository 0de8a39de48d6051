package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.runtime.Orchestrator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * 100 cycles of install → start → reward held and scored once → uninstall → refresh of the sample reward plugin leave
 * nothing behind: no new live threads, heap after GC and the process's resident memory (in total and per quarter of the
 * cycles) within stated bounds, and — the real proof — the class loader of cycle 1's bundle is collected (a weak
 * reference to one of its classes clears). Figures go to stdout and to {@code target/leak-figures.txt}.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class PluginCycleLeakTest {

    private static final int CYCLES = 100;
    private static final int WARM_UP_CYCLES = 10;
    /** Heap used after GC may grow by at most this much over 100 cycles. */
    private static final long HEAP_BOUND_BYTES = 32L << 20;
    /** Resident set size (heap, metaspace, code cache, native) may grow by at most this much over 100 cycles … */
    private static final long RSS_BOUND_BYTES = 64L << 20;
    /**
     * … and the median of its growths over the four quarters (25 cycles each) stays under this: a leak grows in every
     * quarter, while warm-up and one-off jumps (a JIT compilation, a new allocator arena, the heap resized) land in one
     * quarter and leave the median alone. 8 MB a quarter is a leak of 0.32 MB a cycle.
     */
    private static final long RSS_QUARTER_MEDIAN_BOUND_BYTES = 8L << 20;
    private static final int QUARTERS = 4;
    private static final int QUARTER_CYCLES = CYCLES / QUARTERS;
    private static final long STEP_TIMEOUT_MILLIS = 30_000;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @Test
    void installStartUninstallRefreshHundredTimesLeaksNothing() throws Exception {
        byte[] jar = SamplePlugin.withVersion(context, "5.0.0").readAllBytes();
        for (int i = 0; i < WARM_UP_CYCLES; i++) cycle(jar, i, null);

        Map<Long, String> threadsBefore = liveThreads();
        long heapBefore = heapUsedAfterGc();
        long rssBefore = residentBytes();
        WeakReference<?>[] firstLoader = new WeakReference<?>[1];
        long started = System.nanoTime();
        long[] rssQuarterEnds = new long[QUARTERS + 1];
        rssQuarterEnds[0] = rssBefore;
        for (int i = 0; i < CYCLES; i++) {
            cycle(jar, i, i == 0 ? firstLoader : null);
            if ((i + 1) % QUARTER_CYCLES == 0 && i + 1 < CYCLES) {
                heapUsedAfterGc();
                rssQuarterEnds[(i + 1) / QUARTER_CYCLES] = residentBytes();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        boolean collected = collectedAfterGc(firstLoader[0]);
        long heapAfter = heapUsedAfterGc();
        long rssAfter = residentBytes();
        rssQuarterEnds[QUARTERS] = rssAfter;
        long[] quarterGrowth = new long[QUARTERS];
        for (int q = 0; q < QUARTERS; q++) quarterGrowth[q] = rssQuarterEnds[q + 1] - rssQuarterEnds[q];
        long[] sortedGrowth = quarterGrowth.clone();
        Arrays.sort(sortedGrowth);
        long medianQuarterGrowth = (sortedGrowth[QUARTERS / 2 - 1] + sortedGrowth[QUARTERS / 2]) / 2;
        Map<Long, String> threadsAfter = awaitThreadsSettle(threadsBefore);
        Map<Long, String> newThreads = new TreeMap<>(threadsAfter);
        newThreads.keySet().removeAll(threadsBefore.keySet());

        String figures = String.format("%d cycles in %.1f s; heap used after GC %.1f -> %.1f MB (%+.1f MB, bound +%d MB); "
                + "RSS %.1f -> %.1f MB (%+.1f MB, bound +%d MB; per quarter %s MB, median %+.1f MB, bound +%d MB); threads %d -> %d, new: %s; cycle-1 class loader collected: %s",
            CYCLES, seconds, mb(heapBefore), mb(heapAfter), mb(heapAfter - heapBefore), HEAP_BOUND_BYTES >> 20,
            mb(rssBefore), mb(rssAfter), mb(rssAfter - rssBefore), RSS_BOUND_BYTES >> 20,
            Arrays.stream(quarterGrowth).mapToObj(g -> String.format("%+.1f", mb(g))).toList(), mb(medianQuarterGrowth),
            RSS_QUARTER_MEDIAN_BOUND_BYTES >> 20,
            threadsBefore.size(), threadsAfter.size(), newThreads.values(), collected);
        System.out.println("PluginCycleLeakTest: " + figures);
        writeFigures(figures);

        assertTrue(collected, "the class loader of cycle 1's bundle is still reachable: " + figures);
        assertEquals(Map.of(), newThreads, "threads started by the cycles and still alive: " + figures);
        assertTrue(heapAfter - heapBefore < HEAP_BOUND_BYTES, figures);
        assertTrue(rssAfter - rssBefore < RSS_BOUND_BYTES, figures);
        assertTrue(medianQuarterGrowth < RSS_QUARTER_MEDIAN_BOUND_BYTES, figures);
        assertTrue(orchestrator.reward(SamplePlugin.DEFAULT_ID).isEmpty(), "no sample reward left behind");
    }

    /** One cycle; when {@code loaderRef} is given, a weak reference to the bundle's class loader is put there. */
    private void cycle(byte[] jar, int index, WeakReference<?>[] loaderRef) throws Exception {
        Bundle plugin = context.installBundle("itest:leak-cycle-" + index, new ByteArrayInputStream(jar));
        plugin.start();
        Await.until("sample reward held in cycle " + index, STEP_TIMEOUT_MILLIS,
            () -> orchestrator.reward(SamplePlugin.DEFAULT_ID).isPresent(), () -> orchestrator.plugins().toString());
        double[] scores = orchestrator.reward(SamplePlugin.DEFAULT_ID).orElseThrow().scoreEach(List.of(
            new Generation(new Prompt("p", "leak"), 0, AudioClip.mono(16000, new float[4000]), null, "leak")));
        assertArrayEquals(new double[] {0.25}, scores, 1e-12);
        if (loaderRef != null) {
            Class<?> rewardClass = plugin.loadClass("dev.dragon.itest.sample.SampleReward");
            assertEquals(plugin.adapt(BundleWiring.class).getClassLoader(), rewardClass.getClassLoader());
            loaderRef[0] = new WeakReference<>(rewardClass.getClassLoader());
        }
        plugin.uninstall();
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(plugin), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) refreshed.countDown();
        });
        assertTrue(refreshed.await(STEP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), "refresh of cycle " + index + " finished");
        Await.until("sample reward gone in cycle " + index, STEP_TIMEOUT_MILLIS,
            () -> orchestrator.reward(SamplePlugin.DEFAULT_ID).isEmpty(), () -> orchestrator.plugins().toString());
    }

    private static boolean collectedAfterGc(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ref.get() == null;
    }

    private static long heapUsedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc/self/status (Linux), in bytes. */
    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static Map<Long, String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
            .collect(Collectors.toMap(Thread::getId, Thread::getName, (a, b) -> a, TreeMap::new));
    }

    /** Threads a cycle used briefly may take a moment to end: wait until none is new, or give the survivors. */
    private static Map<Long, String> awaitThreadsSettle(Map<Long, String> before) throws InterruptedException {
        Map<Long, String> now = liveThreads();
        for (int i = 0; i < 50 && !before.keySet().containsAll(now.keySet()); i++) {
            Thread.sleep(100);
            now = liveThreads();
        }
        return now;
    }

    private void writeFigures(String figures) throws IOException {
        Path target = Path.of(context.getProperty("felix.fileinstall.dir")).getParent();
        Files.writeString(target.resolve("leak-figures.txt"), figures + System.lineSeparator());
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
