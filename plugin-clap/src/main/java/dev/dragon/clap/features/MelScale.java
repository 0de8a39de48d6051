package dev.dragon.clap.features;

/** The two mel scales CLAP uses, with their conversions from and to Hz. */
public enum MelScale {
    /** HTK: 2595·log10(1 + f/700). Used with truncation "fusion". */
    HTK {
        @Override
        public double fromHz(double hz) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }

        @Override
        public double toHz(double mel) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
    },
    /** Slaney: linear (3f/200) below 1 kHz, logarithmic above. Used with truncation "rand_trunc". */
    SLANEY {
        private static final double LOG_START_HZ = 1000.0;
        private static final double LOG_START_MEL = 15.0;
        private final double logStep = Math.log(6.4) / 27.0;

        @Override
        public double fromHz(double hz) {
            return hz >= LOG_START_HZ ? LOG_START_MEL + Math.log(hz / LOG_START_HZ) / logStep : 3.0 * hz / 200.0;
        }

        @Override
        public double toHz(double mel) {
            return mel >= LOG_START_MEL ? LOG_START_HZ * Math.exp(logStep * (mel - LOG_START_MEL)) : 200.0 * mel / 3.0;
        }
    };

    /**
     * @param hz a frequency
     * @return it on this mel scale
     */
    public abstract double fromHz(double hz);

    /**
     * @param mel a value on this mel scale
     * @return the frequency in Hz
     */
    public abstract double toHz(double mel);
}
