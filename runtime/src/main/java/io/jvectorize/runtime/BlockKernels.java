package io.jvectorize.runtime;

/**
 * The elementwise semantics of every built-in operator, as plain loops over a range of arrays.
 *
 * <p>Values live in three kinds of arrays: {@code double[]} for float64 and float32 (float32
 * values are rounded after every operation by {@link #narrow}), {@code long[]} for int64 and
 * int32 (int32 values wrapped after every operation), {@code boolean[]} for bool. Both engines
 * run these loops: the fused one over a block, the reference one over whole arrays. Each
 * argument is an array with the offset of its first element; {@code out} may be one of the
 * inputs at the same offset, since every loop reads element {@code i} before writing it.
 *
 * <p>Where the Vector API is present, the fused engine runs {@link VectorBlockOps} instead for
 * float arithmetic (the same results) and math functions (within a few ulp); these loops
 * remain its path without the module, and the reference engine's always.
 */
final class BlockKernels {

    /** NumPy's words for a negative integer exponent. */
    static final String NEGATIVE_POWER = "integers to negative integer powers are not allowed";

    /** Where NumPy returns 0 with a warning, an error is clearer. */
    static final String MODULO_BY_ZERO = "integer modulo by zero";

    private BlockKernels() {}

    // ---- dispatch by the arrays' kinds --------------------------------------------------------

    /** Applies {@code op} to its one, two or three operands ({@code b} and {@code c} unused where it has fewer). */
    static void apply(Operator op, Object a, int ao, Object b, int bo, Object c, int co, Object out, int oo, int n) {
        switch (op.arity()) {
            case 1: unary(op, a, ao, out, oo, n); break;
            case 2: binary(op, a, ao, b, bo, out, oo, n); break;
            default: where((boolean[]) a, ao, b, bo, c, co, out, oo, n);
        }
    }

    static void unary(Operator op, Object a, int ao, Object out, int oo, int n) {
        if (a instanceof double[]) {
            unary(op, (double[]) a, ao, (double[]) out, oo, n);
        } else {
            unary(op, (long[]) a, ao, (long[]) out, oo, n);
        }
    }

    /** Arithmetic, math functions and comparisons of two operands of one kind. */
    static void binary(Operator op, Object a, int ao, Object b, int bo, Object out, int oo, int n) {
        if (op.rule() == Operator.Rule.COMPARE) {
            if (a instanceof double[]) {
                compare(op, (double[]) a, ao, (double[]) b, bo, (boolean[]) out, oo, n);
            } else if (a instanceof long[]) {
                compare(op, (long[]) a, ao, (long[]) b, bo, (boolean[]) out, oo, n);
            } else {
                compare(op, (boolean[]) a, ao, (boolean[]) b, bo, (boolean[]) out, oo, n);
            }
        } else if (a instanceof double[]) {
            binary(op, (double[]) a, ao, (double[]) b, bo, (double[]) out, oo, n);
        } else {
            binary(op, (long[]) a, ao, (long[]) b, bo, (long[]) out, oo, n);
        }
    }

    /** The operators with kernels for one operand a scalar: no block of copies of it needed. */
    static boolean hasScalarKernel(Operator op, Class<?> operandArray) {
        if (op.rule() == Operator.Rule.COMPARE) {
            return operandArray != boolean[].class;
        }
        switch (op) {
            case ADD: case SUB: case MUL: return operandArray != boolean[].class;
            case DIV: case POW: return operandArray == double[].class;
            default: return false;
        }
    }

    /**
     * {@code out = a op s}, or {@code out = s op a} where {@code scalarFirst}, for an operator
     * {@link #hasScalarKernel} accepts; {@code s} is a one-element array.
     */
    static void binaryScalar(Operator op, Object a, int ao, Object s, boolean scalarFirst, Object out, int oo, int n) {
        if (op.rule() == Operator.Rule.COMPARE) {
            // s < a is a > s, also for NaN.
            Operator flipped = scalarFirst ? flip(op) : op;
            if (a instanceof double[]) {
                compareScalar(flipped, (double[]) a, ao, ((double[]) s)[0], (boolean[]) out, oo, n);
            } else {
                compareScalar(flipped, (long[]) a, ao, ((long[]) s)[0], (boolean[]) out, oo, n);
            }
        } else if (a instanceof double[]) {
            binaryScalar(op, (double[]) a, ao, ((double[]) s)[0], scalarFirst, (double[]) out, oo, n);
        } else {
            binaryScalar(op, (long[]) a, ao, ((long[]) s)[0], scalarFirst, (long[]) out, oo, n);
        }
    }

