package dev.dragon.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginFoldersTest {

    private final PluginFolders folders = PluginFolders.fromProperty("/home/d/plugins, /home/d/launcher/profiles/demo");

    @Test
    void parsesTheCommaSeparatedProperty() {
        assertEquals(List.of(Path.of("/home/d/plugins"), Path.of("/home/d/launcher/profiles/demo")), folders.folders());
        assertEquals(List.of(), PluginFolders.fromProperty(null).folders());
    }

    @Test
    void fileInstallLocationsInsideAWatchedFolderAreJudged() {
        assertEquals(Optional.of(Path.of("/home/d/plugins/foo.jar")), folders.fileOf("file:/home/d/plugins/foo.jar"));
        assertEquals(Optional.of(Path.of("/home/d/plugins/my plugin.jar")), folders.fileOf("file:/home/d/plugins/my%20plugin.jar"));
        assertEquals(Optional.of(Path.of("/home/d/plugins/foo.jar")), folders.fileOf("/home/d/plugins/sub/../foo.jar"));
        assertEquals(Optional.of(Path.of("/home/d/launcher/profiles/demo/x.jar")), folders.fileOf("file:/home/d/launcher/profiles/demo/x.jar"));
    }

    @Test
    void theProfilesOwnBundlesAndLookalikesAreNot() {
        assertEquals(Optional.empty(), folders.fileOf("reference:file:/home/d/plugins/foo.jar"));
        assertEquals(Optional.empty(), folders.fileOf("file:/tmp/bnd/jar/framework-core-0.1.0.jar"));
        assertEquals(Optional.empty(), folders.fileOf("file:/home/d/plugins-old/foo.jar"), "a sibling folder sharing the prefix");
        assertEquals(Optional.empty(), folders.fileOf("file:/home/d/plugins"), "the folder itself");
        assertEquals(Optional.empty(), folders.fileOf("itest:sample-reward"));
        assertEquals(Optional.empty(), folders.fileOf("System Bundle"));
        assertEquals(Optional.empty(), folders.fileOf(null));
    }

    @Test
    void displaysFilesRelativeToHome() {
        assertEquals("plugins/foo.jar", PluginFolders.display(Path.of("/home/d/plugins/foo.jar"), Path.of("/home/d")));
        assertEquals("/elsewhere/foo.jar", PluginFolders.display(Path.of("/elsewhere/foo.jar"), Path.of("/home/d")));
    }
}
