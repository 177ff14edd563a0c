package io.jvectorize.runtime.internal.lanes;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * What generated code calls beside the Vector API itself: the species of each element's lanes,
 * and the loads and stores that convert between lane types. Loaded only by generated classes,
 * so only where the Vector API is present. Where {@link VectorSupport#WIDE}, an int32 or float32
 * vector of half the bits holds as many lanes as a float64 or int64 one.
 */
public final class Lanes {

    public static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    public static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    public static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    public static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

    /**
     * The concrete vector class of each species, named {@code species + "_CLASS"}: a stored vector
     * is cast to it ({@link LaneCode#store}), so C2 knows its exact class even when the value comes
     * from a call it inlines late. Otherwise the store's own virtual calls take the JVM-wide
     * profile, which a half-size float vector (a converting load or store elsewhere) makes
     * bimorphic; the store's species is then no constant, its intrinsic fails, and every vector
     * is boxed.
     */
    public static final Class<?> DOUBLES_CLASS = DOUBLES.vectorType();
    public static final Class<?> FLOATS_CLASS = FLOATS.vectorType();
    public static final Class<?> LONGS_CLASS = LONGS.vectorType();
    public static final Class<?> INTS_CLASS = INTS.vectorType();

    private static final VectorShape HALF = VectorShape.forBitSize(Math.max(64, DOUBLES.vectorBitSize() / 2));
    private static final VectorSpecies<Integer> HALF_INTS = VectorSpecies.of(int.class, HALF);
    private static final VectorSpecies<Float> HALF_FLOATS = VectorSpecies.of(float.class, HALF);
    /** Their concrete classes: a half vector converted here is cast first, as {@link #FLOATS_CLASS} says why. */
    private static final Class<?> HALF_INTS_CLASS = HALF_INTS.vectorType();
    private static final Class<?> HALF_FLOATS_CLASS = HALF_FLOATS.vectorType();
    /** Doubles and longs in a vector of a float or int vector's bits: half its lanes each. */
    private static final VectorSpecies<Double> WIDENED_DOUBLES =
            VectorSpecies.of(double.class, VectorShape.forBitSize(FLOATS.vectorBitSize()));
    private static final VectorSpecies<Long> WIDENED_LONGS =
            VectorSpecies.of(long.class, VectorShape.forBitSize(INTS.vectorBitSize()));
    private static final long TWO_52_BITS = Double.doubleToRawLongBits(0x1p52);

    private Lanes() {}

    /**
     * int64 lanes as doubles, each rounded as Java's {@code (double)} cast rounds it. AVX2 has no
     * such conversion, and there the Vector API's {@code L2D} costs 20 to 160 times more (JDK 17
     * and 25), so it is built from operations every x86 vector unit has: {@code v = hi * 2^32 +
     * lo}, with {@code hi} signed and {@code lo} unsigned 32-bit integers, is exact in a double
     * but for the one rounding of the last addition. Nine vector operations.
     */
    public static DoubleVector doublesOfLongs(long[] array, int index) {
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
    public static DoubleVector doublesOfInts(int[] array, int index) {
        return (DoubleVector) ((IntVector) HALF_INTS_CLASS.cast(IntVector.fromArray(HALF_INTS, array, index)))
                .convertShape(VectorOperators.I2D, DOUBLES, 0);
    }

    /** float32 lanes as doubles, exactly. */
    public static DoubleVector doublesOfFloats(float[] array, int index) {
        return (DoubleVector) ((FloatVector) HALF_FLOATS_CLASS.cast(FloatVector.fromArray(HALF_FLOATS, array, index)))
                .convertShape(VectorOperators.F2D, DOUBLES, 0);
    }

    /** int32 lanes as int64 ones, exactly. */
    public static LongVector longsOfInts(int[] array, int index) {
        return (LongVector) ((IntVector) HALF_INTS_CLASS.cast(IntVector.fromArray(HALF_INTS, array, index)))
                .convertShape(VectorOperators.I2L, LONGS, 0);
    }

    /** Stores the lanes as doubles (exactly) from {@code index} on: into the {@code double[]} register a float32 reduction folds. */
    public static void storeWidened(FloatVector value, double[] array, int index) {
        ((DoubleVector) value.convertShape(VectorOperators.F2D, WIDENED_DOUBLES, 0)).intoArray(array, index);
        ((DoubleVector) value.convertShape(VectorOperators.F2D, WIDENED_DOUBLES, 1))
                .intoArray(array, index + WIDENED_DOUBLES.length());
    }

    /** Stores the lanes as longs from {@code index} on: into the {@code long[]} register an int32 reduction folds. */
    public static void storeWidened(IntVector value, long[] array, int index) {
        ((LongVector) value.convertShape(VectorOperators.I2L, WIDENED_LONGS, 0)).intoArray(array, index);
        ((LongVector) value.convertShape(VectorOperators.I2L, WIDENED_LONGS, 1))
                .intoArray(array, index + WIDENED_LONGS.length());
    }
}
