package io.jvectorize.runtime;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Lanewise math functions whose Vector API operator disagrees with {@link Math} on special
 * values, made to agree; generated SIMD classes and Compute's block engine call them. Loaded only by
 * those, so only where {@code jdk.incubator.vector} is present.
 *
 * <p>{@code POW} runs the JDK's vector math library, which follows C and gets signs wrong at
 * the edges (seen with AVX-512 on JDK 17): {@code pow(1, NaN)} and {@code pow(±1, ±∞)} are 1
 * where {@link Math#pow} says NaN, and {@code pow(-0.0, -3)} or a negative base's underflow to
 * zero lose the sign. So the library computes {@code pow(|x|, y)} only, and the sign and NaN
 * cases follow Math's rules here: its specification's, as {@link StrictMath#pow} computes them.
 * HotSpot's own Math.pow breaks them for a base of ±0.0 or ±∞ and an exponent of magnitude in
 * [2^51, 2^52), whose parity it takes wrong: {@code Math.pow(-0.0, 0x1p51 + 1)} gives 0.0 where
 * the specification says -0.0. There this class gives the specification's value.
 */
public final class VectorMath {

    private static final double TWO_52 = 0x1p52;
    private static final float TWO_23 = 0x1p23f;

    private VectorMath() {}

    /** {@link Math#pow} on each lane, within the Vector API's bound, with Math's special cases. */
    public static DoubleVector pow(DoubleVector x, DoubleVector y) {
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

    /** {@link Math#pow} of each lane and one exponent. */
    public static DoubleVector pow(DoubleVector x, double y) {
        return pow(x, DoubleVector.broadcast(x.species(), y));
    }

    /** {@code (float) Math.pow(x, y)} on each lane, computed in float; the same rules in float. */
    public static FloatVector pow(FloatVector x, FloatVector y) {
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

    /** {@code (float) Math.pow(x, y)} of each lane and one exponent. */
    public static FloatVector pow(FloatVector x, float y) {
        return pow(x, FloatVector.broadcast(x.species(), y));
    }
}
