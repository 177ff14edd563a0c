package io.jvectorize.samples;

import io.jvectorize.Vectorize;

/**
 * NumPy's binary ufuncs as @Vectorize methods, with NumPy's identities: the companion
 * {@code UfuncsVectorized} has their {@code Reduce}, {@code ReduceParallel}, {@code Accumulate},
 * {@code Outer} and {@code At} methods besides the elementwise kernels.
 */
public final class Ufuncs {
    private Ufuncs() {}

    /** {@code np.add} on float64: identity 0, so {@code addReduce} of an empty array is 0. */
    @Vectorize(identity = "0")
    public static double add(double a, double b) {
        return a + b;
    }

    /**
     * {@code np.add} on int64, which wraps around as Java's {@code +} does. A method of its own:
     * an int64 signature on {@link #add} would compute in double and saturate.
     */
    @Vectorize(identity = "0")
    public static long addInt64(long a, long b) {
        return a + b;
    }

    /** {@code np.multiply}: identity 1. */
    @Vectorize(identity = "1")
    public static double multiply(double a, double b) {
        return a * b;
    }

    /** {@code np.subtract}: no identity, not reorderable. */
    @Vectorize
    public static double subtract(double a, double b) {
        return a - b;
    }

    /**
     * {@code np.maximum}, as NumPy 1.24 computes it on arrays: {@code a} where it is greater or
     * NaN, else {@code b}; so a NaN wins, and of two zeros the second. No identity, but any
     * grouping gives the same result: a parallel reduce may regroup it.
     */
    @Vectorize(identity = "reorderable")
    public static double maximum(double a, double b) {
        return a > b || a != a ? a : b;
    }
}
