package dev.dragon.io;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The fixtures written by src/test/python/make_io_fixtures.py. */
final class Fixtures {

    private Fixtures() {
    }

    static Path io(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture io/" + name + " (run make_io_fixtures.py)", e);
        }
    }
}
