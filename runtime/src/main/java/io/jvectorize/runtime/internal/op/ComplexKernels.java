package io.jvectorize.runtime.internal.op;

import io.jvectorize.runtime.DType;
import java.util.List;
import java.util.Set;

/**
 * The operators on complex values, over whole arrays: what the reference engine and the
 * planner's numbers run where an operation reads or makes complex values. Complex values are
 * {@code double[]} of interleaved (re, im) pairs, NumPy's layout, for complex64 too (its parts
 * rounded to float after every operation, as float32 values are); real operands are arrays of
 * their {@link Kind}. Semantics are NumPy's (see {@link ComplexMath}).
 *
 * <p>complex64's arithmetic ({@code + - * /}, integer powers, reciprocals) is NumPy's float arithmetic
 * exactly: each float operation is one double operation rounded to float, which gives the float
 * result since a double holds more than twice a float's digits. Its functions are complex128's
 * rounded to float: at most one float ulp of the part from the correctly rounded value where
 * complex128's is within a few double ulps, while NumPy's complex64 functions compute in float.
 */
public final class ComplexKernels {

    /** The operators that take complex operands. */
    private static final Set<Operator> COMPLEX_OPERANDS = Set.of(Operator.NEG, Operator.ADD, Operator.SUB,
            Operator.MUL, Operator.DIV, Operator.POW, Operator.SQUARE, Operator.EQ, Operator.NE, Operator.WHERE,
            Operator.ABS, Operator.SQRT, Operator.EXP, Operator.EXPM1, Operator.LOG, Operator.LOG10, Operator.LOG1P,
            Operator.SIN, Operator.COS, Operator.TAN, Operator.SINH, Operator.COSH, Operator.TANH,
            Operator.REAL, Operator.IMAG, Operator.CONJ, Operator.COPY, Operator.ONES_LIKE, Operator.RECIPROCAL,
            Operator.ISNAN, Operator.ISINF, Operator.ISFINITE, Operator.ASIN, Operator.ACOS, Operator.ATAN,
            Operator.ASINH, Operator.ACOSH, Operator.ATANH);

    private ComplexKernels() {}

    /** Whether {@code op} is defined for complex operands. */
    public static boolean takesComplex(Operator op) {
        return COMPLEX_OPERANDS.contains(op);
    }

    /**
     * The type of {@code op} applied to operands of the complex type {@code operands}: its parts'
     * type (float64 or float32) for abs, .real and .imag, bool for == != and the predicates, the
     * complex type for the rest.
     *
     * @throws IllegalArgumentException where {@code op} is not defined for complex numbers, saying why
     */
    public static DType resultType(Operator op, DType operands, String operation) {
        if (!takesComplex(op)) {
            String why = op.rule() == Operator.Rule.COMPARE
                    ? "complex numbers are not ordered (as in Python and the array API standard; NumPy orders them"
                            + " lexicographically); compare abs(z), z.real or z.imag"
                    : op.rule() == Operator.Rule.BITWISE ? "it takes booleans or integers"
                    : "it is defined for real numbers only; apply it to z.real, z.imag or abs(z)";
            throw new IllegalArgumentException("cannot apply " + op.text() + " to " + operands + " in " + operation + ": " + why);
        }
        switch (op) {
            case ABS:
            case REAL:
            case IMAG:
                return operands.partType();
            case EQ:
            case NE:
            case ISNAN:
            case ISINF:
            case ISFINITE:
                return DType.BOOLEAN;
            default:
                return operands;
        }
    }

