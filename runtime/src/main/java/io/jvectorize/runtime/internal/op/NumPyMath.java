package io.jvectorize.runtime.internal.op;

/**
 * The scalar forms of NumPy's functions that {@link Math} lacks or computes differently: what
 * C's math library gives, on doubles. The inverse hyperbolic functions follow the classic
 * formulas that avoid cancellation (as fdlibm arranges them), each within 2 ulps of the exact
 * value (checked against NumPy's answers in the tests).
 */
final class NumPyMath {
    private static final double LN2 = 0.6931471805599453;
    private static final double INVERSE_LN2 = 1.4426950408889634;
    private static final double TWO_TO_28 = 0x1p28;
    private static final double TWO_TO_MINUS_28 = 0x1p-28;
    private static final long SIGN_BIT = 0x8000_0000_0000_0000L;

    private NumPyMath() {}

    /** Toward zero; the sign of a zero kept. */
    static double trunc(double a) {
        return a < 0 ? Math.ceil(a) : Math.floor(a);
    }

    /** NumPy's sign: 1.0, -1.0, 0.0 for either zero (NumPy does not keep -0.0), NaN for NaN. */
    static double sign(double a) {
        return a > 0 ? 1.0 : a < 0 ? -1.0 : a == 0 ? 0.0 : a;
    }

    /** {@code minimum(maximum(a, lo), hi)}: NaN where any is NaN, as NumPy's clip of floats. */
    static double clip(double a, double lo, double hi) {
        return Math.min(Math.max(a, lo), hi);
    }

    /** 2 to the power {@code a}: exact where the result is a power of two. */
    static double exp2(double a) {
        return Math.pow(2.0, a);
    }

    /**
     * log base 2: exact for powers of two. Otherwise {@code e + log(m) / ln 2} for
     * {@code a = m 2^e} with m in [sqrt(1/2), sqrt(2)), so that nothing cancels.
     */
    static double log2(double a) {
        if (!(a > 0) || a == Double.POSITIVE_INFINITY) {
            return Math.log(a); // NaN, -inf for zeros, NaN below, inf
        }
        int e = Math.getExponent(a);
        double m;
        if (e < Double.MIN_EXPONENT) { // subnormal: scale into the normal range first
            double scaled = a * 0x1p60;
            e = Math.getExponent(scaled) - 60;
            m = Math.scalb(scaled, -(e + 60));
        } else {
            m = Math.scalb(a, -e);
        }
        if (m > 1.4142135623730951) {
            m *= 0.5;
            e++;
        }
        if (m == 1.0) {
            return e;
        }
        return e + Math.log(m) * INVERSE_LN2;
    }

    static double asinh(double a) {
        double x = Math.abs(a);
        if (!(x >= TWO_TO_MINUS_28) || x == Double.POSITIVE_INFINITY) {
            return a; // tiny (asinh(a) rounds to a), zero with its sign, NaN, infinite
        }
        double w;
        if (x > TWO_TO_28) {
            w = Math.log(x) + LN2;
        } else if (x > 2.0) {
            w = Math.log(2.0 * x + 1.0 / (Math.sqrt(x * x + 1.0) + x));
        } else {
            double t = x * x;
            w = Math.log1p(x + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return Math.copySign(w, a);
    }

    static double acosh(double a) {
        if (!(a >= 1.0)) {
            return Double.NaN; // below 1, and NaN
        }
        if (a > TWO_TO_28) {
            return a == Double.POSITIVE_INFINITY ? a : Math.log(a) + LN2;
        }
        if (a == 1.0) {
            return 0.0;
        }
        if (a > 2.0) {
            return Math.log(2.0 * a - 1.0 / (a + Math.sqrt(a * a - 1.0)));
        }
        double t = a - 1.0;
        return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    static double atanh(double a) {
        double x = Math.abs(a);
        if (!(x <= 1.0)) {
            return Double.NaN; // beyond 1, and NaN
        }
        if (x == 1.0) {
            return Math.copySign(Double.POSITIVE_INFINITY, a);
        }
        if (x < TWO_TO_MINUS_28) {
            return a;
        }
        double w;
        if (x < 0.5) {
            double t = x + x;
            w = 0.5 * Math.log1p(t + t * x / (1.0 - x));
        } else {
            w = 0.5 * Math.log1p((x + x) / (1.0 - x));
        }
        return Math.copySign(w, a);
    }

    /** C's copysign: the sign bit of {@code sign}, a NaN's too (Math.copySign may read a NaN either way). */
    static double copySign(double magnitude, double sign) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(magnitude) & ~SIGN_BIT
                | Double.doubleToRawLongBits(sign) & SIGN_BIT);
    }

    /** C's signbit: true for -0.0 and a NaN whose sign bit is set. */
    static boolean signBit(double a) {
        return Double.doubleToRawLongBits(a) < 0;
    }
}
