package dev.dragon.core.builtin;

import dev.dragon.api.AudioClip;
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
 * A deliberately trivial built-in reward: the clip's RMS level in dBFS (of the mono downmix), floored at
 * {@code floorDb} so that silence scores a finite value. It exists so that a bare framework has a reward to list
 * and to wire end to end; it says nothing about musical quality. Real rewards come from the plugins.
 */
@Component(configurationPid = LoudnessReward.PID, property = Reward.ID + "=" + LoudnessReward.ID_VALUE)
@Designate(ocd = LoudnessReward.Config.class)
public class LoudnessReward implements Reward {

    static final String PID = "dev.dragon.reward.trivial.loudness";
    static final String ID_VALUE = "trivial-loudness";

    /** Configuration of the trivial loudness reward. */
    @ObjectClassDefinition(name = "Trivial loudness reward", description = "RMS level in dBFS; a placeholder, not a quality measure")
    public @interface Config {
        /** @return the score given to silence and to anything quieter */
        @AttributeDefinition(description = "score (dBFS) given to silence and anything quieter")
        double floorDb() default -120;
    }

    private volatile double floorDb = -120;

    @Activate
    @Modified
    void configure(Config config) {
        if (!Double.isFinite(config.floorDb())) throw new IllegalArgumentException("floorDb must be finite");
        floorDb = config.floorDb();
    }

    @Override
    public String id() {
        return ID_VALUE;
    }

    @Override
    public RewardKind kind() {
        return RewardKind.INSTANCE;
    }

    @Override
    public double[] scoreEach(List<Generation> generations) {
        double[] scores = new double[generations.size()];
        for (int i = 0; i < scores.length; i++) scores[i] = levelDb(generations.get(i).audio(), floorDb);
        return scores;
    }

    /** @return 20·log10(RMS) of the downmix, at least {@code floorDb} */
    static double levelDb(AudioClip clip, double floorDb) {
        float[] x = clip.downmix().channel(0);
        double sum = 0;
        for (float v : x) sum += (double) v * v;
        double rms = x.length == 0 ? 0 : Math.sqrt(sum / x.length);
        if (!Double.isFinite(rms)) throw new IllegalArgumentException("clip holds NaN or infinite samples");
        return Math.max(floorDb, 20 * Math.log10(rms));
    }
}