    /** Whether the operation reads or makes complex values, so that it runs here. */
    public static boolean involvesComplex(List<DType> operandTypes, DType result) {
        if (result.isComplex()) {
            return true;
        }
        for (int i = 0; i < operandTypes.size(); i++) { // no stream: asked for every number of every call (#18)
            if (operandTypes.get(i).isComplex()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code op} applied elementwise to {@code length} elements of the operands.
     *
     * @param in each operand: interleaved {@code double[]} where its type is complex, an array of its kind otherwise
     * @param scalars bit i set where operand i is one element, broadcast
     * @return a {@code double[]} of interleaved pairs for a complex result, an array of the result's kind otherwise
     */
    public static Object apply(Operator op, DType result, Object[] in, int scalars, int length) {
        Object out = Conversions.newArray(Conversions.kindArray(result), result.isComplex() ? 2 * length : length);
        apply(op, result, in[0], 0, in.length > 1 ? in[1] : null, 0, in.length > 2 ? in[2] : null, 0, scalars, out, 0,
                length);
        return out;
    }

    /**
     * {@code op} applied to {@code n} elements: operand i from element {@code fi} of {@code xi}
     * (pair {@code fi} where it is complex; element 0 where bit i of {@code scalars} is set),
     * written from element {@code to} of {@code out} (pair {@code to} for a complex result).
     * What the block engine runs on each block, and the whole-array form above on whole arrays:
     * one loop, so the two engines compute every element by the same code. {@code out} may be an
     * operand at the same element: each element's operands are read before its value is written.
     *
     * @param result the result's type; complex64 and float32 values are rounded to float
     */
    public static void apply(Operator op, DType result, Object x0, int f0, Object x1, int f1, Object x2, int f2,
            int scalars, Object out, int to, int n) {
        boolean inFloat = result == DType.COMPLEX64;
        int a0 = (scalars & 1) != 0 ? 0 : f0;
        int b0 = (scalars & 2) != 0 ? 0 : f1;
        int c0 = (scalars & 4) != 0 ? 0 : f2;
        if (arithmetic(op, inFloat, x0, a0, (scalars & 1) != 0, x1, b0, (scalars & 2) != 0, out, to, n)) {
            if (inFloat) {
                roundToFloat((double[]) out, 2 * to, 2 * n); // complex64's + -: each part's sum rounded once
            }
            return;
        }
        if ((scalars & 1) == 0 && parts(op, x0, a0, out, to, n)) {
            return;
        }
        int aStep = (scalars & 1) != 0 ? 0 : 1;
        int bStep = (scalars & 2) != 0 ? 0 : 1;
        int cStep = (scalars & 4) != 0 ? 0 : 1;
        for (int k = 0; k < n; k++) {
            int a = a0 + aStep * k;
            int b = b0 + bStep * k;
            int c = c0 + cStep * k;
            int o = to + k;
            switch (op) {
                case COMPLEX:
                    ((double[]) out)[2 * o] = ((double[]) x0)[a];
                    ((double[]) out)[2 * o + 1] = ((double[]) x1)[b];
                    break;
                case WHERE: {
                    boolean first = ((boolean[]) x0)[a];
                    double[] chosen = (double[]) (first ? x1 : x2);
                    int i = first ? b : c;
                    double re = chosen[2 * i];
                    double im = chosen[2 * i + 1];
                    ((double[]) out)[2 * o] = re;
                    ((double[]) out)[2 * o + 1] = im;
                    break;
                }
                default: {
                    double[] x = (double[]) x0;
                    if (inFloat && op == Operator.SQUARE) {
                        binaryInFloat(Operator.MUL, x[2 * a], x[2 * a + 1], x[2 * a], x[2 * a + 1], out, o);
                    } else if (inFloat && op == Operator.RECIPROCAL) {
                        ComplexMath.reciprocal(x[2 * a], x[2 * a + 1], (double[]) out, 2 * o, true);
                    } else if (op.arity() == 1) {
                        unary(op, x[2 * a], x[2 * a + 1], out, o);
                    } else {
                        double[] y = (double[]) x1;
                        if (inFloat) {
                            binaryInFloat(op, x[2 * a], x[2 * a + 1], y[2 * b], y[2 * b + 1], out, o);
                        } else {
                            binary(op, x[2 * a], x[2 * a + 1], y[2 * b], y[2 * b + 1], out, o);
                        }
                    }
                }
            }
        }
        if (result == DType.COMPLEX64) {
            roundToFloat((double[]) out, 2 * to, 2 * n);
        } else if (result == DType.FLOAT32) {
            roundToFloat((double[]) out, to, n);
        }
    }

    /**
     * {@code + - *} in loops of their own (the formulas of {@link #binary} and
     * {@link ComplexMath#multiplyInFloat}, without the per-element dispatch): false for any other
     * operation, which the general loop computes. Operands and result from pair {@code a},
     * {@code b} and {@code to}; a scalar's pair stays. For complex64 ({@code inFloat}) the caller
     * rounds the sums and differences to float; products are rounded here, each step.
     */
    private static boolean arithmetic(Operator op, boolean inFloat, Object x0, int a, boolean xScalar, Object x1, int b,
            boolean yScalar, Object out, int to, int n) {
        if (op != Operator.ADD && op != Operator.SUB && op != Operator.MUL || !(out instanceof double[] z)
                || !(x0 instanceof double[] x) || !(x1 instanceof double[] y)) {
            return false;
        }
        if (op == Operator.MUL && inFloat) {
            multiplyInFloat(x, 2 * a, xScalar ? 0 : 2, y, 2 * b, yScalar ? 0 : 2, z, 2 * to, n);
        } else if (op == Operator.MUL) {
            multiply(x, 2 * a, xScalar ? 0 : 2, y, 2 * b, yScalar ? 0 : 2, z, 2 * to, n);
        } else if (!xScalar && !yScalar) {
            // Part by part: one flat loop over the 2n parts, which C2 can vectorize.
            if (op == Operator.ADD) {
                addParts(x, 2 * a, y, 2 * b, z, 2 * to, 2 * n);
            } else {
                subtractParts(x, 2 * a, y, 2 * b, z, 2 * to, 2 * n);
            }
        } else {
            addOrSubtract(op == Operator.SUB, x, 2 * a, xScalar ? 0 : 2, y, 2 * b, yScalar ? 0 : 2, z, 2 * to, n);
        }
        return true;
    }

    /**
     * The operations that move or negate parts ({@code conj}, unary {@code -}, {@code .real},
     * {@code .imag}, {@code copy}) of an array operand, in loops of their own: exact, so the same
     * for complex64 (whose parts are already floats); false for any other.
     */
    private static boolean parts(Operator op, Object x0, int a, Object out, int to, int n) {
        if (!(x0 instanceof double[] x) || !(out instanceof double[] z)) {
            return false;
        }
        switch (op) {
            case CONJ: conj(x, 2 * a, z, 2 * to, n); return true;
            case NEG: negateParts(x, 2 * a, z, 2 * to, 2 * n); return true;
            case COPY: System.arraycopy(x, 2 * a, z, 2 * to, 2 * n); return true;
            case REAL: part(x, 2 * a, z, to, n); return true;
            case IMAG: part(x, 2 * a + 1, z, to, n); return true;
            default: return false;
        }
    }

    // One loop per method: C2 compiles (and vectorizes) such loops best on their own.

    private static void conj(double[] x, int i, double[] z, int k, int n) {
        for (int m = 0; m < n; m++, i += 2, k += 2) {
            double re = x[i];
            double im = x[i + 1];
            z[k] = re;
            z[k + 1] = -im;
        }
    }

    private static void negateParts(double[] x, int i, double[] z, int k, int n) {
        for (int m = 0; m < n; m++) { z[k + m] = -x[i + m]; }
    }

    /** Every second value from index {@code i}: one part of {@code n} pairs. */
    private static void part(double[] x, int i, double[] z, int k, int n) {
        for (int m = 0; m < n; m++) { z[k + m] = x[i + 2 * m]; }
    }

    private static void addParts(double[] x, int i, double[] y, int j, double[] z, int k, int n) {
        for (int m = 0; m < n; m++) { z[k + m] = x[i + m] + y[j + m]; }
    }

    private static void subtractParts(double[] x, int i, double[] y, int j, double[] z, int k, int n) {
        for (int m = 0; m < n; m++) { z[k + m] = x[i + m] - y[j + m]; }
    }

    /** {@code n} pairs from index {@code i}, {@code j} (stepping 2, or 0 for a scalar) into {@code z} from {@code k}. */
    private static void addOrSubtract(boolean subtract, double[] x, int i, int xStep, double[] y, int j, int yStep,
            double[] z, int k, int n) {
        if (subtract) {
            for (int m = 0; m < n; m++, i += xStep, j += yStep, k += 2) {
                double ar = x[i];
                double ai = x[i + 1];
                z[k] = ar - y[j];
                z[k + 1] = ai - y[j + 1];
            }
        } else {
            for (int m = 0; m < n; m++, i += xStep, j += yStep, k += 2) {
                double ar = x[i];
                double ai = x[i + 1];
                z[k] = ar + y[j];
                z[k + 1] = ai + y[j + 1];
            }
        }
    }

    /** {@link ComplexMath#multiplyInFloat}'s formula over {@code n} pairs: complex64's product, each step rounded. */
    private static void multiplyInFloat(double[] x, int i, int xStep, double[] y, int j, int yStep, double[] z, int k,
            int n) {
        for (int m = 0; m < n; m++, i += xStep, j += yStep, k += 2) {
            double ar = x[i];
            double ai = x[i + 1];
            double br = y[j];
            double bi = y[j + 1];
            z[k] = (float) ((float) (ar * br) - (float) (ai * bi));
            z[k + 1] = (float) ((float) (ar * bi) + (float) (ai * br));
        }
    }

    private static void multiply(double[] x, int i, int xStep, double[] y, int j, int yStep, double[] z, int k, int n) {
        for (int m = 0; m < n; m++, i += xStep, j += yStep, k += 2) {
            double ar = x[i];
            double ai = x[i + 1];
            double br = y[j];
            double bi = y[j + 1];
            z[k] = ar * br - ai * bi;
            z[k + 1] = ar * bi + ai * br;
        }
    }

    private static void roundToFloat(double[] values, int from, int n) {
        for (int i = from; i < from + n; i++) {
            values[i] = (float) values[i];
        }
    }

    private static void roundToFloat(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) values[i];
        }
    }

