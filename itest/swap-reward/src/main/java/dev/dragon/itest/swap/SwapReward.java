package dev.dragon.itest.swap;

import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A reward for the live-swap tests: it prefers generations whose latent (the test tone generator's frequency) is
 * close to a configured target, and its configuration can script faults — call i of {@link #scoreEach} does the
 * i-th act of {@code schedule}, later calls do {@code after}. Acts: {@code score}, {@code throw}, {@code hang}
 * (sleeps, interruptibly), {@code nan}, {@code infinite}, {@code count} (one score too few), {@code stack-overflow},
 * {@code linkage} (a {@link NoClassDefFoundError}). No {@code @Modified}: a new configuration is a new service.
 */
@Component(configurationPid = SwapReward.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SwapReward.Config.class)
public class SwapReward implements Reward {

    /** The configuration PID. */
    public static final String PID = "dev.dragon.itest.swap.reward";

    /** The swap reward's configuration. */
    @ObjectClassDefinition(name = "Swap reward (tests)")
    public @interface Config {
        /** @return the reward id, also published as the reward.id service property */
        String reward_id() default "swap-reward";

        /** @return the frequency (Hz) the reward prefers */
        double target() default 2000;

        /** @return comma-separated acts of the first calls */
        String schedule() default "";

        /** @return the act of every call after the schedule */
        String after() default "score";

        /** @return how long a hanging call sleeps */
        double hang_seconds() default 60;
    }

    private Config config;
    private List<String> schedule;
    private final AtomicInteger calls = new AtomicInteger();

    @Activate
    void activate(Config config) {
        this.config = config;
        this.schedule = config.schedule().isBlank() ? List.of() : Arrays.stream(config.schedule().split(",")).map(String::trim).toList();
    }

    @Override
    public String id() {
        return config.reward_id();
    }

    @Override
    public RewardKind kind() {
        return RewardKind.INSTANCE;
    }

    @Override
    public double[] scoreEach(List<Generation> generations) {
        int call = calls.getAndIncrement();
        String act = call < schedule.size() ? schedule.get(call) : config.after();
        double[] s = new double[generations.size()];
        for (int i = 0; i < s.length; i++) {
            Generation g = generations.get(i);
            if (g.latent() == null) throw new IllegalArgumentException("generation " + i + " (prompt " + g.prompt().id() + ") has no latent");
            s[i] = -Math.abs(g.latent().values()[0] - config.target()) / 1000;
        }
        switch (act) {
            case "score" -> { }
            case "throw" -> throw new IllegalStateException("scripted fault at call " + (call + 1));
            case "hang" -> {
                try {
                    Thread.sleep((long) (config.hang_seconds() * 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case "nan" -> s[0] = Double.NaN;
            case "infinite" -> s[0] = Double.NEGATIVE_INFINITY;
            case "count" -> s = Arrays.copyOf(s, s.length - 1);
            case "stack-overflow" -> recurse(0);
            case "linkage" -> throw new NoClassDefFoundError("dev/dragon/itest/swap/Missing");
            default -> throw new IllegalArgumentException("unknown act '" + act + "' in the schedule");
        }
        return s;
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
