package io.jvectorize.runtime.internal.op;

/**
 * NumPy's complex functions on one element: each takes the parts of its operands and writes
 * the result's parts into {@code out[o]} (real) and {@code out[o + 1]} (imaginary). The
 * formulas are the textbook ones NumPy's npymath and C99's complex functions use, with their
 * special cases where the corpus of numexpr's tests and NumPy's documented values meet them
 * (a zero divisor, a zero base, integer powers, purely real arguments of exp).
 */
final class ComplexMath {

    /** Below this magnitude, integer exponents of complex powers are computed by multiplication, as NumPy does. */
    private static final int MULTIPLIED_POWERS = 100;

    private ComplexMath() {}

    static void multiply(double ar, double ai, double br, double bi, double[] out, int o) {
        out[o] = ar * br - ai * bi;
        out[o + 1] = ar * bi + ai * br;
    }

    /** {@link #multiply} as NumPy computes complex64's: in float, each product and the sum rounded. */
    static void multiplyInFloat(double ar, double ai, double br, double bi, double[] out, int o) {
        out[o] = (float) ((float) (ar * br) - (float) (ai * bi));
        out[o + 1] = (float) ((float) (ar * bi) + (float) (ai * br));
    }

    /** {@link #divide} as NumPy computes complex64's: in float, every step rounded. */
    static void divideInFloat(double ar, double ai, double br, double bi, double[] out, int o) {
        double absR = Math.abs(br);
        double absI = Math.abs(bi);
        if (absR >= absI) {
            if (absR == 0 && absI == 0) {
                out[o] = (float) (ar / absR);
                out[o + 1] = (float) (ai / absR);
                return;
            }
            double ratio = (float) (bi / br);
            double scale = (float) (1.0 / (float) (br + (float) (bi * ratio)));
            out[o] = (float) ((float) (ar + (float) (ai * ratio)) * scale);
            out[o + 1] = (float) ((float) (ai - (float) (ar * ratio)) * scale);
        } else {
            double ratio = (float) (br / bi);
            double scale = (float) (1.0 / (float) (bi + (float) (br * ratio)));
            out[o] = (float) ((float) ((float) (ar * ratio) + ai) * scale);
            out[o + 1] = (float) ((float) ((float) (ai * ratio) - ar) * scale);
        }
    }

    /**
     * NumPy's reciprocal loop ({@code np.reciprocal}, and {@code z ** -1}): the smaller part over
     * the larger, as Smith's division, but with its own last steps, which differ from {@code 1/z}
     * in the last bit of about one part in eight, and at 0 give NaN parts, not inf. In float for
     * complex64 ({@code inFloat}), every step rounded.
     */
    static void reciprocal(double re, double im, double[] out, int o, boolean inFloat) {
        if (Math.abs(im) <= Math.abs(re)) {
            double r = round(im / re, inFloat);
            double d = round(re + round(im * r, inFloat), inFloat);
            out[o] = round(1 / d, inFloat);
            out[o + 1] = round(-r / d, inFloat);
        } else {
            double r = round(re / im, inFloat);
            double d = round(round(re * r, inFloat) + im, inFloat);
            out[o] = round(r / d, inFloat);
            out[o + 1] = round(-1 / d, inFloat);
        }
    }

    private static double round(double x, boolean toFloat) {
        return toFloat ? (float) x : x;
    }

    /** Smith's division, as NumPy's: the smaller part of the divisor scaled by the larger; a zero divisor divides each part by 0. */
    static void divide(double ar, double ai, double br, double bi, double[] out, int o) {
        double absR = Math.abs(br);
        double absI = Math.abs(bi);
        if (absR >= absI) {
            if (absR == 0 && absI == 0) {
                out[o] = ar / absR;
                out[o + 1] = ai / absR;
                return;
            }
            double ratio = bi / br;
            double scale = 1.0 / (br + bi * ratio);
            out[o] = (ar + ai * ratio) * scale;
            out[o + 1] = (ai - ar * ratio) * scale;
        } else {
            double ratio = br / bi;
            double scale = 1.0 / (bi + br * ratio);
            out[o] = (ar * ratio + ai) * scale;
            out[o + 1] = (ai * ratio - ar) * scale;
        }
    }

    /**
     * {@code a ** b} as NumPy's npy_cpow: 1 for a zero exponent; for a zero base 0 where the
     * exponent is real and positive, NaN otherwise; repeated multiplication for integer
     * exponents below 100 in magnitude (a negative one divides 1 by the power); otherwise
     * {@code exp(b * log(a))}.
     */
    static void power(double ar, double ai, double br, double bi, double[] out, int o) {
        power(ar, ai, br, bi, out, o, false);
    }

