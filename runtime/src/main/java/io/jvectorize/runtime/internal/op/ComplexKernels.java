package io.jvectorize.runtime.internal.op;

import io.jvectorize.runtime.DType;
import java.util.List;
import java.util.Set;

/**
 * The operators on complex128 values, over whole arrays: what the reference engine and the
 * planner's numbers run where an operation reads or makes complex values. Complex values are
 * {@code double[]} of interleaved (re, im) pairs, NumPy's layout; real operands are arrays of
 * their {@link Kind}. Semantics are NumPy's (see {@link ComplexMath}).
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
     * The type of {@code op} applied to complex128 operands: float64 for abs, .real and .imag,
     * bool for == and !=, complex128 for the rest.
     *
     * @throws IllegalArgumentException where {@code op} is not defined for complex numbers, saying why
     */
    public static DType resultType(Operator op, String operation) {
        if (!takesComplex(op)) {
            String why = op.rule() == Operator.Rule.COMPARE
                    ? "complex numbers are not ordered (NumPy 2 refuses it too); compare abs(z), z.real or z.imag"
                    : op.rule() == Operator.Rule.BITWISE ? "it takes booleans or integers"
                    : "it is defined for real numbers only; apply it to z.real, z.imag or abs(z)";
            throw new IllegalArgumentException("cannot apply " + op.text() + " to complex128 in " + operation + ": " + why);
        }
        switch (op) {
            case ABS:
            case REAL:
            case IMAG:
                return DType.FLOAT64;
            case EQ:
            case NE:
            case ISNAN:
            case ISINF:
            case ISFINITE:
                return DType.BOOLEAN;
            default:
                return DType.COMPLEX128;
        }
    }

    /** Whether the operation reads or makes complex values, so that it runs here. */
    public static boolean involvesComplex(List<DType> operandTypes, DType result) {
        return result.isComplex() || operandTypes.stream().anyMatch(DType::isComplex);
    }

    /**
     * {@code op} applied elementwise to {@code length} elements of the operands.
     *
     * @param in each operand: interleaved {@code double[]} where its type is complex, an array of its kind otherwise
     * @param scalars bit i set where operand i is one element, broadcast
     * @return a {@code double[]} of interleaved pairs for a complex result, an array of the result's kind otherwise
     */
    public static Object apply(Operator op, List<DType> operandTypes, DType result, Object[] in, int scalars, int length) {
        Object out = result.isComplex() ? new double[2 * length] : Conversions.newArray(Conversions.kindArray(result), length);
        for (int k = 0; k < length; k++) {
            int a = (scalars & 1) != 0 ? 0 : k;
            int b = (scalars & 2) != 0 ? 0 : k;
            int c = (scalars & 4) != 0 ? 0 : k;
            switch (op) {
                case COMPLEX:
                    ((double[]) out)[2 * k] = ((double[]) in[0])[a];
                    ((double[]) out)[2 * k + 1] = ((double[]) in[1])[b];
                    break;
                case WHERE: {
                    double[] chosen = (double[]) (((boolean[]) in[0])[a] ? in[1] : in[2]);
                    int i = ((boolean[]) in[0])[a] ? b : c;
                    ((double[]) out)[2 * k] = chosen[2 * i];
                    ((double[]) out)[2 * k + 1] = chosen[2 * i + 1];
                    break;
                }
                default: {
                    double[] x = (double[]) in[0];
                    if (op.arity() == 1) {
                        unary(op, x[2 * a], x[2 * a + 1], out, k);
                    } else {
                        double[] y = (double[]) in[1];
                        binary(op, x[2 * a], x[2 * a + 1], y[2 * b], y[2 * b + 1], out, k);
                    }
                }
            }
        }
        return out;
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
            case RECIPROCAL: ComplexMath.divide(1, 0, re, im, z, o); break;
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

    /** Real values of any kind, as complex128 pairs with zero imaginary parts. */
    public static double[] fromReal(Object real) {
        int n = java.lang.reflect.Array.getLength(real);
        double[] values = new double[n];
        Conversions.convert(real, 0, values, 0, n, DType.FLOAT64);
        double[] pairs = new double[2 * n];
        for (int i = 0; i < n; i++) {
            pairs[2 * i] = values[i];
        }
        return pairs;
    }
}
