package io.jvectorize.runtime;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneOps} for int32: one vector of int lanes per call, for the {@link FusedLoop}s of
 * int32 passes. The block engine holds int32 values in {@code long[]} registers and wraps each
 * result to int, which for these operators equals int arithmetic, so the two agree bit for bit.
 *
 * <p>Touches {@code jdk.incubator.vector}: loaded only behind {@link Simd#ENABLED}.
 */
final class IntLaneOps {

    static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
    /** Elements per vector: the step of the generated loop. */
    static final int LANES = SPECIES.length();
    /** Longs in a vector of the same size: half the lanes, so an int vector widens into two. */
    private static final VectorSpecies<Long> WIDENED =
            VectorSpecies.of(long.class, VectorShape.forBitSize(SPECIES.vectorBitSize()));

    private IntLaneOps() {}

    static IntVector load(int[] array, int index) {
        return IntVector.fromArray(SPECIES, array, index);
    }

    static void store(IntVector value, int[] array, int index) {
        value.intoArray(array, index);
    }

    /**
     * Stores the lanes as longs at {@code index} and on: into the {@code long[]} register an
     * int32 reduction folds.
     */
    static void storeWidened(IntVector value, long[] array, int index) {
        ((LongVector) value.convertShape(VectorOperators.I2L, WIDENED, 0)).intoArray(array, index);
        ((LongVector) value.convertShape(VectorOperators.I2L, WIDENED, 1)).intoArray(array, index + WIDENED.length());
    }

    static VectorMask<Integer> loadMask(boolean[] array, int index) {
        return VectorMask.fromArray(SPECIES, array, index);
    }

    /** Constant number {@code k} of the run (an int held in a {@code long[]} of one), in every lane. */
    static IntVector broadcast(Object[] constants, int k) {
        return IntVector.broadcast(SPECIES, (int) ((long[]) constants[k])[0]);
    }

    /** Bool constant number {@code k} of the run (a {@code boolean[]} of one), in every lane. */
    static VectorMask<Integer> maskOf(Object[] constants, int k) {
        return SPECIES.maskAll(((boolean[]) constants[k])[0]);
    }

    static IntVector neg(IntVector a) {
        return a.lanewise(VectorOperators.NEG);
    }

    /** {@link Math#abs}: {@code Integer.MIN_VALUE} stays itself. */
    static IntVector abs(IntVector a) {
        return a.lanewise(VectorOperators.ABS);
    }

    /** {@code a ** 2}: a multiplication, as the block engine's power by squaring gives. */
    static IntVector square(IntVector a) {
        return a.mul(a);
    }

    static IntVector add(IntVector a, IntVector b) {
        return a.add(b);
    }

    static IntVector sub(IntVector a, IntVector b) {
        return a.sub(b);
    }

    static IntVector mul(IntVector a, IntVector b) {
        return a.mul(b);
    }

    static IntVector min(IntVector a, IntVector b) {
        return a.lanewise(VectorOperators.MIN, b);
    }

    static IntVector max(IntVector a, IntVector b) {
        return a.lanewise(VectorOperators.MAX, b);
    }

    static VectorMask<Integer> lt(IntVector a, IntVector b) {
        return a.compare(VectorOperators.LT, b);
    }

    static VectorMask<Integer> le(IntVector a, IntVector b) {
        return a.compare(VectorOperators.LE, b);
    }

    static VectorMask<Integer> gt(IntVector a, IntVector b) {
        return a.compare(VectorOperators.GT, b);
    }

    static VectorMask<Integer> ge(IntVector a, IntVector b) {
        return a.compare(VectorOperators.GE, b);
    }

    static VectorMask<Integer> eq(IntVector a, IntVector b) {
        return a.compare(VectorOperators.EQ, b);
    }

    static VectorMask<Integer> ne(IntVector a, IntVector b) {
        return a.compare(VectorOperators.NE, b);
    }

    /** {@code where(condition, a, b)}: a's lanes where the condition holds, b's elsewhere. */
    static IntVector where(VectorMask<Integer> condition, IntVector a, IntVector b) {
        return b.blend(a, condition);
    }
}
