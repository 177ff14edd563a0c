package io.jvectorize.samples;

import io.jvectorize.Vectorize;

/**
 * The seed's two functions, written as a user would: plain scalar Java, annotated. The build
 * generates {@link SeedVectorized} with their array kernels.
 */
public final class Seed {
    /** Mean of the seed's Gaussian. */
    public static final double MU = -1.33;
    /** Standard deviation of the seed's Gaussian. */
    public static final double SIGMA = 1.25;

    private static final double NORMALIZER = 1.0 / (SIGMA * Math.sqrt(2.0 * Math.PI));
    private static final double TWO_SIGMA_SQUARED = 2.0 * SIGMA * SIGMA;

    private Seed() {}

    /** The polynomial {@code 5t² + 4t + 1}, in Horner form. */
    @Vectorize(signature = {"float32(float32)", "float64(float64)"})
    public static double poly(double t) {
        return (5.0 * t + 4.0) * t + 1.0;
    }

    /** The density of the normal distribution with mean {@link #MU} and deviation {@link #SIGMA}. */
    @Vectorize(signature = "float64(float64)")
    public static double gaussian(double x) {
        double d = x - MU;
        return NORMALIZER * Math.exp(-(d * d) / TWO_SIGMA_SQUARED);
    }
}
