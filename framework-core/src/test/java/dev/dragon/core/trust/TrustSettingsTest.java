package dev.dragon.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustSettingsTest {

    private final Path home = Path.of("/home/d");
    private final Path demo = TrustSettings.profileFolder(home, "demo", null);

    @Test
    void onlyTheProfilesFolderMaySetTrust() {
        assertEquals(Optional.empty(), TrustSettings.misplaced("file:/home/d/launcher/profiles/demo/dev.dragon.trust.cfg", home, demo));
        assertEquals(Optional.empty(), TrustSettings.misplaced(null, home, demo), "set through ConfigAdmin, not from a file");
        assertEquals(Optional.empty(), TrustSettings.misplaced("file:/anywhere/dev.dragon.trust.cfg", home, null), "no profile: nothing to compare");
        assertEquals(Optional.of("it was read from plugins/dev.dragon.trust.cfg, but trust is configured only in the profile's folder launcher/profiles/demo/"),
            TrustSettings.misplaced("file:/home/d/plugins/dev.dragon.trust.cfg", home, demo));
        assertEquals(Optional.of("it was read from launcher/profiles/gpu/dev.dragon.trust.cfg, but trust is configured only in the profile's folder launcher/profiles/demo/"),
            TrustSettings.misplaced("/home/d/launcher/profiles/gpu/dev.dragon.trust.cfg", home, demo));
    }

    @Test
    void aLayeredProfileSetsTrustFromItsWatchedFolder() {
        Path merged = TrustSettings.profileFolder(home, "gpu", "/tmp/dragon-config.x1");
        assertEquals(Path.of("/tmp/dragon-config.x1"), merged);
        assertEquals(Optional.empty(), TrustSettings.misplaced("file:/tmp/dragon-config.x1/dev.dragon.trust.cfg", home, merged));
        assertEquals(Optional.of("it was read from plugins/dev.dragon.trust.cfg, but trust is configured only in the profile's folder /tmp/dragon-config.x1/"),
            TrustSettings.misplaced("file:/home/d/plugins/dev.dragon.trust.cfg", home, merged));
        assertEquals(null, TrustSettings.profileFolder(home, null, "/tmp/x"), "no profile (tests): nothing to compare");
    }

    @Test
    void noConfigurationWhileTheProfileHasATrustFileIsALostConfiguration(@TempDir Path home) throws Exception {
        Path demo = TrustSettings.profileFolder(home, "demo", null);
        assertEquals(Optional.empty(), TrustSettings.lost(false, home, demo), "a profile without trust file: defaults");
        Path folder = Files.createDirectories(home.resolve("launcher/profiles/demo"));
        Files.writeString(folder.resolve("dev.dragon.trust.cfg"), "mode = allowlist\n");
        assertEquals(Optional.of("its configuration was deleted while launcher/profiles/demo/dev.dragon.trust.cfg exists; touch that file or restart to apply it again"),
            TrustSettings.lost(false, home, demo));
        assertEquals(Optional.empty(), TrustSettings.lost(true, home, demo), "configured");
        assertEquals(Optional.empty(), TrustSettings.lost(false, home, null), "no profile (tests)");
    }
}
