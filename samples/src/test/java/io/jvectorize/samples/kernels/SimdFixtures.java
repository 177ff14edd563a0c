package io.jvectorize.samples.kernels;

import static java.lang.Math.sqrt;

import io.jvectorize.Vectorize;

/**
 * Fixtures for {@link SimdKernelsTest}, one or a few per construct the SIMD translation handles.
 * All but {@link #repeatedSum} translate (the test checks that their loops exist), and all are
 * exact: their SIMD loops must give the scalar method's results bit for bit.
 */
final class SimdFixtures {
    /** Read by generated code. */
    static final double OFFSET = 0.25;
    /** Private and a compile-time constant: the translation inlines its value. */
    private static final double SCALE = 1.5;
    static final int BIAS = 7;
    static final long WIDE_BIAS = 1L << 40;
    static final float SMALL = 0.1f;

    private SimdFixtures() {}

    // ---- float64 arithmetic -------------------------------------------------------------

    /** The four operators, constants of three kinds, and the source's order of operations. */
    @Vectorize
    static double arithmetic(double x, double y, double z) {
        return (x + y) * z - x / (y - 2.5) + z * SCALE - OFFSET * 3 + y / 7;
    }

    /** Unary minus flips the sign of zero and NaN; unary plus does nothing. */
    @Vectorize
    static double unaryMinus(double x, double y) {
        return -x * +y - -(x - y) + -OFFSET - (-x);
    }

    /** Locals, var, reassignment and compound assignment. */
    @Vectorize
    static double locals(double x, double y) {
        double t = x * y;
        var u = t - x;
        t += u * 0.5;
        t /= y;
        u *= u;
        u -= 1;
        double k = 3;
        k = k * 2;
        return t - u * k;
    }

    /** Early returns: each path ends in its own return, the rest of the body is the else. */
    @Vectorize
    static double earlyReturn(double x, double y) {
        if (x > y) {
            return x - y;
        }
        double d = y - x;
        if (d < 1.0) {
            return d * d;
        } else if (d != d) {
            return -1.0;
        } else {
            return sqrt(d);
        }
    }

    /** if/else chains that assign locals, nested, with and without else. */
    @Vectorize
    static double branchAssign(double x, double y) {
        double r = x;
        double s;
        if (x < 0) {
            r = -x;
            if (y > r) {
                r = y;
            }
            s = 1.0;
        } else if (x == y) {
            r = 0.0;
            s = -0.0;
        } else {
            r *= y;
            s = 2.0;
        }
        if (y >= 0) {
            s += r;
        }
        return r / s;
    }

    /** Conditional expressions, nested, and one on the condition side of another. */
    @Vectorize
    static double conditional(double x, double y) {
        return x < y ? (x < 0 ? -x : x * 2) : y == y ? y - x : 3.0 + ((x > 1 ? x : y) >= 2 ? 0.5 : -0.5);
    }

    /** Each comparison operator as its own bit of the result, constants on either side; NaN compares false (!= true). */
    @Vectorize
    static double comparisons(double x, double y) {
        return (x < y ? 1.0 : 0.0) + (x <= y ? 2.0 : 0.0) + (x > y ? 4.0 : 0.0) + (x >= y ? 8.0 : 0.0)
                + (x == y ? 16.0 : 0.0) + (x != y ? 32.0 : 0.0) + (0.5 < x ? 64.0 : 0.0) + (1.0 >= y ? 128.0 : 0.0)
                + (-0.0 == x ? 256.0 : 0.0) + (Double.POSITIVE_INFINITY != y ? 512.0 : 0.0);
    }

    /** Conditional and, or and not, into a boolean result. */
    @Vectorize
    static boolean logic(double x, double y) {
        return !(x < y) && (x == x || y > 0) || !(y <= 1.0) && x != y;
    }

    /** The exact Math functions: fma rounds once, sqrt is correctly rounded, min and max know NaN and -0.0. */
    @Vectorize
    static double exactMath(double x, double y, double z) {
        return Math.fma(x, y, z) + Math.sqrt(Math.abs(x)) - Math.min(x, z) * Math.max(y, -0.0)
                + StrictMath.sqrt(y) + Math.max(Math.min(z, 0.0), Math.PI);
    }

    /** Calls of other @Vectorize methods, inlined. */
    @Vectorize
    static double viaSiblings(double x, double y) {
        return arithmetic(x, y, x) - locals(y, x) * unaryMinus(x, 2.0);
    }

    // ---- float32 ------------------------------------------------------------------------

    @Vectorize
    static float floatOps(float a, float b, float c) {
        return Math.fma(a, b, c) - a / b * SMALL + Math.min(a, -c) - Math.max(b, 0.0f) * Math.abs(c) + -a;
    }

    @Vectorize
    static boolean floatCompare(float a, float b) {
        return a < b && b <= 1e30f || a == b || !(a >= -b) && a != Float.MIN_VALUE;
    }

    // ---- int32 --------------------------------------------------------------------------

    /** int lanes wrap on overflow; shift distances are masked to 5 bits; Math.abs(MIN_VALUE) is MIN_VALUE. */
    @Vectorize
    static int intOps(int a, int b) {
        int r = a * b + (a << b) - (a >> b) + (a >>> (b + 1));
        r ^= ~a & (b | BIAS);
        r += -a + Math.abs(b) - Math.min(a, b) * Math.max(a, -b);
        r <<= 3;
        return a < b ? r : r - BIAS * 31;
    }

    /** Division and remainder of int lanes; by zero throws, MIN_VALUE / -1 is MIN_VALUE and MIN_VALUE % -1 is 0. */
    @Vectorize
    static int intDivide(int a, int b) {
        return a / b * 3 + a % b;
    }

    @Vectorize
    static boolean intCompare(int a, int b) {
        return a <= b && a != 0 || b == -1 || a > 100 && !(b >= a);
    }

    // ---- int64 --------------------------------------------------------------------------

    /** long lanes wrap on overflow; shift distances are masked to 6 bits; int constants widen. */
    @Vectorize
    static long longOps(long a, long b) {
        long r = a * b + (a << b) - (a >> b) + (a >>> (b + 1)) + BIAS;
        r ^= ~a & (b | WIDE_BIAS);
        r -= -a + Math.abs(b) - Math.min(a, b) * Math.max(a, -b);
        return a >= b ? r : r >> 7;
    }

    /** Division and remainder of long lanes; by zero throws, MIN_VALUE / -1 is MIN_VALUE and MIN_VALUE % -1 is 0. */
    @Vectorize
    static long longDivide(long a, long b) {
        long q = a / b;
        return q - a % b;
    }

    // ---- boolean parameters ---------------------------------------------------------------

    @Vectorize
    static double choose(boolean flag, double x, double y) {
        return flag ? x : y - x;
    }

    @Vectorize
    static boolean gate(boolean flag, double x) {
        return flag ? x > 0 : x < 0 || x != x;
    }

    // ---- no translation -----------------------------------------------------------------

    /** A loop in the body: no SIMD translation, the companion keeps its scalar loop. */
    @Vectorize
    static double repeatedSum(double x) {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += x;
        }
        return sum;
    }
}
