package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Map;

/**
 * How far an expression computed with vector math may be from the reference, element by
 * element: every math function of {@link ComputeTesting#VECTOR_MATH} within
 * {@link Compute#VECTOR_MATH_ULPS} of {@link Math}'s value, as the documentation promises per
 * call, and each difference carried through every operator after it by the operator's largest
 * slope over the interval it may move in (sums add their operands' differences, products scale
 * them, {@code exp} multiplies by {@code expm1} of it, ...), plus an ulp where an exact operator
 * rounds a moved value. Where a difference can cross a discontinuity (a comparison or
 * {@code where} that could flip, {@code %}, a pole, the edge of a domain, an infinity or NaN) the
 * element has no bound ({@link #UNBOUNDED}) and no value to check. Complex values carry one
 * bound for both parts through {@code complex()}, {@code .real}, {@code .imag}, {@code conj},
 * {@code -}, {@code + - *}, {@code abs} and {@code where} (the kernels' formulas, each rounding
 * counted); any other complex operator of a moved value leaves it unbounded. Complex operators of
 * unmoved values are bit for bit: complex steps use no vector math. Elements with no math
 * function in them have bound 0: bit for bit.
 */
final class VectorMathBound {

    static final double UNBOUNDED = Double.POSITIVE_INFINITY;

    /**
     * A node's reference values (broadcast to every element, as doubles; a complex node's real
     * parts, its imaginary ones in {@code imag}, else null) and the bound of each (of both parts).
     */
    private record Node(double[] value, double[] bound, double[] imag, DType type) {}

    private final Map<String, Object> data;
    private final Compute.Options reference;
    private final int n;

    private VectorMathBound(Map<String, Object> data, Compute.Options reference, int n) {
        this.data = data;
        this.reference = reference;
        this.n = n;
    }

    /**
     * The bound of each element of {@code e}'s value (one for a reduction or an expression without arrays).
     *
     * @param length the bound arrays' length (for none, the elements are no more than one number's)
     */
    static double[] of(Expr e, Map<String, Object> data, Compute.Options reference, int length) {
        VectorMathBound bounds = new VectorMathBound(data, reference, Math.max(length, 1));
        Node root = bounds.node(e);
        Object result = Compute.compute(e, data, reference);
        int count = result.getClass().isArray() ? Array.getLength(result) : 1;
        if (e.dtype().isComplex() && result.getClass().isArray()) {
            double[] pairs = new double[count]; // interleaved (re, im): each part has its element's bound
            for (int i = 0; i < count; i++) {
                pairs[i] = root.bound[i / 2];
            }
            return pairs;
        }
        return Arrays.copyOf(root.bound, count);
    }

