package io.jvectorize.runtime.internal.kernel;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.op.Conversions;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 conversions of {@link BlockConversion} as Vector API loops: IEEE conversions, so
 * bit for bit the values of {@link Conversions}. Touches the Vector API: used only behind
 * {@code Simd.ENABLED} and {@code VectorSupport.WIDE}, where a float vector of half the bits has
 * as many lanes as a double one.
 */
final class VectorConversions {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(Math.max(64, SPECIES.vectorBitSize() / 2)));

    private VectorConversions() {}

    /** The vector loop for this conversion, or null where it has none. */
    static BlockConversion of(Class<?> from, Class<?> to, DType type) {
        if (from == float[].class && to == double[].class) {
            return (src, so, dst, dOff, n) -> floatToDouble((float[]) src, so, (double[]) dst, dOff, n);
        }
        if (from == double[].class && to == float[].class) {
            return (src, so, dst, dOff, n) -> doubleToFloat((double[]) src, so, (float[]) dst, dOff, n);
        }
        if (from == double[].class && to == double[].class && type == DType.FLOAT32) {
            return (src, so, dst, dOff, n) -> roundToFloat((double[]) src, so, (double[]) dst, dOff, n);
        }
        return null;
    }

    private static void floatToDouble(float[] s, int so, double[] d, int dOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            ((DoubleVector) FloatVector.fromArray(FLOATS, s, so + i).convertShape(VectorOperators.F2D, SPECIES, 0))
                    .intoArray(d, dOff + i);
        }
        Conversions.convert(s, so + i, d, dOff + i, n - i, DType.FLOAT64);
    }

    private static void doubleToFloat(double[] s, int so, float[] d, int dOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            ((FloatVector) DoubleVector.fromArray(SPECIES, s, so + i).convertShape(VectorOperators.D2F, FLOATS, 0))
                    .intoArray(d, dOff + i);
        }
        Conversions.convert(s, so + i, d, dOff + i, n - i, DType.FLOAT32);
    }

    private static void roundToFloat(double[] s, int so, double[] d, int dOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            ((DoubleVector) DoubleVector.fromArray(SPECIES, s, so + i).convertShape(VectorOperators.D2F, FLOATS, 0)
                    .convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(d, dOff + i);
        }
        Conversions.convert(s, so + i, d, dOff + i, n - i, DType.FLOAT32);
    }
}
