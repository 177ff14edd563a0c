package io.jvectorize.runtime;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneOps} for int64: one vector of long lanes per call, for the {@link FusedLoop}s of
 * int64 passes. The block engine computes int64 operators on longs, wrapping around as Java
 * does, and so do these, so the two agree bit for bit. Only the operators whose int64 result
 * stays int64 (division and math functions give float64).
 *
 * <p>Touches {@code jdk.incubator.vector}: loaded only behind {@link Simd#ENABLED}.
 */
final class LongLaneOps {

    static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;
    /** Elements per vector: the step of the generated loop. */
    static final int LANES = SPECIES.length();
    /** int32 lanes in half the bits, for loading int32 arrays widened. */
    private static final VectorSpecies<Integer> INTS =
            VectorSpecies.of(int.class, VectorShape.forBitSize(Math.max(64, SPECIES.vectorBitSize() / 2)));

    private LongLaneOps() {}

    static LongVector load(long[] array, int index) {
        return LongVector.fromArray(SPECIES, array, index);
    }

    /** int32 lanes as int64 ones, exactly. */
    static LongVector loadInts(int[] array, int index) {
        return (LongVector) IntVector.fromArray(INTS, array, index).convertShape(VectorOperators.I2L, SPECIES, 0);
    }

    static void store(LongVector value, long[] array, int index) {
        value.intoArray(array, index);
    }

    static VectorMask<Long> loadMask(boolean[] array, int index) {
        return VectorMask.fromArray(SPECIES, array, index);
    }

    /** A mask of float64 lanes (a comparison of them) as one of as many int64 lanes. */
    static VectorMask<Long> castMask(VectorMask<?> mask) {
        return mask.cast(SPECIES);
    }

    /** Constant number {@code k} of the run (a {@code long[]} of one), in every lane. */
    static LongVector broadcast(Object[] constants, int k) {
        return LongVector.broadcast(SPECIES, ((long[]) constants[k])[0]);
    }

    /** Bool constant number {@code k} of the run (a {@code boolean[]} of one), in every lane. */
    static VectorMask<Long> maskOf(Object[] constants, int k) {
        return SPECIES.maskAll(((boolean[]) constants[k])[0]);
    }

    static LongVector neg(LongVector a) {
        return a.lanewise(VectorOperators.NEG);
    }

    /**
     * {@link Math#abs}, {@code Long.MIN_VALUE} staying itself, as the larger of {@code a} and
     * {@code -a}: below AVX-512 the Vector API's {@code ABS} of longs falls back to code 30
     * times slower (JDK 17 and 25, AVX2), its {@code MAX} does not.
     */
    static LongVector abs(LongVector a) {
        return a.lanewise(VectorOperators.MAX, a.neg());
    }

    /** {@code a ** 2}: a multiplication, as the block engine's power by squaring gives. */
    static LongVector square(LongVector a) {
        return a.mul(a);
    }

    static LongVector add(LongVector a, LongVector b) {
        return a.add(b);
    }

    static LongVector sub(LongVector a, LongVector b) {
        return a.sub(b);
    }

    static LongVector mul(LongVector a, LongVector b) {
        return a.mul(b);
    }

    static LongVector min(LongVector a, LongVector b) {
        return a.lanewise(VectorOperators.MIN, b);
    }

    static LongVector max(LongVector a, LongVector b) {
        return a.lanewise(VectorOperators.MAX, b);
    }

    static VectorMask<Long> lt(LongVector a, LongVector b) {
        return a.compare(VectorOperators.LT, b);
    }

    static VectorMask<Long> le(LongVector a, LongVector b) {
        return a.compare(VectorOperators.LE, b);
    }

    static VectorMask<Long> gt(LongVector a, LongVector b) {
        return a.compare(VectorOperators.GT, b);
    }

    static VectorMask<Long> ge(LongVector a, LongVector b) {
        return a.compare(VectorOperators.GE, b);
    }

    static VectorMask<Long> eq(LongVector a, LongVector b) {
        return a.compare(VectorOperators.EQ, b);
    }

    static VectorMask<Long> ne(LongVector a, LongVector b) {
        return a.compare(VectorOperators.NE, b);
    }

    /** {@code where(condition, a, b)}: a's lanes where the condition holds, b's elsewhere. */
    static LongVector where(VectorMask<Long> condition, LongVector a, LongVector b) {
        return b.blend(a, condition);
    }
}
