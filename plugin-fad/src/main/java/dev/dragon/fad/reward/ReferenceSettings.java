package dev.dragon.fad.reward;

import dev.dragon.fad.reference.AudioFilesReferenceSet;
import dev.dragon.fad.reference.CaptionsReferenceSet;
import dev.dragon.fad.reference.ReferenceSet;
import dev.dragon.fad.reference.ReferenceStatisticsProvider;
import dev.dragon.fad.reference.ReferenceStatisticsStore;
import dev.dragon.fad.reference.StatisticsFileReferenceSet;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/** Turns a FAD reward's reference settings (exactly one source, plus the cache folder) into a provider. */
final class ReferenceSettings {

    /** Framework property naming the installation folder; the default cache lives under it. */
    static final String DRAGON_HOME = "dragon.home";

    private ReferenceSettings() {
    }

    /**
     * @param rewardId   names the reward in errors
     * @param audio      a folder of WAV files or a list file, or blank
     * @param captions   a captions file, or blank
     * @param statistics a statistics file, or blank
     * @param cacheDir   the cache folder, or blank for {@code <dragon.home>/run/cache/fad-statistics}
     * @param context    the bundle context (for {@code dragon.home}), or {@code null} outside a framework
     * @return the provider
     * @throws IllegalArgumentException unless exactly one source is set
     */
    static ReferenceStatisticsProvider provider(String rewardId, String audio, String captions, String statistics, String cacheDir, BundleContext context) {
        int given = (blank(audio) ? 0 : 1) + (blank(captions) ? 0 : 1) + (blank(statistics) ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("reward '" + rewardId + "' (plugin-fad): configure exactly one of reference.audio, "
                + "reference.captions, reference.statistics; " + given + " given");
        }
        ReferenceSet set = !blank(audio) ? new AudioFilesReferenceSet(Path.of(audio))
            : !blank(captions) ? new CaptionsReferenceSet(Path.of(captions))
            : new StatisticsFileReferenceSet(Path.of(statistics));
        return new ReferenceStatisticsProvider(set, new ReferenceStatisticsStore(cacheFolder(cacheDir, context)));
    }

    private static Path cacheFolder(String configured, BundleContext context) {
        if (!blank(configured)) return Path.of(configured);
        String home = context == null ? null : context.getProperty(DRAGON_HOME);
        return Path.of(home == null ? "." : home).resolve("run").resolve("cache").resolve("fad-statistics");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
