package dev.dragon.core.dragon;

import dev.dragon.api.Reward;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the loop finds its rewards at every iteration, and how it waits for them while a run is paused. The
 * framework's orchestrator implements it and signals every bind, update and unbind, so a paused run sleeps until
 * something changes instead of polling.
 */
public interface RewardDirectory {

    /**
     * @param id a reward id
     * @return the reward service that answers to it now (the best-ranked), with its provider
     */
    Optional<RewardBinding> find(String id);

    /** @return a counter that moves whenever a plugin is bound, updated or unbound */
    long changes();

    /**
     * Waits until {@link #changes()} differs from {@code seen}, or the timeout passes.
     *
     * @param seen          the value of {@link #changes()} the caller has acted on
     * @param timeoutMillis the longest wait
     * @return true when something changed
     * @throws InterruptedException when the waiting thread is interrupted, or the directory shuts down
     */
    boolean awaitChange(long seen, long timeoutMillis) throws InterruptedException;

    /**
     * A directory over a plain lookup that cannot signal changes (tests, tools): {@link #awaitChange} sleeps up to
     * 50 ms and reports a possible change, so a paused loop looks again at that pace.
     *
     * @param lookup finds a reward by id
     * @return the directory
     */
    static RewardDirectory of(Function<String, Optional<Reward>> lookup) {
        return new RewardDirectory() {
            @Override
            public Optional<RewardBinding> find(String id) {
                return lookup.apply(id).map(r -> RewardBinding.of(id, r));
            }

            @Override
            public long changes() {
                return 0;
            }

            @Override
            public boolean awaitChange(long seen, long timeoutMillis) throws InterruptedException {
                Thread.sleep(Math.max(1, Math.min(50, timeoutMillis)));
                return true;
            }
        };
    }
}
