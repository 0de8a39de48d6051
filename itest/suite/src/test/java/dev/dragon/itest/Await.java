package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition that another thread (SCR, FileInstall) makes true asynchronously. */
final class Await {

    private Await() {
    }

    static void until(String what, long timeoutMillis, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("not within " + timeoutMillis + " ms: " + what + "; state: " + state.get());
            Thread.sleep(20);
        }
    }
}
