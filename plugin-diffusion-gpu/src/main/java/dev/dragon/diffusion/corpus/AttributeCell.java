package dev.dragon.diffusion.corpus;

/**
 * A combination of the four most audible attributes. The held-out prompt set is drawn from cells the training set
 * never contains, so evaluation asks for combinations the model has not heard, made of values it has.
 *
 * @param instrument the melody instrument
 * @param tempoClass the tempo band
 * @param register   the melody's register
 * @param dynamics   the dynamic level
 */
public record AttributeCell(Instrument instrument, TempoClass tempoClass, Register register, Dynamics dynamics) {

    /** @return the number of distinct cells */
    public static int count() {
        return Instrument.values().length * TempoClass.values().length * Register.values().length * Dynamics.values().length;
    }

    /**
     * @param index 0 … {@link #count()} − 1
     * @return the cell with that index (instrument varies slowest)
     */
    public static AttributeCell byIndex(int index) {
        int d = Dynamics.values().length;
        int r = Register.values().length;
        int t = TempoClass.values().length;
        return new AttributeCell(Instrument.values()[index / (d * r * t)], TempoClass.values()[index / (d * r) % t],
            Register.values()[index / d % r], Dynamics.values()[index % d]);
    }
}
