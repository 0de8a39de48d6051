package dev.dragon.api;

import java.util.Arrays;

/**
 * A generator's own representation of one sample (for a latent diffusion model: the clean latent x₀),
 * kept with each {@link Generation} so that training can noise it again without re-encoding audio.
 *
 * @param shape  the tensor shape, every extent positive
 * @param values the values in row-major order; owned by this object
 */
public record Latent(int[] shape, float[] values) {

    /** Checks that the shape accounts for every value. */
    public Latent {
        long n = 1;
        for (int s : shape) {
            if (s < 1) throw new IllegalArgumentException("latent extents must be positive: " + Arrays.toString(shape));
            n *= s;
        }
        if (n != values.length) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
        shape = shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Latent l && Arrays.equals(l.shape, shape) && Arrays.equals(l.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Latent" + Arrays.toString(shape);
    }
}
