package dev.dragon.core.dragon;

import dev.dragon.api.Reward;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reward directory for the loop tests that behaves like the framework's orchestrator: rewards come and go with a
 * bundle name and version, each registration gets a new service id, and every change wakes waiters.
 */
final class SignallingDirectory implements RewardDirectory {

    private final Map<String, RewardBinding> bound = new ConcurrentHashMap<>();
    private final AtomicLong serviceIds = new AtomicLong(100);
    private long changes;
    /** How many times a waiter woke up: a paused loop must not spin. */
    volatile int wakeUps;

    /** Registers {@code reward} as a new service of {@code bundle} at {@code version}, replacing any other. */
    synchronized void register(Reward reward, String bundle, String version) {
        bound.put(reward.id(), new RewardBinding(reward.id(), reward, bundle, version, serviceIds.incrementAndGet(), 0));
        changed();
    }

    synchronized void unregister(String id) {
        bound.remove(id);
        changed();
    }

    private void changed() {
        changes++;
        notifyAll();
    }

    @Override
    public Optional<RewardBinding> find(String id) {
        return Optional.ofNullable(bound.get(id));
    }

    @Override
    public synchronized long changes() {
        return changes;
    }

    @Override
    public synchronized boolean awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (changes == seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
            wakeUps++;
        }
        return true;
    }
}