    private static Operator flip(Operator op) {
        switch (op) {
            case LT: return Operator.GT;
            case LE: return Operator.GE;
            case GT: return Operator.LT;
            case GE: return Operator.LE;
            default: return op;
        }
    }

    /** {@code out = c ? a : b}, for values of any kind. */
    static void where(boolean[] c, int co, Object a, int ao, Object b, int bo, Object out, int oo, int n) {
        if (a instanceof double[]) {
            where(c, co, (double[]) a, ao, (double[]) b, bo, (double[]) out, oo, n);
        } else if (a instanceof long[]) {
            where(c, co, (long[]) a, ao, (long[]) b, bo, (long[]) out, oo, n);
        } else {
            where(c, co, (boolean[]) a, ao, (boolean[]) b, bo, (boolean[]) out, oo, n);
        }
    }

    private static void where(boolean[] c, int co, double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = c[co + i] ? a[ao + i] : b[bo + i]; }
    }

    private static void where(boolean[] c, int co, long[] a, int ao, long[] b, int bo, long[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = c[co + i] ? a[ao + i] : b[bo + i]; }
    }

    private static void where(boolean[] c, int co, boolean[] a, int ao, boolean[] b, int bo, boolean[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = c[co + i] ? a[ao + i] : b[bo + i]; }
    }

    /** Brings results to their type: float32 rounded to float, int32 wrapped to int; others untouched. */
    static void narrow(DType type, Object out, int oo, int n) {
        if (type == DType.FLOAT32) {
            roundToFloat((double[]) out, oo, n);
        } else if (type == DType.INT32) {
            wrapToInt((long[]) out, oo, n);
        }
    }

    private static void roundToFloat(double[] r, int oo, int n) {
        for (int i = oo; i < oo + n; i++) { r[i] = (float) r[i]; }
    }

    private static void wrapToInt(long[] r, int oo, int n) {
        for (int i = oo; i < oo + n; i++) { r[i] = (int) r[i]; }
    }

    // ---- floating point -----------------------------------------------------------------------

    static void unary(Operator op, double[] a, int ao, double[] out, int oo, int n) {
        switch (op) {
            case NEG: neg(a, ao, out, oo, n); break;
            case ABS: abs(a, ao, out, oo, n); break;
            case SQRT: sqrt(a, ao, out, oo, n); break;
            case EXP: for (int i = 0; i < n; i++) { out[oo + i] = Math.exp(a[ao + i]); } break;
            case EXPM1: for (int i = 0; i < n; i++) { out[oo + i] = Math.expm1(a[ao + i]); } break;
            case LOG: for (int i = 0; i < n; i++) { out[oo + i] = Math.log(a[ao + i]); } break;
            case LOG10: for (int i = 0; i < n; i++) { out[oo + i] = Math.log10(a[ao + i]); } break;
            case LOG1P: for (int i = 0; i < n; i++) { out[oo + i] = Math.log1p(a[ao + i]); } break;
            case SIN: for (int i = 0; i < n; i++) { out[oo + i] = Math.sin(a[ao + i]); } break;
            case COS: for (int i = 0; i < n; i++) { out[oo + i] = Math.cos(a[ao + i]); } break;
            case TAN: for (int i = 0; i < n; i++) { out[oo + i] = Math.tan(a[ao + i]); } break;
            case ASIN: for (int i = 0; i < n; i++) { out[oo + i] = Math.asin(a[ao + i]); } break;
            case ACOS: for (int i = 0; i < n; i++) { out[oo + i] = Math.acos(a[ao + i]); } break;
            case ATAN: for (int i = 0; i < n; i++) { out[oo + i] = Math.atan(a[ao + i]); } break;
            case SINH: for (int i = 0; i < n; i++) { out[oo + i] = Math.sinh(a[ao + i]); } break;
            case COSH: for (int i = 0; i < n; i++) { out[oo + i] = Math.cosh(a[ao + i]); } break;
            case TANH: for (int i = 0; i < n; i++) { out[oo + i] = Math.tanh(a[ao + i]); } break;
            default: throw unsupported(op, "float");
        }
    }

    private static void neg(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = -a[ao + i]; }
    }

    private static void abs(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = Math.abs(a[ao + i]); }
    }

    private static void sqrt(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = Math.sqrt(a[ao + i]); }
    }

    static void binary(Operator op, double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        switch (op) {
            case ADD: add(a, ao, b, bo, out, oo, n); break;
            case SUB: sub(a, ao, b, bo, out, oo, n); break;
            case MUL: mul(a, ao, b, bo, out, oo, n); break;
            case DIV: div(a, ao, b, bo, out, oo, n); break;
            case MINIMUM: min(a, ao, b, bo, out, oo, n); break;
            case MAXIMUM: max(a, ao, b, bo, out, oo, n); break;
            case MOD: for (int i = 0; i < n; i++) { out[oo + i] = mod(a[ao + i], b[bo + i]); } break;
            case POW: for (int i = 0; i < n; i++) { out[oo + i] = pow(a[ao + i], b[bo + i]); } break;
            case ATAN2: for (int i = 0; i < n; i++) { out[oo + i] = Math.atan2(a[ao + i], b[bo + i]); } break;
            case HYPOT: for (int i = 0; i < n; i++) { out[oo + i] = Math.hypot(a[ao + i], b[bo + i]); } break;
            default: throw unsupported(op, "float");
        }
    }

    // The loops C2 vectorizes each have a method of their own: C2 compiles them about twice as
    // fast that way as when they share one big method.

    private static void add(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] + b[bo + i]; }
    }

    private static void sub(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] - b[bo + i]; }
    }

    private static void mul(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] * b[bo + i]; }
    }

    private static void div(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] / b[bo + i]; }
    }

    private static void min(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = Math.min(a[ao + i], b[bo + i]); }
    }

    private static void max(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = Math.max(a[ao + i], b[bo + i]); }
    }

    private static void binaryScalar(Operator op, double[] a, int ao, double s, boolean scalarFirst, double[] out,
            int oo, int n) {
        switch (op) {
            case ADD: addScalar(a, ao, s, out, oo, n); break;
            case MUL: mulScalar(a, ao, s, out, oo, n); break;
            case SUB: if (scalarFirst) { scalarSub(s, a, ao, out, oo, n); } else { subScalar(a, ao, s, out, oo, n); } break;
            case DIV: if (scalarFirst) { scalarDiv(s, a, ao, out, oo, n); } else { divScalar(a, ao, s, out, oo, n); } break;
            case POW:
                if (scalarFirst) {
                    for (int i = 0; i < n; i++) { out[oo + i] = pow(s, a[ao + i]); }
                } else if (s == 2.0) {
                    mul(a, ao, a, ao, out, oo, n);
                } else {
                    for (int i = 0; i < n; i++) { out[oo + i] = Math.pow(a[ao + i], s); }
                }
                break;
            default: throw unsupported(op, "float scalar");
        }
    }

    private static void addScalar(double[] a, int ao, double s, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] + s; }
    }

    private static void mulScalar(double[] a, int ao, double s, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] * s; }
    }

    private static void subScalar(double[] a, int ao, double s, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] - s; }
    }

    private static void scalarSub(double s, double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = s - a[ao + i]; }
    }

    private static void divScalar(double[] a, int ao, double s, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] / s; }
    }

    private static void scalarDiv(double s, double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = s / a[ao + i]; }
    }

    private static void compareScalar(Operator op, double[] a, int ao, double s, boolean[] out, int oo, int n) {
        switch (op) {
            case LT: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] < s; } break;
            case LE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] <= s; } break;
            case GT: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] > s; } break;
            case GE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] >= s; } break;
            case EQ: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] == s; } break;
            case NE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] != s; } break;
            default: throw unsupported(op, "float");
        }
    }

    /** NumPy's {@code remainder}: fmod, moved onto the divisor's side; a zero takes the divisor's sign. */
    static double mod(double a, double b) {
        double r = a % b;
        if (r == 0) {
            return Math.copySign(0.0, b);
        }
        return (r < 0) != (b < 0) ? r + b : r;
    }

    /** {@code a ** 2} is {@code a * a} exactly, as NumPy squares; everything else is {@link Math#pow}. */
    static double pow(double a, double b) {
        return b == 2.0 ? a * a : Math.pow(a, b);
    }

    static void compare(Operator op, double[] a, int ao, double[] b, int bo, boolean[] out, int oo, int n) {
        switch (op) {
            case LT: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] < b[bo + i]; } break;
            case LE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] <= b[bo + i]; } break;
            case GT: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] > b[bo + i]; } break;
            case GE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] >= b[bo + i]; } break;
            case EQ: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] == b[bo + i]; } break;
            case NE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] != b[bo + i]; } break;
            default: throw unsupported(op, "float");
        }
    }

    // ---- integers (int64 and int32, in long) --------------------------------------------------

    static void unary(Operator op, long[] a, int ao, long[] out, int oo, int n) {
        switch (op) {
            case NEG: for (int i = 0; i < n; i++) { out[oo + i] = -a[ao + i]; } break;
            case ABS: for (int i = 0; i < n; i++) { out[oo + i] = Math.abs(a[ao + i]); } break;
            default: throw unsupported(op, "integer");
        }
    }

    static void binary(Operator op, long[] a, int ao, long[] b, int bo, long[] out, int oo, int n) {
        switch (op) {
            case ADD: add(a, ao, b, bo, out, oo, n); break;
            case SUB: sub(a, ao, b, bo, out, oo, n); break;
            case MUL: mul(a, ao, b, bo, out, oo, n); break;
            case MOD: for (int i = 0; i < n; i++) { out[oo + i] = mod(a[ao + i], b[bo + i]); } break;
            case POW: for (int i = 0; i < n; i++) { out[oo + i] = pow(a[ao + i], b[bo + i]); } break;
            case MINIMUM: for (int i = 0; i < n; i++) { out[oo + i] = Math.min(a[ao + i], b[bo + i]); } break;
            case MAXIMUM: for (int i = 0; i < n; i++) { out[oo + i] = Math.max(a[ao + i], b[bo + i]); } break;
            default: throw unsupported(op, "integer");
        }
    }

    private static void add(long[] a, int ao, long[] b, int bo, long[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] + b[bo + i]; }
    }

    private static void sub(long[] a, int ao, long[] b, int bo, long[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] - b[bo + i]; }
    }

    private static void mul(long[] a, int ao, long[] b, int bo, long[] out, int oo, int n) {
        for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] * b[bo + i]; }
    }

    private static void binaryScalar(Operator op, long[] a, int ao, long s, boolean scalarFirst, long[] out, int oo,
            int n) {
        switch (op) {
            case ADD: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] + s; } break;
            case MUL: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] * s; } break;
            case SUB:
                if (scalarFirst) {
                    for (int i = 0; i < n; i++) { out[oo + i] = s - a[ao + i]; }
                } else {
                    for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] - s; }
                }
                break;
            default: throw unsupported(op, "integer scalar");
        }
    }

    private static void compareScalar(Operator op, long[] a, int ao, long s, boolean[] out, int oo, int n) {
        switch (op) {
            case LT: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] < s; } break;
            case LE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] <= s; } break;
            case GT: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] > s; } break;
            case GE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] >= s; } break;
            case EQ: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] == s; } break;
            case NE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] != s; } break;
            default: throw unsupported(op, "integer");
        }
    }

    /** Python's integer modulo: the result has the divisor's sign. */
    static long mod(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException(MODULO_BY_ZERO);
        }
        return Math.floorMod(a, b);
    }

    /** Exact integer power by squaring, wrapping around as C's (and NumPy's) integers do. */
    static long pow(long base, long exponent) {
        if (exponent < 0) {
            throw new ArithmeticException(NEGATIVE_POWER);
        }
        long result = 1;
        long b = base;
        for (long e = exponent; e != 0; e >>>= 1) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
        }
        return result;
    }

    static void compare(Operator op, long[] a, int ao, long[] b, int bo, boolean[] out, int oo, int n) {
        switch (op) {
            case LT: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] < b[bo + i]; } break;
            case LE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] <= b[bo + i]; } break;
            case GT: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] > b[bo + i]; } break;
            case GE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] >= b[bo + i]; } break;
            case EQ: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] == b[bo + i]; } break;
            case NE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] != b[bo + i]; } break;
            default: throw unsupported(op, "integer");
        }
    }

    // ---- booleans (false < true, as in NumPy) -------------------------------------------------

    static void compare(Operator op, boolean[] a, int ao, boolean[] b, int bo, boolean[] out, int oo, int n) {
        switch (op) {
            case LT: for (int i = 0; i < n; i++) { out[oo + i] = !a[ao + i] & b[bo + i]; } break;
            case LE: for (int i = 0; i < n; i++) { out[oo + i] = !a[ao + i] | b[bo + i]; } break;
            case GT: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] & !b[bo + i]; } break;
            case GE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] | !b[bo + i]; } break;
            case EQ: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] == b[bo + i]; } break;
            case NE: for (int i = 0; i < n; i++) { out[oo + i] = a[ao + i] != b[bo + i]; } break;
            default: throw unsupported(op, "bool");
        }
    }

    /** Typing rules out these combinations; reaching one is a bug in the engine. */
    private static IllegalStateException unsupported(Operator op, String kind) {
        return new IllegalStateException("no " + kind + " kernel for " + op);
    }
}
