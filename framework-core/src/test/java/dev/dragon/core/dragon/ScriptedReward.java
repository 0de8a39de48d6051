package dev.dragon.core.dragon;

import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A per-example reward (the toy "near" reward) that misbehaves on the calls a script says: throws, hangs, returns
 * NaN/Inf or the wrong number of scores, overflows its stack or fails to link. Calls past the script use {@code after}.
 */
class ScriptedReward implements Reward {

    /** What one call does. */
    enum Act { SCORE, THROW, HANG, NAN, INFINITE, WRONG_COUNT, STACK_OVERFLOW, LINKAGE }

    private final String id;
    private final List<Act> script;
    private final Act after;
    private final Reward good;
    final AtomicInteger calls = new AtomicInteger();
    /** Counted down when a hanging call is interrupted (the caller abandoned it). */
    final CountDownLatch hangInterrupted = new CountDownLatch(1);
    private final CountDownLatch never = new CountDownLatch(1);

    ScriptedReward(String id, List<Act> script, Act after) {
        this.id = id;
        this.script = List.copyOf(script);
        this.after = after;
        this.good = ToyRewards.instance(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public RewardKind kind() {
        return RewardKind.INSTANCE;
    }

    @Override
    public double[] scoreEach(List<Generation> generations) {
        int call = calls.getAndIncrement();
        Act act = call < script.size() ? script.get(call) : after;
        double[] s = good.scoreEach(generations);
        switch (act) {
            case THROW -> throw new IllegalStateException("scripted fault");
            case HANG -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    hangInterrupted.countDown();
                }
                return s;
            }
            case NAN -> s[1] = Double.NaN;
            case INFINITE -> s[2] = Double.POSITIVE_INFINITY;
            case WRONG_COUNT -> {
                return java.util.Arrays.copyOf(s, s.length - 1);
            }
            case STACK_OVERFLOW -> recurse(0);
            case LINKAGE -> throw new NoClassDefFoundError("org/example/Missing");
            default -> { }
        }
        return s;
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