    /** {@link #power}, with complex64's integer powers multiplied in float (NumPy's {@code cpowf}) where {@code inFloat}. */
    static void power(double ar, double ai, double br, double bi, double[] out, int o, boolean inFloat) {
        if (br == 0 && bi == 0) {
            out[o] = 1;
            out[o + 1] = 0;
            return;
        }
        if (ar == 0 && ai == 0) {
            boolean positiveReal = br > 0 && bi == 0;
            out[o] = positiveReal ? 0 : Double.NaN;
            out[o + 1] = positiveReal ? 0 : Double.NaN;
            return;
        }
        if (bi == 0 && br == Math.rint(br) && Math.abs(br) < MULTIPLIED_POWERS) {
            long n = (long) Math.abs(br);
            double[] t = new double[2];
            double rr = 1;
            double ri = 0;
            double pr = ar;
            double pi = ai;
            boolean first = true;
            for (long e = n; e != 0; e >>= 1) {
                if ((e & 1) != 0) {
                    if (first) {
                        rr = pr;
                        ri = pi;
                        first = false;
                    } else {
                        product(rr, ri, pr, pi, t, inFloat);
                        rr = t[0];
                        ri = t[1];
                    }
                }
                if (e > 1) {
                    product(pr, pi, pr, pi, t, inFloat);
                    pr = t[0];
                    pi = t[1];
                }
            }
            if (br < 0) {
                if (inFloat) {
                    divideInFloat(1, 0, rr, ri, out, o);
                } else {
                    divide(1, 0, rr, ri, out, o);
                }
            } else {
                out[o] = rr;
                out[o + 1] = ri;
            }
            return;
        }
        double[] t = new double[2];
        log(ar, ai, t, 0);
        multiply(br, bi, t[0], t[1], t, 0);
        exp(t[0], t[1], out, o);
    }

    private static void product(double ar, double ai, double br, double bi, double[] out, boolean inFloat) {
        if (inFloat) {
            multiplyInFloat(ar, ai, br, bi, out, 0);
        } else {
            multiply(ar, ai, br, bi, out, 0);
        }
    }

    static void exp(double re, double im, double[] out, int o) {
        if (im == 0 && !Double.isNaN(re)) {
            out[o] = Math.exp(re);
            out[o + 1] = im;
            return;
        }
        if (Double.isInfinite(re) && re < 0 && !Double.isFinite(im)) {
            // exp(-inf + i·(inf or nan)) is ±0 with an unspecified sign: C99 gives (0, 0).
            out[o] = 0;
            out[o + 1] = 0;
            return;
        }
        double r = Math.exp(re);
        out[o] = r * Math.cos(im);
        out[o + 1] = r * Math.sin(im);
    }

    /** The principal branch: {@code log|z| + i·arg z}, arg in [-π, π]. */
    static void log(double re, double im, double[] out, int o) {
        out[o] = Math.log(Math.hypot(re, im));
        out[o + 1] = Math.atan2(im, re);
    }

    static void log10(double re, double im, double[] out, int o) {
        log(re, im, out, o);
        out[o] *= LOG10_E;
        out[o + 1] *= LOG10_E;
    }

    private static final double LOG10_E = 0.434294481903251827651128918916605082;

    /** NumPy's: {@code log|1 + z| + i·arg(1 + z)}. */
    static void log1p(double re, double im, double[] out, int o) {
        out[o] = Math.log(Math.hypot(re + 1, im));
        out[o + 1] = Math.atan2(im, re + 1);
    }

    /** NumPy's: the real part from expm1 and a half-angle sine, which keeps it accurate near 0. */
    static void expm1(double re, double im, double[] out, int o) {
        double half = Math.sin(im / 2);
        out[o] = Math.expm1(re) * Math.cos(im) - 2 * half * half;
        out[o + 1] = Math.exp(re) * Math.sin(im);
    }

    /** The principal square root, with a non-negative real part, computed without cancellation. */
    static void sqrt(double re, double im, double[] out, int o) {
        if (re == 0 && im == 0) {
            out[o] = 0;
            out[o + 1] = im;
            return;
        }
        if (Double.isInfinite(im)) {
            out[o] = Double.POSITIVE_INFINITY;
            out[o + 1] = im;
            return;
        }
        if (Double.isNaN(re)) {
            out[o] = re;
            out[o + 1] = Double.NaN;
            return;
        }
        if (Double.isInfinite(re)) {
            boolean nan = Double.isNaN(im);
            if (re > 0) {
                out[o] = re;
                out[o + 1] = nan ? im : Math.copySign(0.0, im);
            } else {
                out[o] = nan ? Double.NaN : 0.0;
                out[o + 1] = Math.copySign(Double.POSITIVE_INFINITY, im);
            }
            return;
        }
        // Halves before the hypot keep |z| from overflowing; t = sqrt((|re| + |z|) / 2).
        double t = Math.sqrt(Math.abs(re) / 2 + Math.hypot(re / 2, im / 2));
        if (re >= 0) {
            out[o] = t;
            out[o + 1] = im / (2 * t);
        } else {
            out[o] = Math.abs(im) / (2 * t);
            out[o + 1] = Math.copySign(t, im);
        }
    }