    private static void unary(Operator op, double re, double im, Object out, int k) {
        switch (op) {
            case ABS:
                ((double[]) out)[k] = Math.hypot(re, im);
                return;
            case REAL:
                ((double[]) out)[k] = re;
                return;
            case IMAG:
                ((double[]) out)[k] = im;
                return;
            case ISNAN:
                ((boolean[]) out)[k] = Double.isNaN(re) || Double.isNaN(im);
                return;
            case ISINF:
                ((boolean[]) out)[k] = Double.isInfinite(re) || Double.isInfinite(im);
                return;
            case ISFINITE:
                ((boolean[]) out)[k] = Double.isFinite(re) && Double.isFinite(im);
                return;
            default:
        }
        double[] z = (double[]) out;
        int o = 2 * k;
        switch (op) {
            case NEG: z[o] = -re; z[o + 1] = -im; break;
            case CONJ: z[o] = re; z[o + 1] = -im; break;
            case SQUARE: ComplexMath.multiply(re, im, re, im, z, o); break;
            case COPY: z[o] = re; z[o + 1] = im; break;
            case ONES_LIKE: z[o] = 1; z[o + 1] = 0; break;
            case RECIPROCAL: ComplexMath.reciprocal(re, im, z, o, false); break;
            case SQRT: ComplexMath.sqrt(re, im, z, o); break;
            case EXP: ComplexMath.exp(re, im, z, o); break;
            case EXPM1: ComplexMath.expm1(re, im, z, o); break;
            case LOG: ComplexMath.log(re, im, z, o); break;
            case LOG10: ComplexMath.log10(re, im, z, o); break;
            case LOG1P: ComplexMath.log1p(re, im, z, o); break;
            case SIN: ComplexMath.sin(re, im, z, o); break;
            case COS: ComplexMath.cos(re, im, z, o); break;
            case TAN: ComplexMath.tan(re, im, z, o); break;
            case SINH: ComplexMath.sinh(re, im, z, o); break;
            case COSH: ComplexMath.cosh(re, im, z, o); break;
            case TANH: ComplexMath.tanh(re, im, z, o); break;
            case ASIN: ComplexMath.asin(re, im, z, o); break;
            case ACOS: ComplexMath.acos(re, im, z, o); break;
            case ATAN: ComplexMath.atan(re, im, z, o); break;
            case ASINH: ComplexMath.asinh(re, im, z, o); break;
            case ACOSH: ComplexMath.acosh(re, im, z, o); break;
            case ATANH: ComplexMath.atanh(re, im, z, o); break;
            default: throw new IllegalStateException(op + " has no complex form");
        }
    }

