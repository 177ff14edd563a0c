package io.jvectorize.runtime;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Lanewise {@code pow} and {@code tanh} for generated SIMD classes and Compute's engines: the
 * one place that decides whether the JDK's vector math library pays for them on this CPU
 * ({@link #VECTOR_POW}, {@link #VECTOR_TANH}, {@link #LIBRARY_TANH_FLOAT64}). Where it does, they run on the library; where it
 * does not, lane by lane with {@link Math}, since the Vector API's own fallback is several times
 * slower than that. Loaded only by Vector API code, so only where {@code jdk.incubator.vector}
 * is present.
 *
 * <p>Measured over 2^20 float64 values inside a Vector API loop, JDK 17 and 25, AMD EPYC (Zen 5),
 * medians, against a loop of Math's: with AVX-512 the library's {@code POW} is 8 (JDK 17) to 18
 * (JDK 25) times faster than Math.pow and its {@code TANH} 7 to 8 times faster than Math.tanh;
 * with {@code -XX:UseAVX=2} the JDK has no vector pow, so {@code POW} runs 1.5 to 3 times slower
 * than Math.pow and lane by lane 1.3 times, while {@code TANH} stays 4 to 7 times faster. On a
 * real AVX2 CPU (AMD EPYC Zen 2, JDK 17 and 25, 2^16 values in cache) the float64 {@code TANH}
 * runs at 0.4 to 1.1 times Math.tanh's speed, where every other routine of the engines runs 2 to
 * 28 times faster than Math's: there float64 tanh is {@link #tanhFromExpm1}.
 *
 * <p>{@code pow} keeps Math's rules for signs and NaN either way. The library follows C and gets
 * signs wrong at the edges (seen with AVX-512 on JDK 17): {@code pow(1, NaN)} and
 * {@code pow(±1, ±∞)} are 1 where {@link Math#pow} says NaN, and {@code pow(-0.0, -3)} or a
 * negative base's underflow to zero lose the sign. So the library computes {@code pow(|x|, y)}
 * only, and the sign and NaN cases follow Math's rules here: its specification's, as
 * {@link StrictMath#pow} computes them. HotSpot's own Math.pow breaks them for a base of ±0.0 or
 * ±∞ and an exponent of magnitude in [2^51, 2^52), whose parity it takes wrong:
 * {@code Math.pow(-0.0, 0x1p51 + 1)} gives 0.0 where the specification says -0.0. There this
 * class gives the specification's value, on either path.
 */
public final class VectorMath {

    /**
     * Whether {@code pow} runs on the JDK's vector math library: on x86 with 512-bit vectors
     * (AVX-512), the only vector unit where the JDK (17 to 25) has a vector pow; elsewhere
     * lane by lane with Math.
     */
    public static final boolean VECTOR_POW = isX86() && DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512;

    /**
     * Whether {@code tanh} runs a vector at a time: on x86 with vectors of 256 bits or more (AVX2
     * and AVX-512), on the JDK's vector math library or, for float64 where that library's routine
     * does not pay ({@link #LIBRARY_TANH_FLOAT64}), on {@link #tanhFromExpm1}; elsewhere, where
     * it is not measured, lane by lane with Math.
     */
    public static final boolean VECTOR_TANH = isX86() && DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;

    /**
     * Whether float64 {@code tanh} runs on the library's {@code TANH}: with AVX-512 only. With
     * AVX2 (AMD EPYC, Zen 2, JDK 17 and 25) its 4-lane float64 routine runs no faster than
     * Math.tanh, though every other routine the engines use, float32 TANH among them, runs 3 to
     * 30 times faster than Math's; there {@link #tanhFromExpm1} runs instead.
     */
    public static final boolean LIBRARY_TANH_FLOAT64 = VECTOR_TANH && DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512;

    private static final double TWO_52 = 0x1p52;
    /** Below this magnitude tanhFromExpm1 takes its polynomial. */
    private static final double TANH_POLYNOMIAL = 0.4;
    /** From this magnitude on tanh(x) rounds to ±1: 1 - tanh(x) < 2e^-2x is under half of 1's lower ulp. */
    private static final double TANH_SATURATED = 19.1;
    private static final float TWO_23 = 0x1p23f;

    private VectorMath() {}

    /** {@link Math#pow} on each lane, within 1 ulp, with the specification's special cases. */
    public static DoubleVector pow(DoubleVector x, DoubleVector y) {
        return VECTOR_POW ? libraryPow(x, y) : lanePow(x, y);
    }

    /** {@link Math#pow} of each lane and one exponent. */
    public static DoubleVector pow(DoubleVector x, double y) {
        return pow(x, DoubleVector.broadcast(x.species(), y));
    }

    /** {@code (float) Math.pow(x, y)} on each lane, the same rules in float. */
    public static FloatVector pow(FloatVector x, FloatVector y) {
        return VECTOR_POW ? libraryPow(x, y) : lanePow(x, y);
    }

    /** {@code (float) Math.pow(x, y)} of each lane and one exponent. */
    public static FloatVector pow(FloatVector x, float y) {
        return pow(x, FloatVector.broadcast(x.species(), y));
    }

    /** {@link Math#tanh} on each lane, within 2 ulps. */
    public static DoubleVector tanh(DoubleVector x) {
        return LIBRARY_TANH_FLOAT64 ? x.lanewise(VectorOperators.TANH) : VECTOR_TANH ? tanhFromExpm1(x) : laneTanh(x);
    }

    /** {@code (float) Math.tanh(x)} on each lane, within the vector library's float bound. */
    public static FloatVector tanh(FloatVector x) {
        return VECTOR_TANH ? x.lanewise(VectorOperators.TANH) : laneTanh(x);
    }

    private static boolean isX86() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    // ---- lane by lane ------------------------------------------------------------------------

    static DoubleVector lanePow(DoubleVector x, DoubleVector y) {
        DoubleVector result = x;
        for (int i = 0; i < x.length(); i++) {
            result = result.withLane(i, scalarPow(x.lane(i), y.lane(i)));
        }
        return result;
    }

    static FloatVector lanePow(FloatVector x, FloatVector y) {
        FloatVector result = x;
        for (int i = 0; i < x.length(); i++) {
            result = result.withLane(i, (float) scalarPow(x.lane(i), y.lane(i)));
        }
        return result;
    }

    /** Math.pow, but the specification's value where HotSpot's takes an exponent's parity wrong (a base of ±0 or ±∞). */
    private static double scalarPow(double x, double y) {
        return x == 0 || Double.isInfinite(x) ? StrictMath.pow(x, y) : Math.pow(x, y);
    }

    static DoubleVector laneTanh(DoubleVector x) {
        DoubleVector result = x;
        for (int i = 0; i < x.length(); i++) {
            result = result.withLane(i, Math.tanh(x.lane(i)));
        }
        return result;
    }

    static FloatVector laneTanh(FloatVector x) {
        FloatVector result = x;
        for (int i = 0; i < x.length(); i++) {
            result = result.withLane(i, (float) Math.tanh(x.lane(i)));
        }
        return result;
    }

    // ---- on the vector library ---------------------------------------------------------------

    /**
     * tanh from the library's {@code EXPM1}, measured within 1 ulp of the correctly rounded tanh
     * and within 2 of Math.tanh (8 million values in [0, 1.2), random ones over every range;
     * VectorTanhTest). Math.tanh is itself up to 2 ulps off (at 0.2321498684981701, for one), so
     * nothing much less accurate stays within 2 of it: the plain {@code e / (e + 2)} is 3 ulps
     * from it at 1 value in 4,000. Below 0.4 an odd polynomial, {@code x + x * z * q(z)} with
     * z = x², whose term after x is at most 5% of it, so that the one rounding of the sum
     * dominates; from 0.4 on {@code e / (e + 2)} with e = expm1(2|x|), the quotient corrected for
     * the rounding of {@code e + 2} and of itself, all terms positive so nothing cancels; from
     * {@link #TANH_SATURATED} on 1. The sign is x's, so ±0.0 and NaN keep theirs, subnormals
     * come out as themselves and ±Infinity as ±1. Needs FMA (every AVX2 CPU has it).
     */
    static DoubleVector tanhFromExpm1(DoubleVector x) {
        DoubleVector magnitude = x.abs();
        DoubleVector z = magnitude.mul(magnitude);
        // q(z) ~ (tanh(x) / x - 1) / z: runtime/src/test/python/tanh_polynomial.py fits it.
        DoubleVector q = z.lanewise(VectorOperators.FMA, -0x1.7925184d2d3bbp-13, 0x1.2c872c4b78687p-11)
                .lanewise(VectorOperators.FMA, z, z.broadcast(-0x1.7cf1caf964f45p-10))
                .lanewise(VectorOperators.FMA, z, z.broadcast(0x1.d6cb933d4b73bp-9))
                .lanewise(VectorOperators.FMA, z, z.broadcast(-0x1.226e1871fc56dp-7))
                .lanewise(VectorOperators.FMA, z, z.broadcast(0x1.664f48104c0c9p-6))
                .lanewise(VectorOperators.FMA, z, z.broadcast(-0x1.ba1ba1b938326p-5))
                .lanewise(VectorOperators.FMA, z, z.broadcast(0x1.1111111110b9fp-3))
                .lanewise(VectorOperators.FMA, z, z.broadcast(-0x1.5555555555555p-2));
        DoubleVector small = magnitude.lanewise(VectorOperators.FMA, z.mul(q), magnitude);

        DoubleVector e = magnitude.add(magnitude).lanewise(VectorOperators.EXPM1);
        DoubleVector d = e.add(2.0);
        DoubleVector dLost = e.sub(d.sub(2.0)); // what e + 2 rounded away: d - 2 is exact here
        DoubleVector inverse = d.broadcast(1.0).div(d);
        DoubleVector r = e.mul(inverse);
        // r - (r * (d + dLost) - e) / (d + dLost): one Newton step on the exact quotient.
        DoubleVector residual = r.lanewise(VectorOperators.FMA, dLost, r.lanewise(VectorOperators.FMA, d, e.neg()));
        DoubleVector large = r.sub(residual.mul(inverse));

        DoubleVector result = large.blend(small, magnitude.compare(VectorOperators.LT, TANH_POLYNOMIAL))
                .blend(1.0, magnitude.compare(VectorOperators.GE, TANH_SATURATED));
        return result.reinterpretAsLongs().or(x.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    static DoubleVector libraryPow(DoubleVector x, DoubleVector y) {
        DoubleVector magnitude = y.abs();
        VectorMask<Double> finite = magnitude.compare(VectorOperators.LT, Double.POSITIVE_INFINITY);
        // At 2^52 and above every double is an integer, and its last bit its parity; below, adding
        // 2^52 rounds to an integer and puts its parity in the last bit.
        VectorMask<Double> large = magnitude.compare(VectorOperators.GE, TWO_52);
        DoubleVector shifted = magnitude.add(TWO_52).blend(magnitude, large);
        VectorMask<Double> integer = large.or(shifted.sub(TWO_52).compare(VectorOperators.EQ, magnitude)).and(finite);
        VectorMask<Double> odd = integer.and(magnitude.compare(VectorOperators.LT, 2 * TWO_52))
                .and(shifted.reinterpretAsLongs().and(1L).compare(VectorOperators.EQ, 1L).cast(x.species()));
        VectorMask<Double> signBit = x.reinterpretAsLongs().compare(VectorOperators.LT, 0L).cast(x.species());
        DoubleVector result = x.abs().lanewise(VectorOperators.POW, y);
        result = result.blend(result.neg(), signBit.and(odd));
        VectorMask<Double> nan = y.test(VectorOperators.IS_NAN)
                .or(x.abs().compare(VectorOperators.EQ, 1.0).and(y.test(VectorOperators.IS_INFINITE)))
                .or(x.compare(VectorOperators.LT, 0.0).and(x.compare(VectorOperators.GT, Double.NEGATIVE_INFINITY))
                        .and(finite).andNot(integer));
        return result.blend(Double.NaN, nan);
    }

    /** The same in float: the library computes {@code pow(|x|, y)} in float. */
    static FloatVector libraryPow(FloatVector x, FloatVector y) {
        FloatVector magnitude = y.abs();
        VectorMask<Float> finite = magnitude.compare(VectorOperators.LT, Float.POSITIVE_INFINITY);
        VectorMask<Float> large = magnitude.compare(VectorOperators.GE, TWO_23);
        FloatVector shifted = magnitude.add(TWO_23).blend(magnitude, large);
        VectorMask<Float> integer = large.or(shifted.sub(TWO_23).compare(VectorOperators.EQ, magnitude)).and(finite);
        VectorMask<Float> odd = integer.and(magnitude.compare(VectorOperators.LT, 2 * TWO_23))
                .and(shifted.reinterpretAsInts().and(1).compare(VectorOperators.EQ, 1).cast(x.species()));
        VectorMask<Float> signBit = x.reinterpretAsInts().compare(VectorOperators.LT, 0).cast(x.species());
        FloatVector result = x.abs().lanewise(VectorOperators.POW, y);
        result = result.blend(result.neg(), signBit.and(odd));
        VectorMask<Float> nan = y.test(VectorOperators.IS_NAN)
                .or(x.abs().compare(VectorOperators.EQ, 1.0f).and(y.test(VectorOperators.IS_INFINITE)))
                .or(x.compare(VectorOperators.LT, 0.0f).and(x.compare(VectorOperators.GT, Float.NEGATIVE_INFINITY))
                        .and(finite).andNot(integer));
        return result.blend(Float.NaN, nan);
    }

}
