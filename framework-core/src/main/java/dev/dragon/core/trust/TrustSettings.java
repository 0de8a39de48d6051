package dev.dragon.core.trust;

import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Hands the profile's trust configuration to the {@link PluginGate}: at activation (its first configuration, or the
 * defaults — mode {@code any} — when the profile has none) and on every change, which takes effect for bundles not
 * yet running (refused ones are judged again and started when now admitted).
 */
@Component(configurationPid = TrustSettings.PID, immediate = true, service = {})
@Designate(ocd = TrustConfiguration.class)
public class TrustSettings {

    /** The configuration PID. */
    public static final String PID = "dev.dragon.trust";

    @Reference
    private PluginGate gate;

    @Activate
    @Modified
    void apply(BundleContext context, TrustConfiguration config) {
        String home = context.getProperty("dragon.home");
        String profile = context.getProperty("dragon.profile");
        gate.configure(TrustPolicy.from(config.mode(), config.allow(), config.allowlist_file(),
            home == null ? Path.of("").toAbsolutePath() : Path.of(home).toAbsolutePath().normalize(),
            profile == null ? "default" : profile));
    }
}
