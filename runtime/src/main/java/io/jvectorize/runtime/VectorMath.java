package io.jvectorize.runtime;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Lanewise {@code pow} and {@code tanh} for generated SIMD classes and Compute's engines: the
 * one place that decides whether the JDK's vector math library pays for them on this CPU
 * ({@link #VECTOR_POW}, {@link #VECTOR_TANH}). Where it does, they run on the library; where it
 * does not, lane by lane with {@link Math}, since the Vector API's own fallback is several times
 * slower than that. Loaded only by Vector API code, so only where {@code jdk.incubator.vector}
 * is present.
 *
 * <p>Measured over 2^20 float64 values inside a Vector API loop, JDK 17 and 25, AMD EPYC (Zen 5),
 * medians, against a loop of Math's: with AVX-512 the library's {@code POW} is 8 (JDK 17) to 18
 * (JDK 25) times faster than Math.pow and its {@code TANH} 7 to 8 times faster than Math.tanh;
 * with {@code -XX:UseAVX=2} the JDK has no vector pow, so {@code POW} runs 1.5 to 3 times slower
 * than Math.pow and lane by lane 1.3 times, while {@code TANH} stays 4 to 7 times faster.
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
     * Whether {@code tanh} runs on the JDK's vector math library: on x86 with vectors of 256
     * bits or more (AVX2 and AVX-512); elsewhere, where it is not measured, lane by lane with Math.
     */
    public static final boolean VECTOR_TANH = isX86() && DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;

    private static final double TWO_52 = 0x1p52;
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
        return VECTOR_TANH ? x.lanewise(VectorOperators.TANH) : laneTanh(x);
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
