package dev.dragon.vendi;

import dev.dragon.api.FrameEmbeddings;

/**
 * The test inputs that plugin-vendi's make_fixtures.py describes by recipe instead of storing: a splitmix64 counter stream,
 * mixed across neighbouring columns, bit-identical to the script's numpy code.
 */
final class GeneratedEmbeddings {

    private GeneratedEmbeddings() {
    }

    /** Values in [0, 1): splitmix64 of seed + (i+1)·golden, top 53 bits. */
    static double[] unit(long seed, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            long z = seed + (i + 1L) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            out[i] = (z >>> 11) * 0x1.0p-53;
        }
        return out;
    }

    /** x[:, j] = u[:, j] + mix1·u[:, j+1] + mix2·u[:, j+5] + shift, columns cyclic, as the script computes it. */
    static FrameEmbeddings generate(long seed, int rows, int cols, double mix1, double mix2, double shift) {
        double[] u = unit(seed, rows * cols);
        for (int i = 0; i < u.length; i++) u[i] = 2.0 * u[i] - 1.0;
        double[] x = new double[u.length];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                int base = r * cols;
                x[base + j] = u[base + j] + mix1 * u[base + (j + 1) % cols] + mix2 * u[base + (j + 5) % cols] + shift;
            }
        }
        return new FrameEmbeddings(rows, cols, x);
    }

    /** @param recipe "seed,rows,cols,mix1,mix2,shift" as the fixture file writes it */
    static FrameEmbeddings fromRecipe(String recipe) {
        String[] p = recipe.split(",");
        return generate(Long.parseLong(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim()),
            Double.parseDouble(p[3]), Double.parseDouble(p[4]), Double.parseDouble(p[5]));
    }
}
