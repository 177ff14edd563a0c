package io.jvectorize.runtime.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * complex128 multiplication of two arrays of interleaved (re, im) pairs on the Vector API, for
 * the block engine: each vector holds whole pairs, and one multiplication is two products of
 * rearranged lanes and a sum, {@code (ar·br, ar·bi) + (-(ai·bi), ai·br)}, the scalar formula's
 * operations ({@code a - b} is {@code a + (-b)} in IEEE 754), so the values are
 * {@code ComplexKernels}' bit for bit. Touches {@code jdk.incubator.vector}: loaded only behind
 * {@code Simd.ENABLED} and {@code VectorSupport.WIDE}.
 */
public final class ComplexVectorKernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Each pair's real part in both its lanes. */
    private static final VectorShuffle<Double> REAL = VectorShuffle.fromOp(SPECIES, i -> i & ~1);
    /** Each pair's imaginary part in both its lanes. */
    private static final VectorShuffle<Double> IMAG = VectorShuffle.fromOp(SPECIES, i -> i | 1);
    /** Each pair's parts swapped. */
    private static final VectorShuffle<Double> SWAP = VectorShuffle.fromOp(SPECIES, i -> i ^ 1);
    /** The real parts' lanes. */
    private static final VectorMask<Double> REAL_LANES = VectorMask.fromLong(SPECIES, 0x5555_5555_5555_5555L);

    private ComplexVectorKernels() {}

    /**
     * Multiplies the pairs of {@code x} from index {@code i} by those of {@code y} from {@code j}
     * into {@code z} from {@code k}, as many whole vectors as fit in {@code pairs} pairs.
     *
     * @return the number of pairs done; the caller computes the rest
     */
    public static int multiply(double[] x, int i, double[] y, int j, double[] z, int k, int pairs) {
        int parts = 2 * pairs;
        int m = 0;
        for (int end = SPECIES.loopBound(parts); m < end; m += SPECIES.length()) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, x, i + m);
            DoubleVector b = DoubleVector.fromArray(SPECIES, y, j + m);
            DoubleVector first = a.rearrange(REAL).mul(b);
            DoubleVector second = a.rearrange(IMAG).mul(b.rearrange(SWAP)).lanewise(VectorOperators.NEG, REAL_LANES);
            first.add(second).intoArray(z, k + m);
        }
        return m / 2;
    }
}
