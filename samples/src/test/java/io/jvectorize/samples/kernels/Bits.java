package io.jvectorize.samples.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Array;
import java.util.function.IntFunction;

/**
 * Bit-for-bit comparison of primitive arrays. Doubles and floats compare by their bits, so -0.0
 * differs from 0.0 and every finite value and infinity must match exactly; all NaNs count as
 * one value (the bits of {@link Double#doubleToLongBits}), because HotSpot does not keep the
 * sign and payload of a NaN stable: {@code (inf - inf) * NaN} gives 0x7ff8000000000000 in the
 * interpreter and 0xfff8000000000000 once C2 has compiled the same method (C2 may swap the
 * operands of a commutative operation, and x86 returns the first operand's NaN). So even one
 * loop run twice in one JVM differs in NaN bits; no kernel can promise more than this.
 */
final class Bits {
    private Bits() {}

    /** The bits of a boxed primitive, as a long, with every NaN made the canonical NaN; booleans as 0 or 1. */
    static long bits(Object value) {
        if (value instanceof Double) {
            return Double.doubleToLongBits((Double) value);
        } else if (value instanceof Float) {
            return Float.floatToIntBits((Float) value);
        } else if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        return ((Number) value).longValue();
    }

    /** Describes a boxed primitive with its bits, e.g. {@code NaN (0x7ff8000000000000)}. */
    static String show(Object value) {
        if (value instanceof Double) {
            return value + " (0x" + Long.toHexString(Double.doubleToRawLongBits((Double) value)) + ")";
        } else if (value instanceof Float) {
            return value + " (0x" + Integer.toHexString(Float.floatToRawIntBits((Float) value)) + ")";
        }
        return String.valueOf(value);
    }

    /**
     * Asserts that two primitive arrays have the same type, length and elements bit for bit (NaNs aside, see above).
     *
     * @param where describes index {@code i} on a mismatch, e.g. with the inputs there
     */
    static void assertSameBits(Object expected, Object actual, IntFunction<String> where) {
        assertEquals(expected.getClass(), actual.getClass(), () -> where.apply(-1) + ": array type");
        int length = Array.getLength(expected);
        assertEquals(length, Array.getLength(actual), () -> where.apply(-1) + ": array length");
        for (int i = 0; i < length; i++) {
            Object e = TestValues.get(expected, i);
            Object a = TestValues.get(actual, i);
            if (bits(e) != bits(a)) {
                fail(where.apply(i) + ": expected " + show(e) + " but was " + show(a));
            }
        }
    }

    /**
     * Asserts that two primitive arrays are equal as {@link #assertSameBits} has it where the
     * tolerance is {@link Tolerance#EXACT}; otherwise, for float and double arrays, that each
     * actual element is within the tolerance of the expected one:
     * {@code |actual - expected| <= ulps * Math.ulp(max(|expected|, scale))}, NaN only for NaN, an
     * infinity only for the same infinity or, 1 ulp away, the largest finite value of its sign
     * (see {@link #OVERFLOW}), and a zero only for a zero of the same sign (see
     * {@link #ZERO_SIGN}). Arrays of other types compare bit for bit whatever the tolerance.
     *
     * @param where describes index {@code i} on a mismatch, e.g. with the inputs there
     * @return the largest {@link #distance} seen (0 where all bits are equal)
     */
    static double assertWithin(Object expected, Object actual, Tolerance tolerance, IntFunction<String> where) {
        if (tolerance.isExact() || !(expected instanceof double[] || expected instanceof float[])) {
            assertSameBits(expected, actual, where);
            return 0;
        }
        assertEquals(expected.getClass(), actual.getClass(), () -> where.apply(-1) + ": array type");
        int length = Array.getLength(expected);
        assertEquals(length, Array.getLength(actual), () -> where.apply(-1) + ": array length");
        double largest = 0;
        for (int i = 0; i < length; i++) {
            Object e = TestValues.get(expected, i);
            Object a = TestValues.get(actual, i);
            double distance = distance(e, a, tolerance.scale());
            if (!(distance <= tolerance.ulps())) {
                fail(where.apply(i) + ": expected " + show(e) + " " + tolerance + " but was " + show(a)
                        + " (" + describeDistance(distance) + ")");
            }
            largest = Math.max(largest, distance);
        }
        return largest;
    }

    /**
     * How far {@code actual} is from {@code expected} (boxed doubles or floats), in ulps of
     * {@code max(|expected|, scale)}: 0 for the same bits; infinite where one is NaN, or infinite
     * and the other neither the same infinity nor the largest finite value of its sign (see
     * {@link #OVERFLOW}); {@link #ZERO_SIGN} for zeros of different signs; otherwise
     * {@code |actual - expected| / Math.ulp(max(|expected|, scale))}.
     */
    static double distance(Object expected, Object actual, double scale) {
        if (bits(expected) == bits(actual)) {
            return 0;
        }
        double e = ((Number) expected).doubleValue();
        double a = ((Number) actual).doubleValue();
        if (Double.isNaN(e) || Double.isNaN(a)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(e) || Double.isInfinite(a)) {
            double largest = expected instanceof Float ? Float.MAX_VALUE : Double.MAX_VALUE;
            double finite = Double.isInfinite(e) ? a : e;
            double infinite = Double.isInfinite(e) ? e : a;
            return finite == Math.copySign(largest, infinite) ? OVERFLOW : Double.POSITIVE_INFINITY;
        }
        if (e == 0 && a == 0) {
            return ZERO_SIGN;
        }
        double magnitude = Math.max(Math.abs(e), scale);
        double ulp = expected instanceof Float ? Math.ulp((float) magnitude) : Math.ulp(magnitude);
        return Math.abs(a - e) / ulp;
    }

    /**
     * The distance {@link #distance} gives for 0.0 against -0.0: no bound allows it. The vector
     * routines keep the sign of zero wherever SimdKernelsTest looked (every special value, both
     * zeros among them, of every transcendental function), so a lost sign is an error, not an
     * approximation.
     */
    static final double ZERO_SIGN = Double.POSITIVE_INFINITY;

    /**
     * The distance {@link #distance} gives for the largest finite value against the infinity of
     * its sign: 1 ulp, as IEEE 754 rounds, where infinity takes the place of 2^1024 (2^128 for
     * float), one ulp above {@code MAX_VALUE}. An exact result at least half an ulp above
     * {@code MAX_VALUE} rounds to infinity; a function 1 ulp off can give either. The vector
     * hypot does: the exact {@code hypot(2.3e300, Double.MAX_VALUE)} lies 0.24 ulp above that
     * threshold, and the vector routine rounds it to infinity, as it should, where
     * {@code Math.hypot} gives {@code MAX_VALUE} (JDK 17 and 25, AVX-512 and AVX2).
     */
    static final double OVERFLOW = 1;

    static String describeDistance(double distance) {
        return Double.isInfinite(distance) ? "not comparable in ulps" : String.format("%.3g ulps", distance);
    }

    /** Asserts that two double arrays are equal bit for bit. */
    static void assertSameBits(double[] expected, double[] actual, String what) {
        assertSameBits((Object) expected, actual, i -> what + (i < 0 ? "" : " at index " + i));
    }

    /** Asserts that two float arrays are equal bit for bit. */
    static void assertSameBits(float[] expected, float[] actual, String what) {
        assertSameBits((Object) expected, actual, i -> what + (i < 0 ? "" : " at index " + i));
    }
}
