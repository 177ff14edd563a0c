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

    /**
     * {@link Waves#wave}, {@code sin t * cos(t/2) + sin(3t) / 4}: {@value #WAVE_ULPS} ulp of
     * {@value #WAVE_SCALE}. Its terms, and its values (at most 0.977), are below 1 in magnitude,
     * so each function's error of about an ulp of its own value is at most an ulp of 1.0 in the
     * sum, which near the wave's zeros is any number of its own ulps: the bound is in ulps of
     * max(|result|, 1.0). Measured: 1 (three samples of 4,000,000 values, [-4, 2], [-10, 10],
     * [-1000, 1000] and any double; JDK 17 and 25, AVX-512 and AVX2), also through Compute.
     */
    public static final int WAVE_ULPS = 1;
    /** What {@link #WAVE_ULPS} are ulps of where the wave is smaller: 1.0, the bound of its terms. */
    public static final double WAVE_SCALE = 1.0;

    private SampleBounds() {}
}
