package io.jvectorize.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Array;
import java.util.List;

/** Whether values computed on Spark are the in-JVM engine's: bit for bit, or within a bound in ulps. */
final class Agreement {
    private Agreement() {}

    /**
     * Fails unless element {@code i} of {@code actual} (boxed, as Spark returns it) equals element
     * {@code i} of the array {@code expected} for every {@code i} where {@code rows} is true,
     * within {@code ulps} for floating point (0: bit for bit, NaN payloads aside, -0.0 ≠ 0.0).
     *
     * @param describe the inputs of row {@code i}, for the message
     */
    static void assertAgrees(String what, Object expected, List<Object> actual, int ulps,
            java.util.function.IntFunction<String> describe) {
        assertEquals(Array.getLength(expected), actual.size(), what + ": row count");
        for (int i = 0; i < actual.size(); i++) {
            Object want = Array.get(expected, i);
            Object got = actual.get(i);
            if (!agrees(want, got, ulps)) {
                fail(what + " at " + describe.apply(i) + ": the in-JVM engine gives " + want + ", Spark " + got
                        + (ulps > 0 ? " (bound " + ulps + " ulps)" : ""));
            }
        }
    }

    static boolean agrees(Object want, Object got, int ulps) {
        if (got == null) {
            return want == null;
        }
        if (want instanceof Double w) {
            return got instanceof Double g && ulpsApart(w, g) <= ulps;
        }
        if (want instanceof Float w) {
            return got instanceof Float g && ulpsApart(w, g) <= ulps;
        }
        return want.equals(got);
    }

    /** How many doubles lie between {@code a} and {@code b}: 0 for equal bits or two NaN, MAX_VALUE for NaN and a number. */
    static long ulpsApart(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        long d = ordered(Double.doubleToLongBits(a)) - ordered(Double.doubleToLongBits(b));
        return d == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(d);
    }

    static long ulpsApart(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        return Math.abs(orderedInt(Float.floatToIntBits(a)) - orderedInt(Float.floatToIntBits(b)));
    }

    /** Sign-magnitude bits to a two's complement order, where -0.0 sits just below 0.0. */
    private static long ordered(long bits) {
        return bits < 0 ? Long.MIN_VALUE - bits - 1 : bits;
    }

    private static long orderedInt(int bits) {
        return bits < 0 ? (long) Integer.MIN_VALUE - bits - 1 : bits;
    }
}
