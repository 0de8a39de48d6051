package org.example.dragon.tonality;

import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The tonality reward: {@code 1 − mean spectral flatness} of a clip's mono downmix, in [0, 1]. Higher means more
 * tonal — power gathered in partials, as in sustained notes and chords — and lower means more noise-like (hiss,
 * clicks, smeared spectra). A clip with no frame above the silence threshold scores 0. It judges each clip on its
 * own ({@link RewardKind#INSTANCE}) and ignores the prompt.
 *
 * <p>A Declarative Services component, active without configuration; a file {@code org.example.dragon.tonality.cfg}
 * in dragon's {@code plugins/} (or a profile's folder) changes its settings while it runs.
 * {@link #scoreEach} may be called from several threads: the settings are swapped as one immutable object.
 */
@Component(configurationPid = TonalityReward.PID, property = Reward.ID + "=" + TonalityReward.DEFAULT_ID)
@Designate(ocd = TonalityReward.Config.class)
public class TonalityReward implements Reward {

    /** The configuration PID (and the name of its .cfg file without the extension). */
    static final String PID = "org.example.dragon.tonality";
    static final String DEFAULT_ID = "tonality";

    /** Settings of the tonality reward. */
    @ObjectClassDefinition(name = "Tonality reward (spectral flatness)",
            description = "1 - mean spectral flatness of a clip; higher is more tonal")
    public @interface Config {
        /** @return the reward id (also the service property reward.id) */
        @AttributeDefinition(description = "reward id, as used in dragon run --reward ID")
        String reward_id() default DEFAULT_ID;

        /** @return samples per analysis frame */
        @AttributeDefinition(description = "samples per frame, a power of two from 16 to 65536")
        int frameSize() default 2048;

        /** @return samples between frame starts */
        @AttributeDefinition(description = "samples between frame starts")
        int hop() default 512;

        /** @return the RMS level below which a frame counts as silence */
        @AttributeDefinition(description = "frames quieter than this RMS level (dBFS) are skipped")
        double silenceDb() default -60;
    }

    private record Settings(String id, SpectralFlatness flatness) {
    }

    private volatile Settings settings = new Settings(DEFAULT_ID, new SpectralFlatness(2048, 512, -60));

    @Activate
    @Modified
    void configure(Config config) {
        String id = config.reward_id() == null ? "" : config.reward_id().strip();
        if (id.isEmpty()) throw new IllegalArgumentException(PID + ": reward.id must not be empty");
        try {
            settings = new Settings(id, new SpectralFlatness(config.frameSize(), config.hop(), config.silenceDb()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public RewardKind kind() {
        return RewardKind.INSTANCE;
    }

    @Override
    public double[] scoreEach(List<Generation> generations) {
        SpectralFlatness flatness = settings.flatness();
        double[] scores = new double[generations.size()];
        for (int i = 0; i < scores.length; i++) {
            Generation g = generations.get(i);
            double mean;
            try {
                mean = flatness.meanFlatness(g.audio().downmix().channel(0));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("generation " + i + " (prompt '" + g.prompt().id() + "'): " + e.getMessage(), e);
            }
            scores[i] = Double.isNaN(mean) ? 0 : 1 - mean;
        }
        return scores;
    }
}