    private static void binary(Operator op, double ar, double ai, double br, double bi, Object out, int k) {
        switch (op) {
            case EQ:
                ((boolean[]) out)[k] = ar == br && ai == bi;
                return;
            case NE:
                ((boolean[]) out)[k] = ar != br || ai != bi;
                return;
            default:
        }
        double[] z = (double[]) out;
        int o = 2 * k;
        switch (op) {
            case ADD: z[o] = ar + br; z[o + 1] = ai + bi; break;
            case SUB: z[o] = ar - br; z[o + 1] = ai - bi; break;
            case MUL: ComplexMath.multiply(ar, ai, br, bi, z, o); break;
            case DIV: ComplexMath.divide(ar, ai, br, bi, z, o); break;
            case POW: ComplexMath.power(ar, ai, br, bi, z, o); break;
            default: throw new IllegalStateException(op + " has no complex form");
        }
    }

    /** complex64's multiplication and division: NumPy's float arithmetic, each step rounded to float. */
    private static void binaryInFloat(Operator op, double ar, double ai, double br, double bi, Object out, int k) {
        double[] z = (double[]) out;
        int o = 2 * k;
        switch (op) {
            case MUL: ComplexMath.multiplyInFloat(ar, ai, br, bi, z, o); break;
            case DIV: ComplexMath.divideInFloat(ar, ai, br, bi, z, o); break;
            case POW: ComplexMath.power(ar, ai, br, bi, z, o, true); break;
            default: binary(op, ar, ai, br, bi, out, k);
        }
    }

