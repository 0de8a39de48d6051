package dev.dragon.core.trust;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folders FileInstall watches ({@code felix.fileinstall.dir}, comma-separated, relative to the working
 * directory as FileInstall reads them), and which bundle locations point into them. FileInstall installs a jar
 * with its file URI as the location ({@code file:/home/…/plugins/foo.jar}); the profile's own bundles have other
 * locations and are never judged.
 */
final class PluginFolders {

    private final List<Path> folders;

    PluginFolders(List<Path> folders) {
        this.folders = folders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
    }

    /** The folders named by the {@code felix.fileinstall.dir} property value ({@code null}: none). */
    static PluginFolders fromProperty(String value) {
        List<Path> folders = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                String dir = part.strip();
                if (dir.isEmpty()) continue;
                try {
                    folders.add(Path.of(dir));
                } catch (InvalidPathException ignored) {
                    // FileInstall cannot watch it either
                }
            }
        }
        return new PluginFolders(folders);
    }

    List<Path> folders() {
        return folders;
    }

    /** The file a bundle location names when it lies in a watched folder; empty for every other location. */
    Optional<Path> fileOf(String location) {
        Path file = pathOf(location);
        if (file == null) return Optional.empty();
        for (Path folder : folders) {
            if (file.startsWith(folder) && !file.equals(folder)) return Optional.of(file);
        }
        return Optional.empty();
    }

    private static Path pathOf(String location) {
        if (location == null || location.isBlank()) return null;
        try {
            URI uri = new URI(location);
            if ("file".equalsIgnoreCase(uri.getScheme()) && uri.getPath() != null) {
                return Path.of(uri.getPath()).toAbsolutePath().normalize();
            }
            if (uri.getScheme() != null && uri.getScheme().length() > 1) return null; // another scheme: not a dropped file
        } catch (URISyntaxException | IllegalArgumentException notAUri) {
            // a plain path, as some installers use
        }
        try {
            return Path.of(location).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A file as users see it: relative to the dragon home when it lies inside it. */
    static String display(Path file, Path home) {
        Path normalized = file.toAbsolutePath().normalize();
        return home != null && normalized.startsWith(home) ? home.relativize(normalized).toString() : normalized.toString();
    }
}
