package dev.dragon.clap.onnx;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Holds the model an encoder currently uses and lets a configuration change replace it while the encoder keeps
 * serving: calls run under a shared lock, a swap takes the exclusive lock, installs the new model and closes the
 * old one, so no call ever sees a closed session and no old session outlives the swap.
 *
 * @param <M> what is held (a model, or a model with its preprocessing)
 */
public final class ModelSlot<M extends AutoCloseable> implements AutoCloseable {

    /**
     * Work done with the current model.
     *
     * @param <M> the model type
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Use<M, T> {
        /**
         * @param model the current model, open for the duration of the call
         * @return the result
         * @throws Exception whatever the work throws
         */
        T apply(M model) throws Exception;
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private M current;

    /** @param initial the first model */
    public ModelSlot(M initial) {
        this.current = initial;
    }

    /**
     * Runs work with the current model; a swap waits until it returns.
     *
     * @param work the work
     * @param <T>  its result type
     * @return its result
     * @throws Exception whatever the work throws
     */
    public <T> T use(Use<M, T> work) throws Exception {
        lock.readLock().lock();
        try {
            if (current == null) throw new IllegalStateException("the encoder is closed");
            return work.apply(current);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Installs a new model and closes the old one once no call uses it.
     *
     * @param next the new model
     * @throws Exception when closing the old one fails (the new one is installed regardless)
     */
    public void replace(M next) throws Exception {
        M old;
        lock.writeLock().lock();
        try {
            old = current;
            current = next;
        } finally {
            lock.writeLock().unlock();
        }
        if (old != null && old != next) old.close();
    }

    /** @return the current model (for inspection; use {@link #use} to run it) */
    public M current() {
        lock.readLock().lock();
        try {
            return current;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Closes the current model; later calls fail. */
    @Override
    public void close() throws Exception {
        replace(null);
    }
}
