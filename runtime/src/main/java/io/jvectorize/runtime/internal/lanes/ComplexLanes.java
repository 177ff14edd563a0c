package io.jvectorize.runtime.internal.lanes;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * complex128 values in a generated loop: a {@code DoubleVector} of {@link Lanes#DOUBLES} holds
 * whole (re, im) pairs, as the arrays hold them, so loads and stores are plain. Each method does
 * the scalar formula's operations ({@code ComplexKernels}, {@code ComplexMath.multiply}) lane for
 * lane, in the same order and with the same operator (a subtraction stays one, never an added
 * negation, whose NaN would differ in sign), so the values are the reference's bits. Copied into
 * generated loops ({@link LaneInliner}); loaded only where the Vector API is present.
 */
public final class ComplexLanes {

    /** Pairs per vector. */
    public static final int PAIRS = Lanes.DOUBLES.length() / 2;
    /** Each pair's real part in both its lanes. */
    public static final VectorShuffle<Double> REAL_PARTS = VectorShuffle.fromOp(Lanes.DOUBLES, i -> i & ~1);
    /** Each pair's imaginary part in both its lanes. */
    public static final VectorShuffle<Double> IMAGINARY_PARTS = VectorShuffle.fromOp(Lanes.DOUBLES, i -> i | 1);
    /** Each pair's parts swapped: (im, re). */
    public static final VectorShuffle<Double> SWAPPED = VectorShuffle.fromOp(Lanes.DOUBLES, i -> i ^ 1);
    /** The imaginary parts' lanes. */
    public static final VectorMask<Double> IMAGINARY = VectorMask.fromLong(Lanes.DOUBLES, 0xAAAA_AAAA_AAAA_AAAAL);

    /** Half a vector of doubles: as many lanes as a vector holds pairs. */
    public static final VectorSpecies<Double> HALF = VectorSpecies.of(double.class,
            VectorShape.forBitSize(Lanes.DOUBLES.vectorBitSize() / 2));
    /** Lane k of a half vector, zero-extended, into real lane 2k; an extension's zero into every imaginary lane. */
    public static final VectorShuffle<Double> SPREAD = VectorShuffle.fromOp(Lanes.DOUBLES,
            i -> (i & 1) == 0 ? i / 2 : PAIRS + i / 2);

    private ComplexLanes() {}

    /** Real values {@code a[from]} on as pairs {@code (a, 0.0)}, as a real array converts to complex128. */
    public static DoubleVector widen(double[] a, int from) {
        return ((DoubleVector) DoubleVector.fromArray(HALF, a, from).reinterpretShape(Lanes.DOUBLES, 0)).rearrange(SPREAD);
    }

    /** {@code complex(re, im)} of two real arrays from element {@code from} on: pairs {@code (re, im)}. */
    public static DoubleVector pairs(double[] re, double[] im, int from) {
        return widen(re, from).blend(widen(im, from).rearrange(SWAPPED), IMAGINARY);
    }

    /** A number's pair in every pair of a vector. */
    public static DoubleVector broadcast(double[] pair) {
        return DoubleVector.broadcast(Lanes.DOUBLES, pair[0]).blend(pair[1], IMAGINARY);
    }

    /**
     * {@code (ar*br - ai*bi, ar*bi + ai*br)}: {@code p = (ar*br, ar*bi)} and {@code q = (ai*bi,
     * ai*br)}, then {@code p - q} in the real lanes and {@code p + q} in the imaginary ones.
     */
    public static DoubleVector multiply(DoubleVector a, DoubleVector b) {
        DoubleVector p = a.rearrange(REAL_PARTS).mul(b);
        DoubleVector q = a.rearrange(IMAGINARY_PARTS).mul(b.rearrange(SWAPPED));
        return p.sub(q).blend(p.add(q), IMAGINARY);
    }

    /** {@code (re, -im)}. */
    public static DoubleVector conj(DoubleVector a) {
        return a.lanewise(VectorOperators.NEG, IMAGINARY);
    }
}
