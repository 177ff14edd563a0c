package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;

/**
 * One kernel per transcendental Math function, for {@link SimdKernelsTest} to measure how far
 * the Vector API's routine is from Math's: each bound is the one docs/simd.md's accuracy table
 * states for the function, and the one that test asserts.
 */
final class TranscendentalKernels {
    /**
     * The table's 1 ulp: exp, expm1, log, log10, log1p, sin, cos, tan, asin, acos, atan, cbrt,
     * hypot, pow, the functions Java specifies within 1 ulp of the exact result. Measured: at
     * most 1 for each (4,000,000 values each, three samples: JDK 17 and Temurin 25, AVX-512 and
     * -XX:UseAVX=2 on an AMD EPYC Zen 5). For hypot, 1 ulp also covers infinity where Math.hypot
     * gives MAX_VALUE, see {@link Bits#OVERFLOW}.
     */
    static final int ULPS = 1;
    static final String WHY = "docs/simd.md: 1 ulp; measured at most 1 (12M values, JDK 17 and 25, AVX-512 and AVX2)";
    /**
     * The table's 2 ulps: sinh, cosh and tanh, which Java allows 2.5 ulps from the exact result,
     * and atan2, which it allows 2. Measured: 2 for each on JDK 17, tanh 1 on Temurin 25 (same
     * samples). atan2's 2 is Math's error, not the vector routine's: at (-2.3317022650565367,
     * 9.164757354314155) Math.atan2 (and StrictMath.atan2) is 1.53 ulps below the exact value,
     * the vector routine 0.47 above.
     */
    static final int WIDER_ULPS = 2;
    static final String WIDER_WHY = "docs/simd.md: 2 ulps; measured 2 (12M values, JDK 17 and 25, AVX-512 and AVX2)";

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

    @Approximate(ulps = WIDER_ULPS, why = WIDER_WHY)
    @Vectorize
    static double sinh(double x) {
        return Math.sinh(x);
    }

    @Approximate(ulps = WIDER_ULPS, why = WIDER_WHY)
    @Vectorize
    static double cosh(double x) {
        return Math.cosh(x);
    }

    @Approximate(ulps = WIDER_ULPS, why = WIDER_WHY)
    @Vectorize
    static double tanh(double x) {
        return Math.tanh(x);
    }

    @Approximate(ulps = ULPS, why = WHY)
    @Vectorize
    static double cbrt(double x) {
        return Math.cbrt(x);
    }

    @Approximate(ulps = WIDER_ULPS, why = WIDER_WHY)
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
