package dev.dragon.aesthetics.reward;

import dev.dragon.aesthetics.model.AestheticsModel;
import dev.dragon.aesthetics.model.ModelFolder;
import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
 * The aesthetics predictor as an instance reward: each generation's audio is embedded by the configured encoder,
 * mean-pooled and L2-normalised, and scored by the trained model (a predicted rating; higher is better). One instance
 * per factory configuration (model × encoder). The model is read when configured; its encoder fingerprint is checked
 * against the bound encoder at every scoring call, so a swapped encoder is refused with one line, never silently fed.
 */
@Component(configurationPid = AestheticsReward.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = {Reward.ID + "=" + AestheticsReward.DEFAULT_ID, "encoder.target=(encoder.id=clap-audio)"})
@Designate(ocd = AestheticsReward.Config.class, factory = true)
public class AestheticsReward implements Reward {

    static final String PID = "dev.dragon.reward.aesthetics";
    static final String DEFAULT_ID = "aesthetics";

    /** Configuration of an aesthetics reward. */
    @ObjectClassDefinition(name = "Aesthetics reward", description = "predicted rating of each clip from a model trained by 'dragon aesthetics train'")
    public @interface Config {
        /** @return the reward's id */
        @AttributeDefinition(description = "reward id (reward.id service property)")
        String reward_id() default DEFAULT_ID;

        /** @return the service filter that selects the encoder */
        @AttributeDefinition(description = "filter selecting the audio Encoder the model was trained with, e.g. (encoder.id=clap-audio)")
        String encoder_target() default "(encoder.id=clap-audio)";

        /** @return the model folder */
        @AttributeDefinition(description = "model folder written by 'dragon aesthetics train' (model.json, support.npy, alpha.npy)")
        String model();
    }

    private volatile Encoder encoder;
    private volatile String id = DEFAULT_ID;
    private volatile AestheticsModel model;
    private volatile String modelName;

    @Activate
    @Modified
    void configure(Config config) {
        if (config.model() == null || config.model().isBlank()) throw new IllegalArgumentException("reward '" + config.reward_id() + "' (plugin-aesthetics): 'model' is not set");
        Path folder = Path.of(config.model());
        try {
            model = ModelFolder.read(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("reward '" + config.reward_id() + "' (plugin-aesthetics): " + e.getMessage(), e);
        }
        modelName = folder.toString();
        id = config.reward_id();
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
        return RewardKind.INSTANCE;
    }

    @Override
    public double[] scoreEach(List<Generation> generations) {
        Encoder current = encoder;
        AestheticsModel head = model;
        if (current == null) throw new IllegalStateException("reward '" + id + "' (plugin-aesthetics): no encoder bound");
        if (generations.isEmpty()) return new double[0];
        try {
            head.requireEncoder(current, modelName);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("reward '" + id + "' (plugin-aesthetics): " + e.getMessage(), e);
        }
        int d = head.dimension();
        double[] rows = new double[generations.size() * d];
        for (int i = 0; i < generations.size(); i++) {
            Generation g = generations.get(i);
            String name = "generation " + i + " (prompt " + g.prompt().id() + ", seed " + g.seed() + ")";
            if (g.audio().frames() == 0) throw new IllegalArgumentException("reward '" + id + "' (plugin-aesthetics): " + name + ": empty audio");
            double[] unit;
            try {
                unit = AestheticsModel.unitEmbedding(current.embedAudio(g.audio()), name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reward '" + id + "' (plugin-aesthetics): " + e.getMessage(), e);
            }
            System.arraycopy(unit, 0, rows, i * d, d);
        }
        double[] scores = head.predict(rows, generations.size());
        for (int i = 0; i < scores.length; i++) {
            // finite inputs and a checked model give finite scores; this guards the contract all the same
            if (!Double.isFinite(scores[i])) throw new ArithmeticException("reward '" + id + "' (plugin-aesthetics): non-finite score for generation " + i);
        }
        return scores;
    }
}
