package io.jvectorize.samples;

/**
 * How far the samples' functions may be from their scalar methods where the vector library's
 * math routines compute them (their SIMD loops, and Compute's generated loops calling their
 * lane functions): the bounds the docs state, in one place for every test that asserts them.
 */
public final class SampleBounds {
    /**
     * {@link Seed#gaussian}, {@code NORMALIZER * exp(-(d * d) / TWO_SIGMA_SQUARED)}, and the
     * same Gaussian written as an expression: 2 ulps of the result. Only exp differs from the
     * scalar method, by at most 1 ulp of exp (docs/simd.md). NORMALIZER, 0.3989... / 1.25, is in
     * [1/4, 1/2), so the product lies one or two binades below exp, where exp's ulp is at most 4
     * of the product's: the products differ by at most 0.32 * 4 = 1.28 ulps before rounding, 2.28
     * after both round, and by a multiple of half an ulp: at most 2. Measured: 2 (three samples
     * of 4,000,000 values, JDK 17 and 25, AVX-512 and AVX2).
     */
    public static final int GAUSSIAN_ULPS = 2;

    private SampleBounds() {}
}
