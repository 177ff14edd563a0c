package io.jvectorize.runtime;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneOps} for float32: one vector of float lanes per call, for the {@link FusedLoop}s of
 * float32 passes. The block engine computes float32 operators in double and rounds each result
 * to float, which for these (arithmetic, sqrt, min, max, comparisons) equals float arithmetic,
 * so the two agree bit for bit. Math functions run on the float routines of the JDK's vector
 * math library: within 1 ulp of {@link Math}'s result rounded to float, measured on 2^20 random
 * and special values per function (JDK 17 and 25, AVX-512 and AVX2), and within
 * {@link Compute#VECTOR_MATH_ULPS} as {@code TypedLoopTest} asserts.
 *
 * <p>Touches {@code jdk.incubator.vector}: loaded only behind {@link Simd#ENABLED}.
 */
final class FloatLaneOps {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Elements per vector: the step of the generated loop. */
    static final int LANES = SPECIES.length();
    /** Doubles in a vector of the same size: half the lanes, so a float vector widens into two. */
    private static final VectorSpecies<Double> WIDENED =
            VectorSpecies.of(double.class, VectorShape.forBitSize(SPECIES.vectorBitSize()));

    private FloatLaneOps() {}

    static FloatVector load(float[] array, int index) {
        return FloatVector.fromArray(SPECIES, array, index);
    }

    static void store(FloatVector value, float[] array, int index) {
        value.intoArray(array, index);
    }

    /**
     * Stores the lanes as doubles (exactly) at {@code index} and on: into the {@code double[]}
     * register a float32 reduction folds.
     */
    static void storeWidened(FloatVector value, double[] array, int index) {
        ((DoubleVector) value.convertShape(VectorOperators.F2D, WIDENED, 0)).intoArray(array, index);
        ((DoubleVector) value.convertShape(VectorOperators.F2D, WIDENED, 1)).intoArray(array, index + WIDENED.length());
    }

    static VectorMask<Float> loadMask(boolean[] array, int index) {
        return VectorMask.fromArray(SPECIES, array, index);
    }

    /** Constant number {@code k} of the run, a float held (exactly) in a {@code double[]} of one, in every lane. */
    static FloatVector broadcast(Object[] constants, int k) {
        return FloatVector.broadcast(SPECIES, (float) ((double[]) constants[k])[0]);
    }

    /** Bool constant number {@code k} of the run (a {@code boolean[]} of one), in every lane. */
    static VectorMask<Float> maskOf(Object[] constants, int k) {
        return SPECIES.maskAll(((boolean[]) constants[k])[0]);
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

    static FloatVector tanh(FloatVector a) {
        return a.lanewise(VectorOperators.TANH);
    }

    static FloatVector exp(FloatVector a) {
        return a.lanewise(VectorOperators.EXP);
    }

    static FloatVector expm1(FloatVector a) {
        return a.lanewise(VectorOperators.EXPM1);
    }

    static FloatVector log(FloatVector a) {
        return a.lanewise(VectorOperators.LOG);
    }

    static FloatVector log10(FloatVector a) {
        return a.lanewise(VectorOperators.LOG10);
    }

    static FloatVector log1p(FloatVector a) {
        return a.lanewise(VectorOperators.LOG1P);
    }

    static FloatVector sin(FloatVector a) {
        return a.lanewise(VectorOperators.SIN);
    }

    static FloatVector cos(FloatVector a) {
        return a.lanewise(VectorOperators.COS);
    }

    static FloatVector tan(FloatVector a) {
        return a.lanewise(VectorOperators.TAN);
    }

    static FloatVector asin(FloatVector a) {
        return a.lanewise(VectorOperators.ASIN);
    }

    static FloatVector acos(FloatVector a) {
        return a.lanewise(VectorOperators.ACOS);
    }

    static FloatVector atan(FloatVector a) {
        return a.lanewise(VectorOperators.ATAN);
    }

    static FloatVector sinh(FloatVector a) {
        return a.lanewise(VectorOperators.SINH);
    }

    static FloatVector cosh(FloatVector a) {
        return a.lanewise(VectorOperators.COSH);
    }

    static FloatVector atan2(FloatVector a, FloatVector b) {
        return a.lanewise(VectorOperators.ATAN2, b);
    }

    static FloatVector hypot(FloatVector a, FloatVector b) {
        return a.lanewise(VectorOperators.HYPOT, b);
    }
}