    /**
     * Values of type {@code from} as the engine's pairs of the complex type {@code to}: real
     * values (an array of their kind, or float32 data) with zero imaginary parts; complex ones
     * as they are (complex64 data, a {@code float[]}, widened; complex128 ones rounded for complex64).
     */
    public static double[] convert(Object values, DType from, DType to) {
        double[] pairs;
        if (from.isComplex()) {
            pairs = values instanceof float[] data ? widen(data) : (double[]) values;
            if (to == DType.COMPLEX64 && from != DType.COMPLEX64) {
                pairs = pairs.clone();
                roundToFloat(pairs);
            }
            return pairs;
        }
        int n = java.lang.reflect.Array.getLength(values);
        double[] real = new double[n];
        Conversions.convert(values, 0, real, 0, n, to.partType());
        pairs = new double[2 * n];
        for (int i = 0; i < n; i++) {
            pairs[2 * i] = real[i];
        }
        return pairs;
    }

    /**
     * {@link #convert(Object, DType, DType)} over {@code n} elements, as the block engine
     * converts a block: from element {@code from} of {@code src} (pair {@code from} for complex
     * data) into pair {@code to} of {@code dst}, a {@code double[]} of the engine's pairs or the
     * {@code float[]} complex64 data is returned in. {@code dst} may be {@code src} at the same pairs.
     */
    public static void convert(Object src, int from, DType fromType, Object dst, int to, int n, DType toType) {
        if (!toType.isComplex()) {
            throw new IllegalStateException("complex values are converted to complex types only, not " + toType);
        }
        boolean toFloat = toType == DType.COMPLEX64;
        if (fromType.isComplex()) {
            // Pairs to pairs, part by part: one flat loop for each pair of array types.
            if (src instanceof float[] data && dst instanceof double[] pairs) {
                widen(data, 2 * from, pairs, 2 * to, 2 * n);
            } else if (src instanceof double[] pairs && dst instanceof float[] data) {
                narrow(pairs, 2 * from, data, 2 * to, 2 * n);
            } else if (src instanceof double[] pairs && dst instanceof double[] into && toFloat) {
                round(pairs, 2 * from, into, 2 * to, 2 * n);
            } else if (src instanceof double[] pairs && dst instanceof double[] into) {
                System.arraycopy(pairs, 2 * from, into, 2 * to, 2 * n);
            } else {
                float[] data = (float[]) src;
                System.arraycopy(data, 2 * from, (float[]) dst, 2 * to, 2 * n);
            }
            return;
        }
        if (dst instanceof float[] data) {
            for (int i = 0; i < n; i++) {
                data[2 * (to + i)] = (float) partOf(src, from + i, fromType, 0, toFloat);
                data[2 * (to + i) + 1] = (float) partOf(src, from + i, fromType, 1, toFloat);
            }
            return;
        }
        double[] pairs = (double[]) dst;
        for (int i = 0; i < n; i++) {
            double re = partOf(src, from + i, fromType, 0, toFloat);
            double im = partOf(src, from + i, fromType, 1, toFloat);
            pairs[2 * (to + i)] = re;
            pairs[2 * (to + i) + 1] = im;
        }
    }

