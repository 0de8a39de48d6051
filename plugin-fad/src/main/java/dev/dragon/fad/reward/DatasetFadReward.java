package dev.dragon.fad.reward;

import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.fad.FrechetDistance;
import dev.dragon.fad.GaussianAccumulator;
import dev.dragon.fad.reference.ReferenceStatisticsProvider;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Dataset FAD as a distribution reward: the frames of all clips of a set, pooled into one Gaussian, against the
 * reference statistics; the set's score is −FAD. One instance per factory configuration.
 */
@Component(configurationPid = DatasetFadReward.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = {Reward.ID + "=" + DatasetFadReward.DEFAULT_ID, "encoder.target=(encoder.id=clap-audio)"})
@Designate(ocd = DatasetFadReward.Config.class, factory = true)
public class DatasetFadReward implements Reward {

    static final String PID = "dev.dragon.reward.fad.dataset";
    static final String DEFAULT_ID = "fad";

    /** Configuration of a dataset FAD reward. */
    @ObjectClassDefinition(name = "Dataset FAD reward", description = "-FAD of a set's pooled frames against a reference distribution")
    public @interface Config {
        /** @return the reward's id */
        @AttributeDefinition(description = "reward id (reward.id service property)")
        String reward_id() default DEFAULT_ID;

        /** @return the service filter that selects the encoder */
        @AttributeDefinition(description = "filter selecting the Encoder service, e.g. (encoder.id=clap-audio)")
        String encoder_target() default "(encoder.id=clap-audio)";

        /** @return a folder of WAV files or a list file, or blank */
        @AttributeDefinition(required = false, description = "reference audio: a folder of .wav files or a text file listing them")
        String reference_audio() default "";

        /** @return a captions file, or blank */
        @AttributeDefinition(required = false, description = "reference captions: a text file, one caption a line (cross-modal encoder)")
        String reference_captions() default "";

        /** @return a statistics file, or blank */
        @AttributeDefinition(required = false, description = "reference statistics file written by dragon")
        String reference_statistics() default "";

        /** @return the statistics cache folder, or blank for the default */
        @AttributeDefinition(required = false, description = "statistics cache folder (default <dragon.home>/run/cache/fad-statistics)")
        String cache_dir() default "";
    }

    private volatile Encoder encoder;
    private volatile String id = DEFAULT_ID;
    private volatile ReferenceStatisticsProvider reference;

    @Activate
    @Modified
    void configure(Config config, BundleContext context) {
        id = config.reward_id();
        reference = ReferenceSettings.provider(id, config.reference_audio(), config.reference_captions(), config.reference_statistics(), config.cache_dir(), context);
    }

    @Reference(name = "encoder", policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindEncoder(Encoder encoder) {
        this.encoder = encoder;
    }

    void unbindEncoder(Encoder gone) {
        // with a greedy dynamic reference the replacement is bound before the old one leaves
        if (encoder == gone) encoder = null;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public RewardKind kind() {
        return RewardKind.DISTRIBUTION;
    }

    @Override
    public double scoreSet(List<Generation> generations) {
        Encoder current = encoder;
        if (current == null) throw new IllegalStateException("reward '" + id + "' (plugin-fad): no encoder bound");
        ReferenceStatistics ref = reference.statisticsFor(current);
        GenerationEmbeddings embedded = GenerationEmbeddings.of(generations, current, id);
        try {
            GaussianAccumulator pooled = new GaussianAccumulator(ref.dimension(), "generated set");
            for (int i = 0; i < embedded.frames.size(); i++) pooled.add(embedded.frames.get(i), embedded.names.get(i));
            ReferenceStatistics set = pooled.toStatistics(current.fingerprint(), "generated");
            return -FrechetDistance.between(set.mean(), set.covariance(), "generated set", ref.mean(), ref.covariance(), "reference statistics");
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw GenerationEmbeddings.failure(id, e);
        }
    }
}