    static void sin(double re, double im, double[] out, int o) {
        out[o] = Math.sin(re) * Math.cosh(im);
        out[o + 1] = Math.cos(re) * Math.sinh(im);
    }

    static void cos(double re, double im, double[] out, int o) {
        out[o] = Math.cos(re) * Math.cosh(im);
        out[o + 1] = -(Math.sin(re) * Math.sinh(im));
    }

    static void sinh(double re, double im, double[] out, int o) {
        out[o] = Math.sinh(re) * Math.cos(im);
        out[o + 1] = Math.cosh(re) * Math.sin(im);
    }

    static void cosh(double re, double im, double[] out, int o) {
        out[o] = Math.cosh(re) * Math.cos(im);
        out[o + 1] = Math.sinh(re) * Math.sin(im);
    }

    /**
     * Kahan's formula (as C99 libraries compute ctanh): with {@code t = tan(im)},
     * {@code s = sinh(re)}, {@code β = 1 + t²}, {@code ρ = √(1 + s²)}, the result is
     * {@code (β ρ s + i t) / (1 + β s²)}; for |re| > 22 the real part is ±1 to double precision.
     */
    static void tanh(double re, double im, double[] out, int o) {
        if (Double.isInfinite(re)) {
            out[o] = Math.copySign(1, re);
            out[o + 1] = Double.isFinite(im) ? Math.copySign(0.0, Math.sin(im) * Math.cos(im)) : Math.copySign(0.0, im);
            return;
        }
        if (Math.abs(re) > 22) {
            double exp = Math.exp(-Math.abs(re));
            out[o] = Math.copySign(1, re);
            out[o + 1] = 4 * Math.sin(im) * Math.cos(im) * exp * exp;
            return;
        }
        double t = Math.tan(im);
        double beta = 1 + t * t;
        double s = Math.sinh(re);
        double rho = Math.sqrt(1 + s * s);
        double denominator = 1 + beta * s * s;
        out[o] = beta * rho * s / denominator;
        out[o + 1] = t / denominator;
    }

    /** Multiplies the value at {@code out[o]}, {@code out[o + 1]} by -i, in place: (a + bi)·(-i) = b - ai. */
    private static void timesMinusI(double[] out, int o) {
        double real = out[o + 1];
        out[o + 1] = -out[o];
        out[o] = real;
    }

    /** {@code tan(z) = -i·tanh(i·z)}. */
    static void tan(double re, double im, double[] out, int o) {
        tanh(-im, re, out, o);
        timesMinusI(out, o);
    }

    /**
     * {@code log(z + √(z² + 1))}, computed for a non-negative real part (asinh is odd), where the
     * sum does not cancel.
     */
    static void asinh(double re, double im, double[] out, int o) {
        boolean negative = re < 0 || re == 0 && 1 / re < 0;
        double x = negative ? -re : re;
        double y = negative ? -im : im;
        double[] t = new double[2];
        // z² + 1 = (x² - y² + 1) + i·2xy
        sqrt((x - y) * (x + y) + 1, 2 * x * y, t, 0);
        log(x + t[0], y + t[1], out, o);
        if (negative) {
            out[o] = -out[o];
            out[o + 1] = -out[o + 1];
        }
    }

    /** {@code asin(z) = -i·asinh(i·z)}. */
    static void asin(double re, double im, double[] out, int o) {
        asinh(-im, re, out, o);
        timesMinusI(out, o);
    }

    /** {@code acos(z) = π/2 - asin(z)}. */
    static void acos(double re, double im, double[] out, int o) {
        asin(re, im, out, o);
        out[o] = Math.PI / 2 - out[o];
        out[o + 1] = -out[o + 1];
    }

    /**
     * Kahan's form of {@code ½·log((1 + z) / (1 - z))}: real part {@code ¼·log1p(4x / ((1 - x)² + y²))},
     * imaginary part {@code ½·atan2(2y, (1 - x)(1 + x) - y²)}.
     */
    static void atanh(double re, double im, double[] out, int o) {
        double oneMinus = 1 - re;
        out[o] = 0.25 * Math.log1p(4 * re / (oneMinus * oneMinus + im * im));
        out[o + 1] = 0.5 * Math.atan2(2 * im, oneMinus * (1 + re) - im * im);
    }

    /** {@code atan(z) = -i·atanh(i·z)}. */
    static void atan(double re, double im, double[] out, int o) {
        atanh(-im, re, out, o);
        timesMinusI(out, o);
    }

    /** Kahan's {@code log(z + √(z + 1)·√(z - 1))}, which keeps the principal branch. */
    static void acosh(double re, double im, double[] out, int o) {
        double[] p = new double[2];
        double[] m = new double[2];
        sqrt(re + 1, im, p, 0);
        sqrt(re - 1, im, m, 0);
        multiply(p[0], p[1], m[0], m[1], p, 0);
        log(re + p[0], im + p[1], out, o);
    }
}
