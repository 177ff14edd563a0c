package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;
import io.jvectorize.samples.SampleBounds;

/**
 * Fixtures written to be translatable to SIMD lane code (where the build gives javac the Vector
 * API): operators, Math methods, branches that become blends, locals, constants, calls of
 * sibling methods. Each must still give exactly the scalar method's results, except the
 * {@link Approximate} ones, which call transcendental functions: within their bounds.
 */
final class LaneKernels {
    static final double SCALE = 0.375;

    private LaneKernels() {}

    /** -x is not 0 - x: it flips the sign of zero. */
    @Vectorize
    static double negate(double x) {
        return -x;
    }

    /** Math.max and Math.min: NaN wins, and -0.0 is less than 0.0. */
    @Vectorize
    static double spread(double a, double b) {
        return Math.max(a, b) - Math.min(a, -b);
    }

    @Vectorize
    static double absRoot(double x) {
        return Math.sqrt(Math.abs(x)) - x;
    }

    /** A conditional expression: a comparison with NaN is false. */
    @Vectorize
    static double pick(double x, double y) {
        return x < y ? x * 2 : y - x;
    }

    /** if/else chains assigning a local, with a division that only one branch needs. */
    @Vectorize
    static double piecewise(double x) {
        double r;
        if (x > 1.0) {
            r = x * x;
        } else if (x != x) {
            r = -1.0;
        } else {
            r = 1.0 / x;
        }
        return r + 0.5;
    }

    /** Compound assignments, a constant field, and Math.PI. */
    @Vectorize
    static double accumulate(double x, double y, double z) {
        double acc = x;
        acc *= y;
        acc += z * SCALE;
        acc -= Math.PI;
        return acc / 3;
    }

    /** Calls of other @Vectorize methods of the class. */
    @Vectorize
    static double callsSiblings(double x, double y) {
        return negate(x) * 3 + pick(y, x);
    }

    @Vectorize
    static float floatMix(float a, float b) {
        return a * b - a / b + Math.max(a, b) + 0.1f;
    }

    /** Java masks shift distances to 6 bits; ~ is bitwise not. */
    @Vectorize
    static long shifts(long a, long b) {
        return (a >>> b) ^ (a << (b + 1)) ^ (a >> 61) ^ ~b;
    }

    /** int lanes wrap on overflow; Math.abs(Integer.MIN_VALUE) is Integer.MIN_VALUE. */
    @Vectorize
    static int intMix(int a, int b) {
        return a * b + (a >> 3) - (b >>> 2) + Math.abs(a) + Math.min(a, b);
    }

    /** Long division that never divides by zero; MIN_VALUE / -1 is MIN_VALUE in Java. */
    @Vectorize
    static long oddQuotient(long dividend, long divisor) {
        return dividend / (divisor | 1);
    }

    /** A boolean result from double comparisons. */
    @Vectorize
    static boolean isOutlier(double x, double limit) {
        return Math.abs(x) > limit || x != x;
    }

    /**
     * Transcendental Math functions, one each. Its eight terms can cancel at any magnitude the
     * logarithms reach (log(|y|) down to -744, log10(|x|) up to 308), so the bound is in ulps of
     * 1024 below 1024. Measured: at most 4 ulps of max(|result|, 1024), at (8.827159985068903,
     * -4.712531931608197), y near a pole of tan (SimdKernelsTest's domain, 4,000,000 values; 2 on
     * three other samples of 4,000,000, GeneratedKernelsTest's kind of values among them; JDK 17
     * and 25, AVX-512 and AVX2). Not everywhere: nearer tan's poles, where tan(y) cancels
     * expm1(y) at 3e7, a result of 80486 is 256 of its ulps off, at (-6.4e-48, 17.278759626150908).
     */
    @Approximate(ulps = 4, scale = 1024, why = "measured at most 4 ulps of max(|result|, 1024) on SimdKernelsTest's domain")
    @Vectorize
    static double transcendental(double x, double y) {
        return Math.exp(x) + Math.log(Math.abs(y)) + Math.cos(x) * Math.tan(y) + Math.atan2(x, y)
                + Math.pow(Math.abs(x), y) + Math.tanh(x) + Math.expm1(y) + Math.log10(Math.abs(x));
    }

    static final double MU = -1.33;
    static final double SIGMA = 1.25;
    static final double NORMALIZER = 1.0 / (SIGMA * Math.sqrt(2.0 * Math.PI));
    static final double TWO_SIGMA_SQUARED = 2.0 * SIGMA * SIGMA;

    /**
     * The seed's Gaussian ({@code io.jvectorize.samples.Seed#gaussian}) with constants of a test
     * class, whose compile-time constants the SIMD loop inlines as literals: held to the seed's
     * bound, as the seed's kernel is.
     */
    @Approximate(ulps = SampleBounds.GAUSSIAN_ULPS, why = "see SampleBounds.GAUSSIAN_ULPS")
    @Vectorize
    static double gaussian(double x) {
        double d = x - MU;
        return NORMALIZER * Math.exp(-(d * d) / TWO_SIGMA_SQUARED);
    }
}
