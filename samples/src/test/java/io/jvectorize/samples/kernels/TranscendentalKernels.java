package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;

/**
 * One kernel per transcendental Math function, for {@link SimdKernelsTest} to measure how far
 * the Vector API's routine is from Math's: each bound is the one that test asserts.
 */
final class TranscendentalKernels {
    /**
     * The bound for the functions Java specifies within 1 ulp of the exact result (all but the
     * hyperbolic ones and atan2, which Java allows 2): Math and the vector routine are each within
     * about an ulp of the exact result, so within 2 of each other. Measured: at most 1, for each
     * of them (2,000,000 values each, JDK 17, AVX2), atan2 included.
     */
    static final int ULPS = 2;
    static final String WHY = "measured at most 1 ulp from Math (2M values, JDK 17, AVX2); 1 ulp of margin";
    /**
     * sinh, cosh and tanh: Java allows them 2.5 ulps from the exact result, and Math's (fdlibm's)
     * and the vector routine's results were up to 2 ulps apart.
     */
    static final int HYPERBOLIC_ULPS = 3;
    static final String HYPERBOLIC_WHY = "measured at most 2 ulps from Math (2M values, JDK 17, AVX2); 1 ulp of margin";

    private TranscendentalKernels() {}

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double exp(double x) {
        return Math.exp(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double log(double x) {
        return Math.log(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double log10(double x) {
        return Math.log10(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double log1p(double x) {
        return Math.log1p(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double expm1(double x) {
        return Math.expm1(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double sin(double x) {
        return Math.sin(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double cos(double x) {
        return Math.cos(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double tan(double x) {
        return Math.tan(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double asin(double x) {
        return Math.asin(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double acos(double x) {
        return Math.acos(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double atan(double x) {
        return Math.atan(x);
    }

    @Approximate(ulps = HYPERBOLIC_ULPS, why = HYPERBOLIC_WHY)
    @Vectorize
    static double sinh(double x) {
        return Math.sinh(x);
    }

    @Approximate(ulps = HYPERBOLIC_ULPS, why = HYPERBOLIC_WHY)
    @Vectorize
    static double cosh(double x) {
        return Math.cosh(x);
    }

    @Approximate(ulps = HYPERBOLIC_ULPS, why = HYPERBOLIC_WHY)
    @Vectorize
    static double tanh(double x) {
        return Math.tanh(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double cbrt(double x) {
        return Math.cbrt(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double atan2(double y, double x) {
        return Math.atan2(y, x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double hypot(double x, double y) {
        return Math.hypot(x, y);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double pow(double x, double y) {
        return Math.pow(x, y);
    }
}
