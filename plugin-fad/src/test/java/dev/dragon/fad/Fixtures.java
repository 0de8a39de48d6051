package dev.dragon.fad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import dev.dragon.io.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;

/** Reads what make_fixtures.py wrote: stored .npy inputs, recipes of generated inputs and expected values. */
final class Fixtures {

    private static final Properties EXPECTED = load();

    private Fixtures() {
    }

    private static Properties load() {
        try (InputStream in = Fixtures.class.getResourceAsStream("expected.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double expected(String key) {
        String value = EXPECTED.getProperty(key);
        if (value == null) throw new IllegalStateException("no fixture value " + key);
        return Double.parseDouble(value);
    }

    static FrameEmbeddings generated(String name) {
        String recipe = EXPECTED.getProperty("gen." + name);
        if (recipe == null) throw new IllegalStateException("no fixture recipe " + name);
        return GeneratedEmbeddings.fromRecipe(recipe);
    }

    static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static FrameEmbeddings stored(String name) {
        try {
            return Npy.read(file(name + ".npy")).toFrameEmbeddings();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReferenceStatistics statistics(FrameEmbeddings rows) {
        return new GaussianAccumulator(rows.dimension(), "fixture").add(rows, "fixture").toStatistics("test-encoder", "test-set");
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        double error = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= tolerance, what + ": expected " + expected + ", got " + actual + " (relative error " + error + ")");
    }
}
