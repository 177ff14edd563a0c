package io.jvectorize.runtime;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneOps} for float32: one vector of float lanes per call, for the {@link FusedLoop}s of
 * float32 passes. The block engine computes float32 operators in double and rounds each result
 * to float, which for these (arithmetic, sqrt, min, max, comparisons) equals float arithmetic,
 * so the two agree bit for bit. No math functions: float vector math is not {@link Math}'s
 * rounded to float within a bound measured here.
 *
 * <p>Touches {@code jdk.incubator.vector}: loaded only behind {@link Simd#ENABLED}.
 */
final class FloatLaneOps {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Elements per vector: the step of the generated loop. */
    static final int LANES = SPECIES.length();

    private FloatLaneOps() {}

    static FloatVector load(float[] array, int index) {
        return FloatVector.fromArray(SPECIES, array, index);
    }

    static void store(FloatVector value, float[] array, int index) {
        value.intoArray(array, index);
    }

    static VectorMask<Float> loadMask(boolean[] array, int index) {
        return VectorMask.fromArray(SPECIES, array, index);
    }

    /** Constant number {@code k} of the run, a float held as a double (exactly), in every lane. */
    static FloatVector broadcast(double[][] constants, int k) {
        return FloatVector.broadcast(SPECIES, (float) constants[k][0]);
    }

    /** Bool constant number {@code k} of the run (1 for true, 0 for false), in every lane. */
    static VectorMask<Float> maskOf(double[][] constants, int k) {
        return SPECIES.maskAll(constants[k][0] != 0);
    }

    static FloatVector neg(FloatVector a) {
        return a.lanewise(VectorOperators.NEG);
    }

    static FloatVector abs(FloatVector a) {
        return a.lanewise(VectorOperators.ABS);
    }

    static FloatVector sqrt(FloatVector a) {
        return a.lanewise(VectorOperators.SQRT);
    }

    /** {@code a ** 2}, a multiplication. */
    static FloatVector square(FloatVector a) {
        return a.mul(a);
    }

    static FloatVector add(FloatVector a, FloatVector b) {
        return a.add(b);
    }

    static FloatVector sub(FloatVector a, FloatVector b) {
        return a.sub(b);
    }

    static FloatVector mul(FloatVector a, FloatVector b) {
        return a.mul(b);
    }

    static FloatVector div(FloatVector a, FloatVector b) {
        return a.div(b);
    }

    static FloatVector min(FloatVector a, FloatVector b) {
        return a.lanewise(VectorOperators.MIN, b);
    }

    static FloatVector max(FloatVector a, FloatVector b) {
        return a.lanewise(VectorOperators.MAX, b);
    }

    static VectorMask<Float> lt(FloatVector a, FloatVector b) {
        return a.compare(VectorOperators.LT, b);
    }

    static VectorMask<Float> le(FloatVector a, FloatVector b) {
        return a.compare(VectorOperators.LE, b);
    }

    static VectorMask<Float> gt(FloatVector a, FloatVector b) {
        return a.compare(VectorOperators.GT, b);
    }

    static VectorMask<Float> ge(FloatVector a, FloatVector b) {
        return a.compare(VectorOperators.GE, b);
    }

    static VectorMask<Float> eq(FloatVector a, FloatVector b) {
        return a.compare(VectorOperators.EQ, b);
    }

    /** {@code a != b}, as Java's: true where either is NaN. */
    static VectorMask<Float> ne(FloatVector a, FloatVector b) {
        return a.compare(VectorOperators.NE, b);
    }

    /** {@code where(condition, a, b)}: a's lanes where the condition holds, b's elsewhere. */
    static FloatVector where(VectorMask<Float> condition, FloatVector a, FloatVector b) {
        return b.blend(a, condition);
    }
}
