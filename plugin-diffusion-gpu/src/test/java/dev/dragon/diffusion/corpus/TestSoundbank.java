package dev.dragon.diffusion.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One frozen emergency soundbank for all tests of a run (building it takes about half a second). */
final class TestSoundbank {

    private static Path folder;
    private static SoundbankSource shared;

    private TestSoundbank() {
    }

    static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("dragon-corpus-soundbank");
                folder.toFile().deleteOnExit();
                SoundbankSource.frozenEmergency(folder);
                folder.resolve(SoundbankSource.FROZEN_EMERGENCY_FILE).toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    static synchronized SoundbankSource get() {
        if (shared == null) {
            try {
                shared = SoundbankSource.frozenEmergency(folder());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }
}
