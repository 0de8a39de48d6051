package dev.dragon.core.dragon;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls into reward plugins so that no plugin can take the loop down: each call runs on a worker thread and is
 * awaited at most {@code timeout}; a call that does not answer in time is abandoned (its thread interrupted and left
 * behind, a fresh worker used for the next call). Whatever the call throws — exceptions and errors alike,
 * {@link StackOverflowError} and {@link LinkageError} included — becomes a {@link RewardFault} naming the reward and
 * its bundle. Only the {@link VirtualMachineError}s that mean the JVM itself is failing (out of memory, internal
 * errors) pass through.
 *
 * <p>One worker is reused across calls, so plugins that keep per-thread state see one thread.
 */
public final class RewardCaller implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final long timeoutNanos;
    private ExecutorService worker;

    /** @param timeoutSeconds the longest a single plugin call may take; positive */
    public RewardCaller(double timeoutSeconds) {
        if (!(timeoutSeconds > 0) || !Double.isFinite(timeoutSeconds)) throw new IllegalArgumentException("reward timeout must be positive, got " + timeoutSeconds);
        this.timeoutNanos = (long) Math.min(Long.MAX_VALUE / 2.0, timeoutSeconds * 1e9);
    }

    /**
     * @param binding the reward being called
     * @param what    what the call does, for the message (e.g. {@code scoring 8 samples})
     * @param call    the plugin call
     * @param <T>     its result
     * @return its result
     * @throws RewardFault           when it throws or does not answer in time
     * @throws CancellationException when the calling thread is interrupted (the run is being cancelled); the
     *                               interrupt flag stays set
     */
    public synchronized <T> T call(RewardBinding binding, String what, Callable<T> call) {
        Future<T> future = worker().submit(call);
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            abandonWorker();
            throw RewardFault.of(binding, "did not answer within " + seconds(timeoutNanos) + " s " + what
                + " (call abandoned, its thread interrupted)", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (fatal(cause)) throw (Error) cause;
            throw RewardFault.of(binding, "failed " + what + ": " + describe(cause), cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            abandonWorker();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while " + binding.describe() + " was " + what);
        }
    }

    /**
     * @param t what a plugin threw
     * @return true for the errors that mean the JVM is failing; a plugin's stack overflow is not one of them
     */
    static boolean fatal(Throwable t) {
        return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
    }

    /** @return {@code Type: message} on one line */
    static String describe(Throwable t) {
        String m = t.getMessage();
        String type = t.getClass().getSimpleName();
        return (m == null || m.isBlank() ? type : type + ": " + m).replace('\n', ' ').replace('\r', ' ');
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    private ExecutorService worker() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "dragon-reward-call-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return worker;
    }

    private void abandonWorker() {
        if (worker != null) worker.shutdownNow();
        worker = null;
    }

    /** Lets the worker thread end (a call still running was abandoned and is interrupted). */
    @Override
    public synchronized void close() {
        abandonWorker();
    }
}
