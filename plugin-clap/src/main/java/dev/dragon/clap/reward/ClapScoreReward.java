package dev.dragon.clap.reward;

import dev.dragon.api.Encoder;
import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.clap.encoders.Vectors;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * CLAP score: the cosine of a generation's audio embedding (the L2-normalised mean of the audio encoder's rows)
 * and its prompt's text embedding. An instance reward that uses the prompt; higher means the audio fits the
 * prompt better. The two encoders are chosen by service filters in the configuration (PID {@value #PID}) and must
 * embed into one space (same dimension); by default {@code clap-audio} and {@code clap-text}.
 */
@Component(configurationPid = ClapScoreReward.PID, service = Reward.class, property = Reward.ID + "=" + ClapScoreReward.DEFAULT_ID)
@Designate(ocd = ClapScoreReward.Config.class)
public class ClapScoreReward implements Reward {

    // no '-' in a PID: FileInstall reads "PID-NAME.cfg" as a factory configuration, splitting at the first '-'
    static final String PID = "dev.dragon.reward.clap.score";
    static final String DEFAULT_ID = "clap-score";

    /** Configuration of the CLAP-score reward. */
    @ObjectClassDefinition(name = "CLAP score reward", description = "cosine of the audio embedding and the prompt's text embedding")
    public @interface Config {
        /** @return the reward id */
        String reward_id() default DEFAULT_ID;

        /** @return service filter selecting the audio encoder */
        @AttributeDefinition(description = "filter selecting the audio encoder")
        String audioEncoder_target() default "(encoder.id=clap-audio)";

        /** @return service filter selecting the text encoder */
        @AttributeDefinition(description = "filter selecting the text encoder")
        String textEncoder_target() default "(encoder.id=clap-text)";
    }

    private final Encoder audioEncoder;
    private final Encoder textEncoder;
    private final String id;

    /**
     * @param audioEncoder the audio encoder (reference target from the configuration)
     * @param textEncoder  the text encoder in the same embedding space
     * @param config       the configuration
     */
    @Activate
    public ClapScoreReward(@Reference(name = "audioEncoder") Encoder audioEncoder,
                           @Reference(name = "textEncoder") Encoder textEncoder, Config config) {
        if (audioEncoder.dimension() != textEncoder.dimension()) {
            throw new IllegalArgumentException("CLAP score needs encoders of one space: '" + audioEncoder.id() + "' gives "
                + audioEncoder.dimension() + "-d, '" + textEncoder.id() + "' gives " + textEncoder.dimension() + "-d");
        }
        this.audioEncoder = audioEncoder;
        this.textEncoder = textEncoder;
        this.id = config.reward_id();
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
    public boolean usesPrompt() {
        return true;
    }

    @Override
    public double[] scoreEach(List<Generation> generations) {
        double[] scores = new double[generations.size()];
        for (int i = 0; i < scores.length; i++) {
            Generation g = generations.get(i);
            double[] audio = audioEncoder.embedAudio(g.audio()).meanPooled();
            double[] text = textEncoder.embedText(g.prompt().text());
            scores[i] = Vectors.cosine(audio, text);
            if (!Double.isFinite(scores[i])) throw new IllegalStateException("CLAP score of prompt '" + g.prompt().id() + "' is not finite");
        }
        return scores;
    }
}
