package io.jvectorize.runtime.internal;

/** Distances in units in the last place, for the tests that bound math functions. */
public final class Ulps {

    private Ulps() {}

    /** The distance in ulps between two doubles: 0 for two NaNs (and for -0.0 and 0.0), MAX_VALUE for NaN and a number. */
    public static long between(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        return a == b ? 0 : Math.abs(ordered(a) - ordered(b));
    }

    /** The same for floats, in float ulps. */
    public static long between(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        return a == b ? 0 : Math.abs(ordered(a) - ordered(b));
    }

    /** Doubles mapped onto longs in order, so that neighbours differ by one. */
    private static long ordered(double x) {
        long bits = Double.doubleToLongBits(x);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }

    /** Floats mapped onto longs in order, so that neighbours differ by one. */
    private static long ordered(float x) {
        int bits = Float.floatToIntBits(x);
        return bits < 0 ? (long) Integer.MIN_VALUE - bits : bits;
    }
}
