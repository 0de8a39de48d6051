package dev.dragon.vendi.reward;

import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.vendi.VendiScore;
import java.util.List;
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
 * Vendi diversity as a distribution reward: each generation becomes one clip embedding (the mean of its frame
 * embeddings), and the set scores its Vendi score of order q — more diverse is better. One instance per factory
 * configuration (encoder × q).
 */
@Component(configurationPid = VendiReward.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = {Reward.ID + "=" + VendiReward.DEFAULT_ID, "encoder.target=(encoder.id=clap-audio)"})
@Designate(ocd = VendiReward.Config.class, factory = true)
public class VendiReward implements Reward {

    static final String PID = "dev.dragon.reward.vendi";
    static final String DEFAULT_ID = "vendi";

    /** Configuration of a Vendi reward. */
    @ObjectClassDefinition(name = "Vendi diversity reward", description = "Vendi score (cosine kernel) of a set's clip embeddings")
    public @interface Config {
        /** @return the reward's id */
        @AttributeDefinition(description = "reward id (reward.id service property)")
        String reward_id() default DEFAULT_ID;

        /** @return the service filter that selects the encoder */
        @AttributeDefinition(description = "filter selecting the Encoder service, e.g. (encoder.id=clap-audio)")
        String encoder_target() default "(encoder.id=clap-audio)";

        /** @return the order q */
        @AttributeDefinition(description = "order q > 0 of the Vendi score (1: Shannon; 'Infinity' for q = infinity)")
        double q() default 1.0;
    }

    private volatile Encoder encoder;
    private volatile String id = DEFAULT_ID;
    private volatile double q = 1;

    @Activate
    @Modified
    void configure(Config config) {
        if (!(config.q() > 0)) throw new IllegalArgumentException("reward '" + config.reward_id() + "' (plugin-vendi): q must be > 0, got " + config.q());
        id = config.reward_id();
        q = config.q();
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
        String prefix = "reward '" + id + "' (plugin-vendi): ";
        if (current == null) throw new IllegalStateException(prefix + "no encoder bound");
        if (generations.isEmpty()) throw new IllegalArgumentException(prefix + "empty set of generations");
        int d = current.dimension();
        double[] rows = new double[generations.size() * d];
        for (int i = 0; i < generations.size(); i++) {
            FrameEmbeddings frames = current.embedAudio(generations.get(i).audio());
            if (frames.dimension() != d) {
                throw new IllegalArgumentException(prefix + name(generations.get(i), i) + ": dimension mismatch, " + frames.dimension()
                    + " columns where encoder '" + current.id() + "' declares " + d);
            }
            System.arraycopy(frames.meanPooled(), 0, rows, i * d, d);
        }
        try {
            return VendiScore.of(new FrameEmbeddings(generations.size(), d, rows), q, "clip embeddings");
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(prefix + describeRow(e.getMessage(), generations), e);
        }
    }

    private static String name(Generation g, int index) {
        return "generation " + index + " (prompt " + g.prompt().id() + ", seed " + g.seed() + ")";
    }

    /** Replaces "row i" in a score failure by the generation it stands for. */
    private static String describeRow(String message, List<Generation> generations) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^clip embeddings: row (\\d+)").matcher(message);
        if (!m.find()) return message;
        int row = Integer.parseInt(m.group(1));
        return name(generations.get(row), row) + message.substring(m.end());
    }
}
