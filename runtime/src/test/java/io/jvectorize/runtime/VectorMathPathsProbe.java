package io.jvectorize.runtime;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** Runs each path of {@link VectorMath} over arrays; loaded only where the Vector API is present. */
final class VectorMathPathsProbe {

    private VectorMathPathsProbe() {}

    /** The paths of a binary function on float64: as decided, on the library, lane by lane. */
    static BinaryOperator<DoubleVector> doublePow(String path) {
        return path.equals("library") ? VectorMath::libraryPow : path.equals("lanes") ? VectorMath::lanePow
                : VectorMath::pow;
    }

    static BinaryOperator<FloatVector> floatPow(String path) {
        return path.equals("library") ? VectorMath::libraryPow : path.equals("lanes") ? VectorMath::lanePow
                : VectorMath::pow;
    }

    /** The paths of tanh on float64: as decided, on the library, lane by lane, on the library's expm1 ("formula"). */
    static UnaryOperator<DoubleVector> doubleTanh(String path) {
        return path.equals("library") ? x -> x.lanewise(jdk.incubator.vector.VectorOperators.TANH)
                : path.equals("lanes") ? VectorMath::laneTanh
                : path.equals("formula") ? VectorMath::tanhFromExpm1 : VectorMath::tanh;
    }

    static UnaryOperator<FloatVector> floatTanh(String path) {
        return path.equals("library") ? x -> x.lanewise(jdk.incubator.vector.VectorOperators.TANH)
                : path.equals("lanes") ? VectorMath::laneTanh : VectorMath::tanh;
    }

    /** {@code f} over whole vectors of {@code x} and {@code y}; a tail shorter than a vector stays 0. */
    static double[] run(BinaryOperator<DoubleVector> f, double[] x, double[] y) {
        double[] out = new double[x.length];
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        for (int i = 0; i + lanes <= x.length; i += lanes) {
            f.apply(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, i),
                    DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, y, i)).intoArray(out, i);
        }
        return out;
    }

    static float[] run(BinaryOperator<FloatVector> f, float[] x, float[] y) {
        float[] out = new float[x.length];
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        for (int i = 0; i + lanes <= x.length; i += lanes) {
            f.apply(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, i),
                    FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, y, i)).intoArray(out, i);
        }
        return out;
    }

    static double[] run(UnaryOperator<DoubleVector> f, double[] x) {
        return run((a, b) -> f.apply(a), x, x);
    }

    static float[] run(UnaryOperator<FloatVector> f, float[] x) {
        return run((a, b) -> f.apply(a), x, x);
    }

    /** Whether float64 tanh is VectorMath.tanhFromExpm1 here (AVX2), not the library's. */
    static boolean tanhIsTheFormula() {
        return VectorMath.VECTOR_TANH && !VectorMath.LIBRARY_TANH_FLOAT64;
    }

    static int doubleLanes() {
        return DoubleVector.SPECIES_PREFERRED.length();
    }

    static int floatLanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }
}