    /**
     * Whether {@code actual} is within {@code bound} of {@code expected}, element by element:
     * equal bit for bit where the bound is 0 (NaN equal to NaN), anything where it is unbounded.
     *
     * @return the number of elements it checked (those with a bound)
     */
    static int check(Object expected, Object actual, double[] bound, String what) {
        int checked = 0;
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] == UNBOUNDED) {
                continue;
            }
            checked++;
            Object e = expected.getClass().isArray() ? Array.get(expected, i) : expected;
            Object a = actual.getClass().isArray() ? Array.get(actual, i) : actual;
            if (bound[i] == 0 || !(e instanceof Double || e instanceof Float)) {
                if (!e.equals(a)) {
                    throw new AssertionError(what + " at " + i + ": " + a + ", expected " + e + " bit for bit");
                }
                continue;
            }
            double x = ((Number) e).doubleValue();
            double y = ((Number) a).doubleValue();
            boolean within = Double.isNaN(x) ? Double.isNaN(y) : Math.abs(y - x) <= bound[i] * (1 + 0x1p-20);
            if (!within) {
                throw new AssertionError(what + " at " + i + ": " + y + ", expected " + x + " within " + bound[i]);
            }
        }
        return checked;
    }

    private Node node(Expr e) {
        Object result = Compute.compute(e, data, reference);
        boolean complex = e.dtype().isComplex();
        double[] value = complex ? parts(result, 0) : values(result);
        double[] imag = complex ? parts(result, 1) : null;
        double[] bound = new double[n];
        if (e instanceof Symbol || e instanceof Literal) {
            return new Node(value, bound, imag, e.dtype());
        }
        if (e instanceof Reduction reduction) {
            Arrays.fill(bound, reduce(reduction, node(reduction.operand())));
            return new Node(value, bound, imag, e.dtype());
        }
        Node[] in = new Node[e.children().size()];
        for (int k = 0; k < in.length; k++) {
            in[k] = node(e.children().get(k));
        }
        boolean vectorMath = e instanceof Operation operation && ComputeTesting.VECTOR_MATH.contains(operation.op())
                && e.dtype().isFloating();
        for (int i = 0; i < n; i++) {
            double[] x = new double[in.length];
            double[] dx = new double[in.length];
            boolean exact = true;
            for (int k = 0; k < in.length; k++) {
                x[k] = in[k].value[i];
                dx[k] = in[k].bound[i];
                exact &= dx[k] == 0;
            }
            if (exact && (!vectorMath || touchesComplex(e))) {
                continue; // the same operator on the same values: the same value (complex steps use no vector math)
            }
            if (touchesComplex(e)) {
                bound[i] = e instanceof Operation operation
                        ? complexSlope(operation.op(), in, i, value[i], imag == null ? 0 : imag[i], e.dtype())
                        : UNBOUNDED;
                continue;
            }
            double moved = exact ? 0 : e instanceof Operation operation ? slope(operation.op(), x, dx, value[i])
                    : call((Call) e, x, dx);
            double rounding = moved > 0 ? ulp(Math.abs(value[i]) + moved, e.dtype()) : 0;
            double library = vectorMath ? Compute.VECTOR_MATH_ULPS * ulp(Math.abs(value[i]) + moved, e.dtype()) : 0;
            double total = moved + rounding + library;
            bound[i] = Double.isFinite(total) && (Double.isFinite(value[i]) || total == 0) ? total : UNBOUNDED;
        }
        return new Node(value, bound, imag, e.dtype());
    }

    /**
     * How far a complex operator's value (each part; for {@code abs}, {@code .real} and
     * {@code .imag} the real value) may move, its roundings included, where each operand's parts
     * move within its bound; a real operand is a complex one with an exact zero imaginary part.
     */
    private static double complexSlope(Operator op, Node[] in, int i, double re, double im, DType type) {
        DType part = type.isComplex() ? type.partType() : type;
        double ar = in[0].value[i];
        double ai = in[0].imag == null ? 0 : in[0].imag[i];
        double da = in[0].bound[i];
        double br = in.length > 1 ? in[1].value[i] : ar;
        double bi = in.length > 1 ? in[1].imag == null ? 0 : in[1].imag[i] : ai;
        double db = in.length > 1 ? in[1].bound[i] : da;
        double magnitude = Math.max(Math.abs(re), Math.abs(im));
        double total;
        switch (op) {
            case REAL: case IMAG: case CONJ: case NEG: case COPY:
                total = da; // parts moved or negated, exactly
                break;
            case COMPLEX: {
                double moved = Math.max(da, db);
                total = moved + ulp(magnitude + moved, part); // the parts as the complex type's part type
                break;
            }
            case ADD: case SUB: {
                double moved = da + db;
                total = moved + ulp(magnitude + moved, part);
                break;
            }
            case MUL: case SQUARE: {
                // Each part is p - q or p + q of two products (ar br, ai bi; ar bi, ai br), each
                // rounded, then the sum rounded.
                double moved = (Math.abs(br) + Math.abs(bi)) * da + (Math.abs(ar) + Math.abs(ai)) * db + 2 * da * db;
                double products = Math.max(Math.max(Math.abs(ar * br), Math.abs(ai * bi)),
                        Math.max(Math.abs(ar * bi), Math.abs(ai * br)));
                double roundedProducts = 2 * ulp(products + moved, part);
                total = moved + roundedProducts + ulp(magnitude + moved + roundedProducts, part);
                break;
            }
            case ABS: {
                // |abs(z') - abs(z)| <= |z' - z| <= sqrt(2) times the parts' bound; hypot within an ulp.
                double moved = Math.sqrt(2) * da * (1 + 0x1p-50);
                total = moved + 2 * ulp(Math.abs(re) + moved, part);
                break;
            }
            case WHERE: {
                double condition = da;
                total = condition > 0 ? UNBOUNDED : ar != 0 ? in[1].bound[i] : in[2].bound[i];
                break;
            }
            default: // division, powers, functions, comparisons of complex values: no slopes here
                return UNBOUNDED;
        }
        boolean finite = Double.isFinite(re) && Double.isFinite(im);
        for (Node operand : in) {
            finite &= Double.isFinite(operand.value[i]) && (operand.imag == null || Double.isFinite(operand.imag[i]));
        }
        return Double.isFinite(total) && (finite || total == 0) ? total : UNBOUNDED;
    }

    private static boolean touchesComplex(Expr e) {
        if (e.dtype().isComplex()) {
            return true;
        }
        for (Expr child : e.children()) {
            if (child.dtype().isComplex()) {
                return true;
            }
        }
        return false;
    }

    /** How far {@code op} of operands within {@code dx} of {@code x} may be from its value {@code v}. */
    private static double slope(Operator op, double[] x, double[] dx, double v) {
        double a = x[0];
        double da = dx[0];
        double b = x.length > 1 ? x[1] : 0;
        double db = dx.length > 1 ? dx[1] : 0;
        switch (op) {
            case NEG: case ABS: case SIN: case COS: case ATAN: case TANH:
                return da; // 1-Lipschitz
            case ADD: case SUB: case HYPOT:
                return da + db;
            case MINIMUM: case MAXIMUM:
                return Math.max(da, db);
            case MUL:
                return Math.abs(b) * da + Math.abs(a) * db + da * db;
            case DIV:
                return Math.abs(b) > db ? (da + Math.abs(v) * db) / (Math.abs(b) - db) : UNBOUNDED;
            case SQRT:
                return a - da > 0 ? da / (Math.sqrt(a) + Math.sqrt(a - da)) : UNBOUNDED;
            case EXP:
                return Math.abs(v) * Math.expm1(da);
            case EXPM1:
                return (Math.abs(v) + 1) * Math.expm1(da);
            case LOG:
                return a - da > 0 ? da / (a - da) : UNBOUNDED;
            case LOG10:
                return a - da > 0 ? da / (a - da) / Math.log(10) : UNBOUNDED;
            case LOG1P:
                return 1 + a - da > 0 ? da / (1 + a - da) : UNBOUNDED;
            case ASIN: case ACOS:
                return Math.abs(a) + da < 1 ? da / Math.sqrt(1 - Math.pow(Math.abs(a) + da, 2)) : UNBOUNDED;
            case SINH: case COSH:
                return Math.cosh(Math.abs(a) + da) * da;
            case TAN: {
                // No pole between a - da and a + da: cos keeps its sign; the slope is 1 + tan^2.
                double lo = Math.cos(a - da);
                double hi = Math.cos(a + da);
                if (da > 0.5 || Math.signum(lo) != Math.signum(hi) || Math.signum(lo) != Math.signum(Math.cos(a))) {
                    return UNBOUNDED;
                }
                double steepest = Math.max(Math.abs(Math.tan(a - da)), Math.abs(Math.tan(a + da)));
                return (1 + steepest * steepest) * da;
            }
            case ATAN2: {
                // atan2(a, b) jumps across the negative b axis; elsewhere its slope is 1 / hypot.
                double r = Math.hypot(a, b) - da - db;
                return r > 0 && !(b < 0 && Math.abs(a) <= da) ? (da + db) / r : UNBOUNDED;
            }
            case POW: {
                // Monotone in each argument for a positive base: the largest move is at a corner.
                if (a - da <= 0) {
                    return UNBOUNDED;
                }
                double most = 0;
                for (double base : new double[] {a - da, a + da}) {
                    for (double exponent : new double[] {b - db, b + db}) {
                        most = Math.max(most, Math.abs(Math.pow(base, exponent) - v));
                    }
                }
                return most + 2 * Math.ulp(Math.abs(v) + most);
            }
            case LT: case LE: case GT: case GE: case EQ: case NE:
                // Certain only where the operands are further apart than they may move.
                return !Double.isNaN(a) && !Double.isNaN(b) && Math.abs(a - b) > da + db ? 0 : UNBOUNDED;
            case WHERE:
                return dx[0] > 0 ? UNBOUNDED : x[0] != 0 ? dx[1] : dx[2];
            case COPY: case ASINH:
                return da; // 1-Lipschitz
            case ONES_LIKE:
                return 0;
            case CLIP:
                return Math.max(da, Math.max(db, dx[2]));
            case COPYSIGN:
                return db == 0 || Math.abs(b) > db ? da : UNBOUNDED; // the sign is certain
            case EXP2:
                return Math.abs(v) * Math.expm1(da * Math.log(2));
            case LOG2:
                return a - da > 0 ? da / (a - da) / Math.log(2) : UNBOUNDED;
            case ISNAN:
                return 0; // a bounded value is a number, and stays one
            case AND: case OR: case XOR: case INVERT:
                return da == 0 && db == 0 ? 0 : UNBOUNDED;
            default: // MOD, FMOD, //, rounding, sign: a discontinuity at every step
                return UNBOUNDED;
        }
    }

    /** The same for the test's @Vectorize functions ({@link TestFunctions}). */
    private static double call(Call call, double[] x, double[] dx) {
        switch (call.function().name()) {
            case "poly": // (5t + 4)t + 1: slope 10t + 4, and its three roundings
                return (10 * (Math.abs(x[0]) + dx[0]) + 4) * dx[0] + 3 * Math.ulp(Math.abs(x[0] * x[0] * 5) + 1);
            case "mix": // a / 4 + 3b / 4
                return 0.25 * dx[0] + 0.75 * dx[1];
            case "choose":
                return dx[0] > 0 ? UNBOUNDED : x[0] != 0 ? dx[1] : dx[2];
            default: // integer results of moved floats (sign) may jump
                return UNBOUNDED;
        }
    }

    /** How far a reduction of operands within their bounds may move: the same for every element. */
    private double reduce(Reduction reduction, Node operand) {
        if (reduction.kind() == ReductionKind.COUNT) {
            return 0; // the number of elements, whatever their values
        }
        if (operand.imag != null) {
            for (int i = 0; i < n; i++) {
                if (operand.bound[i] != 0) {
                    return UNBOUNDED; // no bounds here for reductions of moved complex values
                }
            }
            return 0;
        }
        double most = 0;
        double sum = 0;
        double magnitude = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (operand.bound[i] == UNBOUNDED) {
                return UNBOUNDED;
            }
            most = Math.max(most, operand.bound[i]);
            if (!Double.isNaN(operand.value[i])) {
                sum += operand.bound[i];
                magnitude += Math.abs(operand.value[i]);
                count++;
            }
        }
        if (most == 0) {
            return 0;
        }
        // Each addition of a moved value may round another way: an ulp of the largest partial sum.
        double sums = sum + n * Math.ulp(magnitude);
        switch (reduction.kind()) {
            case NANCOUNT:
                return 0; // a bounded element is as NaN as the reference's
            case MIN: case MAX: case NANMIN: case NANMAX:
                return most;
            case SUM: case NANSUM:
                return sums + ulp(magnitude, reduction.dtype());
            case MEAN: case NANMEAN:
                return count == 0 ? UNBOUNDED : sums / count + ulp(magnitude / count, reduction.dtype());
            default: // VAR, STD: not bounded here
                return UNBOUNDED;
        }
    }

    /** Values as doubles, one per element (a scalar or a one-element result broadcast). */
    private double[] values(Object result) {
        double[] values = new double[n];
        if (!result.getClass().isArray()) {
            Arrays.fill(values, asDouble(result));
            return values;
        }
        int length = Array.getLength(result);
        for (int i = 0; i < Math.min(n, length == 1 ? n : length); i++) {
            values[i] = asDouble(Array.get(result, length == 1 ? 0 : i));
        }
        return values;
    }

    /** One part (0 real, 1 imaginary) of complex values, one per element: pairs, one pair broadcast, or a {@link Complex}. */
    private double[] parts(Object result, int part) {
        double[] values = new double[n];
        if (result instanceof Complex c) {
            Arrays.fill(values, part == 0 ? c.re() : c.im());
            return values;
        }
        int pairs = Array.getLength(result) / 2;
        for (int i = 0; i < n && pairs > 0; i++) {
            values[i] = ((Number) Array.get(result, 2 * (pairs == 1 ? 0 : i) + part)).doubleValue();
        }
        return values;
    }

    private static double asDouble(Object value) {
        return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
    }

    private static double ulp(double magnitude, DType type) {
        return type == DType.FLOAT32 ? Math.ulp((float) magnitude) : Math.ulp(magnitude);
    }
}
