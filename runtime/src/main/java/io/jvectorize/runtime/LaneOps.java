package io.jvectorize.runtime;

import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * One vector of float64 lanes per call: the operations a {@link FusedLoop} calls, one small
 * static method each, so that C2 inlines them into the generated loop and keeps every value in
 * a register. Each computes what {@link VectorBlockOps} computes for the same operator, so a
 * fused loop and the block engine agree bit for bit on arithmetic.
 *
 * <p>Touches {@code jdk.incubator.vector}: loaded only behind {@link Simd#ENABLED}.
 */
final class LaneOps {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Elements per vector: the step of the generated loop. */
    static final int LANES = SPECIES.length();
    /** As many int64 lanes, and int32 and float32 ones in half the bits, for the loads that convert. */
    private static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, SPECIES.vectorShape());
    private static final VectorSpecies<Integer> INTS =
            VectorSpecies.of(int.class, VectorShape.forBitSize(Math.max(64, SPECIES.vectorBitSize() / 2)));
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(Math.max(64, SPECIES.vectorBitSize() / 2)));
    private static final long TWO_52_BITS = Double.doubleToRawLongBits(0x1p52);
    /**
     * Whether the Vector API pays here, for the generated loops and the block engine's vector
     * kernels alike: with vectors of 256 bits or more (on x86: AVX2 and up), whose halves hold
     * as many int32 and float32 lanes as they hold float64 ones. With 128-bit vectors (SSE; AVX
     * alone, where the JDK's vectors are 128-bit too), masks, blends, int64 comparisons,
     * conversions between vector sizes and vector math fall back to code that allocates and
     * runs 20 to 80 times slower (measured with -XX:UseAVX=1 and 0, JDK 17 and 25), so plain
     * loops run instead. Where a half-size shape does not exist (2048-bit SVE, whose half the
     * JDK rounds up to the maximum), loads that convert would read past a vector.
     */
    static final boolean WIDE = SPECIES.vectorBitSize() >= 256 && INTS.length() == LANES && FLOATS.length() == LANES;
    /**
     * Whether {@code pow} and {@code tanh} run on the vector library too: on x86 with AVX-512.
     * There, measured over 10^7 float64 values (JDK 17 and 25), the Vector API's POW runs 7 times
     * faster than Math.pow and its TANH 6 to 17 times faster than Math.tanh. With AVX2 neither JDK
     * has a vector pow, and its fallback runs 1.5 times slower than Math.pow; elsewhere neither is
     * measured, so Math computes them.
     */
    static final boolean POW_AND_TANH = WIDE && SPECIES.vectorBitSize() >= 512
            && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));

    private LaneOps() {}

    /** The type of a lane function of {@code arity} arguments: {@code (DoubleVector, ...)DoubleVector}. */
    static MethodType functionType(int arity) {
        Class<?>[] parameters = new Class<?>[arity];
        Arrays.fill(parameters, DoubleVector.class);
        return MethodType.methodType(DoubleVector.class, parameters);
    }

    static DoubleVector load(double[] array, int index) {
        return DoubleVector.fromArray(SPECIES, array, index);
    }

    /**
     * int64 lanes as doubles, each rounded as Java's {@code (double)} cast rounds it. AVX2 has no
     * such conversion, and there the Vector API's {@code L2D} costs 20 to 160 times more (JDK 17
     * and 25), so it is built from operations every x86 vector unit has: {@code v = hi * 2^32 +
     * lo}, with {@code hi} signed and {@code lo} unsigned 32-bit integers, is exact in a double
     * but for the one rounding of the last addition.
     */
    static DoubleVector loadLongs(long[] array, int index) {
        LongVector v = LongVector.fromArray(LONGS, array, index);
        // 2^52 + t for an integer t below 2^52 has t as its low mantissa bits.
        LongVector hiPlus2To31 = v.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, 0x8000_0000L);
        DoubleVector hi = hiPlus2To31.lanewise(VectorOperators.OR, TWO_52_BITS).reinterpretAsDoubles()
                .sub(0x1p52 + 0x1p31);
        DoubleVector lo = v.lanewise(VectorOperators.AND, 0xFFFF_FFFFL).lanewise(VectorOperators.OR, TWO_52_BITS)
                .reinterpretAsDoubles().sub(0x1p52);
        return hi.mul(0x1p32).add(lo);
    }

    /** int32 lanes as doubles, exactly. */
    static DoubleVector loadInts(int[] array, int index) {
        return (DoubleVector) IntVector.fromArray(INTS, array, index).convertShape(VectorOperators.I2D, SPECIES, 0);
    }

    /** float32 lanes as doubles, exactly. */
    static DoubleVector loadFloats(float[] array, int index) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, array, index).convertShape(VectorOperators.F2D, SPECIES, 0);
    }

    static void store(DoubleVector value, double[] array, int index) {
        value.intoArray(array, index);
    }

    static VectorMask<Double> loadMask(boolean[] array, int index) {
        return VectorMask.fromArray(SPECIES, array, index);
    }

    /** A mask of int64 lanes (a comparison of them) as one of as many float64 lanes. */
    static VectorMask<Double> castMask(VectorMask<?> mask) {
        return mask.cast(SPECIES);
    }

    /** Constant number {@code k} of the run (a {@code double[]} of one), in every lane. */
    static DoubleVector broadcast(Object[] constants, int k) {
        return DoubleVector.broadcast(SPECIES, ((double[]) constants[k])[0]);
    }

    /** Bool constant number {@code k} of the run (a {@code boolean[]} of one), in every lane. */
    static VectorMask<Double> maskOf(Object[] constants, int k) {
        return SPECIES.maskAll(((boolean[]) constants[k])[0]);
    }

    static DoubleVector neg(DoubleVector a) {
        return a.lanewise(VectorOperators.NEG);
    }

    static DoubleVector abs(DoubleVector a) {
        return a.lanewise(VectorOperators.ABS);
    }

    static DoubleVector sqrt(DoubleVector a) {
        return a.lanewise(VectorOperators.SQRT);
    }

    /** {@code a ** 2}, a multiplication as in {@link VectorBlockOps}. */
    static DoubleVector square(DoubleVector a) {
        return a.mul(a);
    }

    static DoubleVector add(DoubleVector a, DoubleVector b) {
        return a.add(b);
    }

    static DoubleVector sub(DoubleVector a, DoubleVector b) {
        return a.sub(b);
    }

    static DoubleVector mul(DoubleVector a, DoubleVector b) {
        return a.mul(b);
    }

    static DoubleVector div(DoubleVector a, DoubleVector b) {
        return a.div(b);
    }

    static DoubleVector min(DoubleVector a, DoubleVector b) {
        return a.lanewise(VectorOperators.MIN, b);
    }

    static DoubleVector max(DoubleVector a, DoubleVector b) {
        return a.lanewise(VectorOperators.MAX, b);
    }

    static VectorMask<Double> lt(DoubleVector a, DoubleVector b) {
        return a.compare(VectorOperators.LT, b);
    }

    static VectorMask<Double> le(DoubleVector a, DoubleVector b) {
        return a.compare(VectorOperators.LE, b);
    }

    static VectorMask<Double> gt(DoubleVector a, DoubleVector b) {
        return a.compare(VectorOperators.GT, b);
    }

    static VectorMask<Double> ge(DoubleVector a, DoubleVector b) {
        return a.compare(VectorOperators.GE, b);
    }

    static VectorMask<Double> eq(DoubleVector a, DoubleVector b) {
        return a.compare(VectorOperators.EQ, b);
    }

    /** {@code a != b}, as Java's: true where either is NaN. */
    static VectorMask<Double> ne(DoubleVector a, DoubleVector b) {
        return a.compare(VectorOperators.NE, b);
    }

    /** {@code where(condition, a, b)}: a's lanes where the condition holds, b's elsewhere. */
    static DoubleVector where(VectorMask<Double> condition, DoubleVector a, DoubleVector b) {
        return b.blend(a, condition);
    }

    static DoubleVector tanh(DoubleVector a) {
        return a.lanewise(VectorOperators.TANH);
    }

    static DoubleVector exp(DoubleVector a) {
        return a.lanewise(VectorOperators.EXP);
    }

    static DoubleVector expm1(DoubleVector a) {
        return a.lanewise(VectorOperators.EXPM1);
    }

    static DoubleVector log(DoubleVector a) {
        return a.lanewise(VectorOperators.LOG);
    }

    static DoubleVector log10(DoubleVector a) {
        return a.lanewise(VectorOperators.LOG10);
    }

    static DoubleVector log1p(DoubleVector a) {
        return a.lanewise(VectorOperators.LOG1P);
    }

    static DoubleVector sin(DoubleVector a) {
        return a.lanewise(VectorOperators.SIN);
    }

    static DoubleVector cos(DoubleVector a) {
        return a.lanewise(VectorOperators.COS);
    }

    static DoubleVector tan(DoubleVector a) {
        return a.lanewise(VectorOperators.TAN);
    }

    static DoubleVector asin(DoubleVector a) {
        return a.lanewise(VectorOperators.ASIN);
    }

    static DoubleVector acos(DoubleVector a) {
        return a.lanewise(VectorOperators.ACOS);
    }

    static DoubleVector atan(DoubleVector a) {
        return a.lanewise(VectorOperators.ATAN);
    }

    static DoubleVector sinh(DoubleVector a) {
        return a.lanewise(VectorOperators.SINH);
    }

    static DoubleVector cosh(DoubleVector a) {
        return a.lanewise(VectorOperators.COSH);
    }

    static DoubleVector atan2(DoubleVector a, DoubleVector b) {
        return a.lanewise(VectorOperators.ATAN2, b);
    }

    static DoubleVector hypot(DoubleVector a, DoubleVector b) {
        return a.lanewise(VectorOperators.HYPOT, b);
    }
}
