package dev.dragon.itest.sample;

import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A reward as a third party would write one: a DS component with typed configuration. It scores a clip by its
 * length in seconds plus a configured offset, so tests can see which configuration is live.
 */
@Component(configurationPid = "dev.dragon.itest.sample.reward")
@Designate(ocd = SampleReward.Config.class)
public class SampleReward implements Reward {

    /** The sample reward's configuration. */
    @ObjectClassDefinition(name = "Sample reward")
    public @interface Config {
        /** @return the reward id */
        String id() default "sample-reward";

        /** @return added to every score */
        double offset() default 0;
    }

    private Config config;

    @Activate
    void activate(Config config) {
        this.config = config;
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public RewardKind kind() {
        return RewardKind.INSTANCE;
    }

    @Override
    public double[] scoreEach(List<Generation> generations) {
        return generations.stream().mapToDouble(g -> g.audio().durationSeconds() + config.offset()).toArray();
    }
}
