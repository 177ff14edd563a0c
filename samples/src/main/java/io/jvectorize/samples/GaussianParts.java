package io.jvectorize.samples;

import io.jvectorize.Vectorize;

/**
 * The seed's Gaussian taken apart, for the demo: its arithmetic without the exponential, and
 * the exponential alone. Their times show where the Gaussian's time goes: the arithmetic runs
 * at the speed of memory, and {@code exp} is what costs more than a pass over memory.
 */
public final class GaussianParts {
    private static final double NORMALIZER = 1.0 / (Seed.SIGMA * Math.sqrt(2.0 * Math.PI));
    private static final double TWO_SIGMA_SQUARED = 2.0 * Seed.SIGMA * Seed.SIGMA;

    private GaussianParts() {}

    /** {@link Seed#gaussian} with {@code exp} left out: the same loads, arithmetic and store. */
    @Vectorize(signature = "float64(float64)")
    public static double withoutExp(double x) {
        double d = x - Seed.MU;
        return NORMALIZER * (-(d * d) / TWO_SIGMA_SQUARED);
    }

    /** The exponential alone. */
    @Vectorize(signature = "float64(float64)")
    public static double exp(double x) {
        return Math.exp(x);
    }
}
