package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;

/** One-parameter fixtures: plain arithmetic, conversions at the boundary, a transcendental. */
final class UnaryKernels {
    private UnaryKernels() {}

    /** A cubic; its float32 kernel must compute in double and round once, at the end. */
    @Vectorize(signature = {"float64(int32)", "float64(int64)", "float32(float32)", "float64(float64)"})
    static double cubic(double x) {
        return ((x - 0.5) * x + 2.0) * x - 1.0 / 3.0;
    }

    /** Results cast to narrower types: saturating double-to-long, then int narrowing. */
    @Vectorize(signature = {"int16(int32)", "int8(int64)", "int32(float32)", "int64(float64)"})
    static double scale(double x) {
        return x * 1.5 - 0.25;
    }

    /** One Collatz step in long arithmetic, which wraps around on overflow. */
    @Vectorize(signature = {"int8(int8)", "float32(int16)", "int32(int32)", "int64(int64)"})
    static long collatzStep(long n) {
        return (n & 1) == 0 ? n >> 1 : 3 * n + 1;
    }

    /** No signature: the method's own types, float32(float32). */
    @Vectorize
    static float ownFloat(float x) {
        return x * x - 1.0f / x;
    }

    /**
     * Transcendental functions, for parallel-equals-serial checks. Its terms cancel: near
     * x = 0.41, 3.05 and 5.5 (terms up to 1.9) and where log1p(x) meets cbrt(x), near x = 95 (terms
     * up to 4.6), the result can be any number of its own ulps off, so the bound is in ulps of 8
     * below 8. Each of the four functions is within 1 ulp of Math (SimdKernelsTest), so the result
     * within a few ulps of the larger terms. Measured: at most 3 ulps of max(|result|, 8), at
     * x = 6726.760773080194 among others, on JDK 17 and 25 with AVX-512 and on JDK 17 with AVX2;
     * 2 on JDK 25 with AVX2 (three samples of 4,000,000 values and SimdKernelsTest's 4,000,000; in
     * ulps of max(|result|, 4.6): 4).
     */
    @Approximate(ulps = 3, scale = 8, why = "measured at most 3 ulps of max(|result|, 8): JDK 17 and 25, AVX-512 and AVX2")
    @Vectorize(signature = {"float32(float32)", "float64(float64)"})
    public static double wave(double x) {
        return Math.sin(x) * Math.exp(-x * x / 16.0) + Math.log1p(Math.abs(x)) - Math.cbrt(x);
    }
}
