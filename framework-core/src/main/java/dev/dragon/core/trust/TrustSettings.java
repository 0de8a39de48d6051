package dev.dragon.core.trust;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Hands the profile's trust configuration to the {@link PluginGate}: at activation (its first configuration, or the
 * defaults — mode {@code any} — when the profile has none) and on every change, which takes effect for bundles not
 * yet running (refused ones are judged again and started when now admitted). A trust configuration read from a
 * file outside the profile's folder ({@code launcher/profiles/PROFILE/}) is refused as a whole, and so is the absence
 * of configuration while the profile has a trust file (it was deleted): no plugin runs until the profile's file is
 * applied again.
 */
@Component(configurationPid = TrustSettings.PID, immediate = true, service = {})
@Designate(ocd = TrustConfiguration.class)
public class TrustSettings {

    /** The configuration PID. */
    public static final String PID = "dev.dragon.trust";

    /** The property FileInstall adds to a configuration it read from a file: that file's URI. */
    static final String FILE_PROPERTY = "felix.fileinstall.filename";
    /**
     * Framework property: the profile's watched configuration folder, set by the {@code dragon} script (a layered
     * profile's is a folder of links to its base's files and its own); absent, {@code launcher/profiles/PROFILE}.
     */
    static final String PROFILE_DIR_PROPERTY = "dragon.profile.dir";

    @Reference
    private PluginGate gate;

    @Activate
    @Modified
    void apply(BundleContext context, TrustConfiguration config, Map<String, Object> properties) {
        String homeProperty = context.getProperty("dragon.home");
        Path home = homeProperty == null ? Path.of("").toAbsolutePath() : Path.of(homeProperty).toAbsolutePath().normalize();
        String profileName = context.getProperty("dragon.profile");
        String profile = profileName == null ? "default" : profileName;
        Path folder = profileFolder(home, profileName, context.getProperty(PROFILE_DIR_PROPERTY));
        Optional<String> problem = misplaced(properties.get(FILE_PROPERTY), home, folder)
            .or(() -> lost(properties.containsKey(Constants.SERVICE_PID), home, folder));
        gate.configure(problem.isPresent() ? TrustPolicy.invalid(profile, problem.get())
            : TrustPolicy.from(config.mode(), config.allow(), config.allowlist_file(), home, profile));
    }

    /**
     * @param home       the dragon home
     * @param profile    the profile's name, {@code null} outside the launcher (tests)
     * @param configured the {@value #PROFILE_DIR_PROPERTY} property, {@code null} when not set
     * @return the one folder a trust configuration may come from, {@code null} without a profile
     */
    static Path profileFolder(Path home, String profile, String configured) {
        if (profile == null) return null;
        if (configured != null && !configured.isBlank()) return Path.of(configured).toAbsolutePath().normalize();
        return home.resolve("launcher").resolve("profiles").resolve(profile);
    }

    /**
     * Why running without configuration would be wrong: the profile has a trust file, yet ConfigAdmin holds none — it
     * was deleted (for instance by removing a {@code dev.dragon.trust.cfg} dropped into {@code plugins/}, which had
     * overwritten the profile's). The defaults (mode {@code any}) would open the gate; FileInstall applies the profile's
     * file again only when it changes.
     */
    static Optional<String> lost(boolean configured, Path home, Path folder) {
        if (configured || folder == null) return Optional.empty();
        for (String name : new String[] {PID + ".cfg", PID + ".config"}) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of("its configuration was deleted while " + PluginFolders.display(file, home)
                    + " exists; touch that file or restart to apply it again");
            }
        }
        return Optional.empty();
    }

    /**
     * Why a configuration file may not set the trust policy: only the profile's own folder may, never
     * {@code plugins/} — else whoever can drop a jar there could drop {@code mode = any} beside it.
     */
    static Optional<String> misplaced(Object fileInstallName, Path home, Path profileFolder) {
        if (fileInstallName == null || profileFolder == null) return Optional.empty();
        Path file;
        try {
            String name = fileInstallName.toString();
            file = name.startsWith("file:") ? Path.of(URI.create(name)) : Path.of(name);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.of("it was read from '" + fileInstallName + "', not from the profile's folder");
        }
        file = file.toAbsolutePath().normalize();
        if (file.startsWith(profileFolder)) return Optional.empty();
        return Optional.of("it was read from " + PluginFolders.display(file, home) + ", but trust is configured only in the profile's folder "
            + PluginFolders.display(profileFolder, home) + "/");
    }
}
