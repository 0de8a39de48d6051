package dev.dragon.aesthetics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The reference values of {@code src/test/python/make_fixtures.py}: one named float64 array a line. */
public final class Fixtures {

    private static Map<String, double[]> values;

    private Fixtures() {
    }

    /** @return the array called {@code name} */
    public static synchronized double[] get(String name) {
        if (values == null) values = load();
        double[] v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no fixture " + name);
        return v.clone();
    }

    /** @return the single value called {@code name} */
    public static double scalar(String name) {
        return get(name)[0];
    }

    private static Map<String, double[]> load() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dev/dragon/aesthetics/fixtures.txt")) {
            Map<String, double[]> out = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.trim().split(" ");
                out.put(parts[0], Arrays.stream(parts, 1, parts.length).mapToDouble(Double::parseDouble).toArray());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
