package dev.dragon.core.dragon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Plugin calls on a worker thread: results, faults, errors that pass, cancellation of the calling thread. */
class RewardCallerTest {

    private static final RewardBinding BINDING = new RewardBinding("r", ToyRewards.instance("r"), "acme.reward", "1.0.0", 7, 0);

    @Test
    void resultsComeBackAndTheWorkerIsReused() {
        try (RewardCaller caller = new RewardCaller(600)) {
            String first = caller.call(BINDING, "naming", () -> Thread.currentThread().getName());
            String second = caller.call(BINDING, "naming", () -> Thread.currentThread().getName());
            assertTrue(first.startsWith("dragon-reward-call-"), first);
            assertEquals(first, second, "one worker for consecutive calls");
        }
    }

    @Test
    void anErrorOfTheJvmPassesThroughButAStackOverflowIsAFault() {
        try (RewardCaller caller = new RewardCaller(600)) {
            OutOfMemoryError oom = new OutOfMemoryError("test");
            assertSame(oom, assertThrows(OutOfMemoryError.class, () -> caller.call(BINDING, "x", () -> {
                throw oom;
            })));
            RewardFault f = assertThrows(RewardFault.class, () -> caller.call(BINDING, "scoring", () -> {
                throw new StackOverflowError();
            }));
            assertEquals("reward 'r' (acme.reward 1.0.0) failed scoring: StackOverflowError", f.getMessage());
            assertSame(BINDING, f.binding());
            assertFalse(f.unavailable());
        }
    }

    @Test
    void interruptingTheCallerCancelsAndInterruptsTheCall() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch callInterrupted = new CountDownLatch(1);
        RewardCaller caller = new RewardCaller(600);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread loop = new Thread(() -> {
            try {
                caller.call(BINDING, "scoring", () -> {
                    started.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        callInterrupted.countDown();
                    }
                    return 0;
                });
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        loop.start();
        assertTrue(started.await(60, TimeUnit.SECONDS));
        loop.interrupt();
        Throwable t = outcome.get(60, TimeUnit.SECONDS);
        assertTrue(t instanceof CancellationException, String.valueOf(t));
        assertTrue(callInterrupted.await(60, TimeUnit.SECONDS), "the plugin's call was interrupted");
        caller.close();
    }
}
