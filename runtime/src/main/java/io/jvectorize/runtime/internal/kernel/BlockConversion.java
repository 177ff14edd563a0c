package io.jvectorize.runtime.internal.kernel;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Simd;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import io.jvectorize.runtime.internal.op.Conversions;

/**
 * Copies a block of values into another array type, converting them as {@link Conversions}
 * does (Java's casts); where the Vector API pays, with vector loops for the float32
 * conversions, which give the same values and run up to four times faster.
 */
@FunctionalInterface
public interface BlockConversion {

    void run(Object src, int so, Object dst, int dOff, int n);

    /** The conversion from {@code from} arrays to {@code to} arrays, as values of {@code type}. */
    static BlockConversion of(Class<?> from, Class<?> to, DType type) {
        if (Simd.ENABLED && VectorSupport.WIDE) {
            BlockConversion vector = VectorConversions.of(from, to, type);
            if (vector != null) {
                return vector;
            }
        }
        return (src, so, dst, dOff, n) -> Conversions.convert(src, so, dst, dOff, n, type);
    }

    /** Brings a block of results to their type: float32 rounded to float, int32 wrapped to int; others untouched. */
    static void narrow(DType type, Object out, int oo, int n) {
        if (type == DType.FLOAT32) {
            Narrowing.ROUND_TO_FLOAT.run(out, oo, out, oo, n);
        } else {
            Conversions.narrow(type, out, oo, n);
        }
    }

    /** Holds the rounding conversion, chosen once. */
    final class Narrowing {
        static final BlockConversion ROUND_TO_FLOAT = of(double[].class, double[].class, DType.FLOAT32);

        private Narrowing() {}
    }
}