    private static void widen(float[] x, int i, double[] z, int k, int n) {
        for (int m = 0; m < n; m++) { z[k + m] = x[i + m]; }
    }

    private static void narrow(double[] x, int i, float[] z, int k, int n) {
        for (int m = 0; m < n; m++) { z[k + m] = (float) x[i + m]; }
    }

    private static void round(double[] x, int i, double[] z, int k, int n) {
        for (int m = 0; m < n; m++) { z[k + m] = (float) x[i + m]; }
    }

    /**
     * Part {@code part} (0 real, 1 imaginary) of element {@code i} of values of type {@code type},
     * as complex64's parts where {@code toFloat}: a real value's real part as the reference's
     * conversion gives it ({@link Conversions#convert}: long and int straight to float), 0 its imaginary part.
     */
    private static double partOf(Object values, int i, DType type, int part, boolean toFloat) {
        if (type.isComplex()) {
            double value = values instanceof float[] data ? data[2 * i + part] : ((double[]) values)[2 * i + part];
            return toFloat ? (float) value : value;
        }
        if (part == 1) {
            return 0;
        }
        if (values instanceof double[] data) {
            return toFloat ? (float) data[i] : data[i];
        }
        if (values instanceof float[] data) {
            return data[i];
        }
        if (values instanceof long[] data) {
            return toFloat ? (float) data[i] : (double) data[i];
        }
        if (values instanceof int[] data) {
            return toFloat ? (float) data[i] : (double) data[i];
        }
        return ((boolean[]) values)[i] ? 1 : 0;
    }

    private static double[] widen(float[] data) {
        double[] pairs = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            pairs[i] = data[i];
        }
        return pairs;
    }

    /** The engine's pairs as the array complex data of {@code type} is returned in: itself for complex128, a {@code float[]} for complex64. */
    public static Object toData(double[] pairs, DType type) {
        if (type != DType.COMPLEX64) {
            return pairs;
        }
        float[] data = new float[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            data[i] = (float) pairs[i];
        }
        return data;
    }
}
