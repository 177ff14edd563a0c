package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;

/** Two-parameter fixtures. None is symmetric in its arguments, so swapped arguments show. */
final class BinaryKernels {
    private BinaryKernels() {}

    /** Mixed argument types, and the short names f4, double. */
    @Vectorize(signature = {
        "double(float32, int64)", "float64(int32, float64)", " f4 ( f4 , f4 ) ", "float64(float64, float64)"})
    static double lean(double base, double slope) {
        return base - slope * 0.75 + base * slope;
    }

    /** int64 arithmetic that overflows and wraps. */
    @Vectorize(signature = {"int16(int16, int16)", "int32(int32, int64)", "int64(int64, int64)"})
    static long mixBits(long seed, long salt) {
        return seed * 0x9E3779B97F4A7C15L + (salt ^ (seed >>> 29));
    }

    /** Integer remainder that never divides by zero; MIN_VALUE % -1 is 0 in Java. */
    @Vectorize(signature = {"int8(int8, int8)", "int32(int32, int32)"})
    static int safeRemainder(int dividend, int divisor) {
        return divisor == 0 ? dividend : dividend % divisor;
    }

    /**
     * A binary transcendental, own types. Bound as for Math.pow alone (SimdKernelsTest); on
     * JDK 17 with AVX2 the Vector API has no vector pow and its fallback calls Math.pow per lane,
     * so the results there are Math's. StrictMath, not Math: HotSpot's Math.pow (JDK 17 and 25,
     * x86) takes some half-integers in [2^51, 2^52) for odd integers, so that
     * {@code Math.pow(-0.0, -2494584600965508.5)} is -Infinity where its specification, StrictMath
     * and the SIMD loop say +Infinity; the random exponents here hit such values.
     */
    @Approximate(ulps = TranscendentalKernels.ULPS, why = TranscendentalKernels.WHY)
    @Vectorize
    static double power(double base, double exponent) {
        return StrictMath.pow(base, exponent);
    }
}
