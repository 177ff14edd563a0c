package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;

/** Three-parameter fixtures, each argument with its own role. */
final class TernaryKernels {
    private TernaryKernels() {}

    @Vectorize(signature = {
        "float64(int32, float64, float32)", "float32(float32, float32, float32)", "float64(float64, float64, float64)"})
    static double blend(double first, double second, double weight) {
        return first + (second - first) * weight;
    }

    @Vectorize(signature = {"int16(int16, int16, int16)", "int32(int32, int32, int32)", "int64(int64, int64, int64)"})
    static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(high, value)) * 3 + value;
    }

    /** Own types; Math.fma rounds once, so any reordering by a kernel would show. */
    @Vectorize
    static double fused(double factor, double multiplicand, double addend) {
        return Math.fma(factor, multiplicand, addend);
    }
}
