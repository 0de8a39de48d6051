package dev.dragon.diffusion.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reference arrays written by {@code src/test/python/make_loss_fixtures.py}: one array per line,
 * {@code name d0,d1,...: v0 v1 ...}, row-major float64.
 */
public final class Fixtures {

    private final Map<String, long[]> shapes = new HashMap<>();
    private final Map<String, double[]> values = new HashMap<>();

    private Fixtures() {
    }

    /** Reads a fixture file from the test class path. */
    public static Fixtures load(String resource) throws IOException {
        Fixtures fixtures = new Fixtures();
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing fixture " + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int colon = line.indexOf(':');
                String[] head = line.substring(0, colon).split(" ", -1);
                String shape = head.length > 1 ? head[1].trim() : "";
                long[] dims = shape.isEmpty() ? new long[0]
                    : java.util.Arrays.stream(shape.split(",")).mapToLong(Long::parseLong).toArray();
                double[] data = java.util.Arrays.stream(line.substring(colon + 1).trim().split(" "))
                    .mapToDouble(Double::parseDouble).toArray();
                fixtures.shapes.put(head[0], dims);
                fixtures.values.put(head[0], data);
            }
        }
        return fixtures;
    }

    /** The values of one array, row-major. */
    public double[] values(String name) {
        double[] data = values.get(name);
        if (data == null) throw new IllegalArgumentException("no fixture array " + name);
        return data.clone();
    }

    /** A scalar fixture. */
    public double scalar(String name) {
        return values(name)[0];
    }

    /** One array as an NDArray of the given type. */
    public NDArray array(NDManager manager, String name, DataType type) {
        NDArray array = manager.create(values(name), new Shape(shapes.get(name)));
        return type == DataType.FLOAT64 ? array : array.toType(type, false);
    }
}
