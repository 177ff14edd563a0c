package io.jvectorize.runtime;

import java.lang.invoke.MethodType;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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

    static void store(DoubleVector value, double[] array, int index) {
        value.intoArray(array, index);
    }

    static VectorMask<Double> loadMask(boolean[] array, int index) {
        return VectorMask.fromArray(SPECIES, array, index);
    }

    /** Constant number {@code k} of the run, in every lane. */
    static DoubleVector broadcast(double[][] constants, int k) {
        return DoubleVector.broadcast(SPECIES, constants[k][0]);
    }

    /** Bool constant number {@code k} of the run (1 for true, 0 for false), in every lane. */
    static VectorMask<Double> maskOf(double[][] constants, int k) {
        return SPECIES.maskAll(constants[k][0] != 0);
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
