package io.jvectorize.runtime;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loops over a block of float64 (and float32, held in double) values, for the
 * fused engine where the module is present.
 *
 * <ul>
 *   <li>Arithmetic ({@code + - * /}, neg, abs, sqrt, min, max), also with one operand a
 *       number, and the conversions of float32 (rounding to float, float[] to and from
 *       double[]): IEEE operations, so bit for bit the results of {@link BlockKernels} and
 *       {@link Conversions}. C2 does not reliably vectorize their loops where the engine
 *       calls them: these run up to four times faster.
 *   <li>Math functions (exp, log, sin, ...; see {@link Step.Op#VECTOR_MATH}): the JDK's vector
 *       math library, 3 to 60 times faster than {@link Math}, within
 *       {@link Compute#VECTOR_MATH_ULPS} ulp of it; pow through {@link VectorMath#pow}, which
 *       keeps Math.pow's rules for signs and NaN, and squares exactly.
 * </ul>
 *
 * <p>Touches {@code jdk.incubator.vector}, as the generated loops' lane operations do: used
 * only behind {@link Simd#ENABLED} and {@link LaneOps#WIDE}, so without the module it is never
 * loaded. The elements after the
 * last whole vector of a block go through {@link BlockKernels}.
 *
 * <p>Each loop has a small method of its own, reached through a kernel object: C2
 * intrinsifies a lanewise operation only where it can inline the Vector API's code around
 * it, and one method holding many such loops runs out of inlining budget (the loops it could
 * not inline then run many times slower than plain Java).
 */
final class VectorBlockOps {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Floats, as many lanes as {@link #SPECIES} where {@link LaneOps#WIDE}, the only place they are used. */
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(Math.max(64, SPECIES.vectorBitSize() / 2)));

    private VectorBlockOps() {}

    /** The loop for {@code op} on arrays, or null; {@code b} is ignored by one-operand operators. */
    static Step.VectorKernel kernel(Operator op) {
        switch (op) {
            case NEG: return VectorBlockOps::neg;
            case ABS: return VectorBlockOps::abs;
            case SQRT: return VectorBlockOps::sqrt;
            case ADD: return VectorBlockOps::add;
            case SUB: return VectorBlockOps::sub;
            case MUL: return VectorBlockOps::mul;
            case DIV: return VectorBlockOps::div;
            case MINIMUM: return VectorBlockOps::min;
            case MAXIMUM: return VectorBlockOps::max;
            case EXP: return VectorBlockOps::exp;
            case EXPM1: return VectorBlockOps::expm1;
            case LOG: return VectorBlockOps::log;
            case LOG10: return VectorBlockOps::log10;
            case LOG1P: return VectorBlockOps::log1p;
            case SIN: return VectorBlockOps::sin;
            case COS: return VectorBlockOps::cos;
            case TAN: return VectorBlockOps::tan;
            case ASIN: return VectorBlockOps::asin;
            case ACOS: return VectorBlockOps::acos;
            case ATAN: return VectorBlockOps::atan;
            case SINH: return VectorBlockOps::sinh;
            case COSH: return VectorBlockOps::cosh;
            case ATAN2: return VectorBlockOps::atan2;
            case HYPOT: return VectorBlockOps::hypot;
            case TANH: return LaneOps.POW_AND_TANH ? VectorBlockOps::tanh : null;
            case POW: return LaneOps.POW_AND_TANH ? VectorBlockOps::pow : null;
            default: return null;
        }
    }

    /**
     * The loop for {@code op} with its second operand (its first, if {@code scalarFirst}) a
     * number, or null. {@code literal} is that number where the expression writes it, else NaN:
     * powers of 2 and 0.5 get loops of their own, as one loop for every power would outgrow
     * what C2 inlines into one method, and box every vector.
     */
    static Step.VectorScalarKernel scalarKernel(Operator op, boolean scalarFirst, double literal) {
        if (op == Operator.POW) {
            // Other powers only where the vector library has pow: elsewhere Math's, which
            // explain must not call a Vector API loop.
            if (literal == 2.0 && !scalarFirst) {
                return VectorBlockOps::square;
            }
            if (!LaneOps.POW_AND_TANH) {
                return null;
            }
            return scalarFirst ? VectorBlockOps::scalarPow
                    : literal == 0.5 ? VectorBlockOps::squareRoot : VectorBlockOps::powScalar;
        }
        switch (op) {
            case ADD: return VectorBlockOps::addScalar;
            case MUL: return VectorBlockOps::mulScalar;
            case SUB: return scalarFirst ? VectorBlockOps::scalarSub : VectorBlockOps::subScalar;
            case DIV: return scalarFirst ? VectorBlockOps::scalarDiv : VectorBlockOps::divScalar;
            default: return null;
        }
    }

    /** The loop that converts {@code from} arrays to {@code to} arrays as values of {@code type}, or null. */
    static Step.VectorConversion conversion(Class<?> from, Class<?> to, DType type) {
        if (!LaneOps.WIDE) {
            return null;
        }
        if (from == float[].class && to == double[].class) {
            return (src, so, dst, dOff, n) -> floatToDouble((float[]) src, so, (double[]) dst, dOff, n);
        }
        if (from == double[].class && to == float[].class) {
            return (src, so, dst, dOff, n) -> doubleToFloat((double[]) src, so, (float[]) dst, dOff, n);
        }
        if (from == double[].class && to == double[].class && type == DType.FLOAT32) {
            return (src, so, dst, dOff, n) -> roundToFloat((double[]) src, so, (double[]) dst, dOff, n);
        }
        return null;
    }

    private static void floatToDouble(float[] s, int so, double[] d, int dOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            ((DoubleVector) FloatVector.fromArray(FLOATS, s, so + i).convertShape(VectorOperators.F2D, SPECIES, 0))
                    .intoArray(d, dOff + i);
        }
        Conversions.convert(s, so + i, d, dOff + i, n - i, DType.FLOAT64);
    }

    private static void doubleToFloat(double[] s, int so, float[] d, int dOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            ((FloatVector) load(s, so + i).convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(d, dOff + i);
        }
        Conversions.convert(s, so + i, d, dOff + i, n - i, DType.FLOAT32);
    }

    private static void roundToFloat(double[] s, int so, double[] d, int dOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            ((DoubleVector) load(s, so + i).convertShape(VectorOperators.D2F, FLOATS, 0)
                    .convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(d, dOff + i);
        }
        Conversions.convert(s, so + i, d, dOff + i, n - i, DType.FLOAT32);
    }

    private static DoubleVector load(double[] array, int offset) {
        return DoubleVector.fromArray(SPECIES, array, offset);
    }

    private static void neg(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.NEG).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.NEG, a, ao + i, out, oo + i, n - i);
    }

    private static void abs(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.ABS).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.ABS, a, ao + i, out, oo + i, n - i);
    }

    private static void sqrt(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.SQRT).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.SQRT, a, ao + i, out, oo + i, n - i);
    }

    private static void add(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.ADD, load(b, bo + i)).intoArray(out, oo + i);
        }
        BlockKernels.binary(Operator.ADD, a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    private static void sub(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.SUB, load(b, bo + i)).intoArray(out, oo + i);
        }
        BlockKernels.binary(Operator.SUB, a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    private static void mul(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.MUL, load(b, bo + i)).intoArray(out, oo + i);
        }
        BlockKernels.binary(Operator.MUL, a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    private static void div(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.DIV, load(b, bo + i)).intoArray(out, oo + i);
        }
        BlockKernels.binary(Operator.DIV, a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    private static void min(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.MIN, load(b, bo + i)).intoArray(out, oo + i);
        }
        BlockKernels.binary(Operator.MINIMUM, a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    private static void max(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.MAX, load(b, bo + i)).intoArray(out, oo + i);
        }
        BlockKernels.binary(Operator.MAXIMUM, a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    private static void addScalar(double[] a, int ao, double s, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).add(s).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = a[ao + i] + s;
        }
    }

    private static void mulScalar(double[] a, int ao, double s, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).mul(s).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = a[ao + i] * s;
        }
    }

    private static void subScalar(double[] a, int ao, double s, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).sub(s).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = a[ao + i] - s;
        }
    }

    private static void scalarSub(double[] a, int ao, double s, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector.broadcast(SPECIES, s).sub(load(a, ao + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = s - a[ao + i];
        }
    }

    private static void divScalar(double[] a, int ao, double s, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).div(s).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = a[ao + i] / s;
        }
    }

    private static void scalarDiv(double[] a, int ao, double s, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector.broadcast(SPECIES, s).div(load(a, ao + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = s / a[ao + i];
        }
    }

    /**
     * {@code a ** s}, where the vector library has pow: a square (of an exponent bound at compute
     * time) is a multiplication, as in BlockKernels.pow; other powers {@link VectorMath#pow}.
     */
    private static void powScalar(double[] a, int ao, double s, double[] out, int oo, int n) {
        if (s == 2.0) {
            square(a, ao, s, out, oo, n);
            return;
        }
        DoubleVector exponent = DoubleVector.broadcast(SPECIES, s);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            VectorMath.pow(load(a, ao + i), exponent).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = Math.pow(a[ao + i], s);
        }
    }

    /** {@code a ** 2}, a multiplication as in BlockKernels.pow. */
    private static void square(double[] a, int ao, double s, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector x = load(a, ao + i);
            x.mul(x).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = a[ao + i] * a[ao + i];
        }
    }

    /**
     * {@code a ** 0.5} as Math.pow's rules give it: the square root, but +0.0 for -0.0 and
     * +Infinity for -Infinity; as HotSpot computes it, and three times faster than pow.
     */
    private static void squareRoot(double[] a, int ao, double s, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector x = load(a, ao + i);
            x.lanewise(VectorOperators.SQRT).add(0.0)
                    .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.NEGATIVE_INFINITY))
                    .intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = Math.pow(a[ao + i], 0.5);
        }
    }

    /** {@code s ** a}, where the vector library has pow. */
    private static void scalarPow(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector base = DoubleVector.broadcast(SPECIES, s);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            pow(base, load(a, ao + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = BlockKernels.pow(s, a[ao + i]);
        }
    }

    /** {@code a ** b}, where the vector library has pow. */
    private static void pow(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            pow(load(a, ao + i), load(b, bo + i)).intoArray(out, oo + i);
        }
        BlockKernels.binary(Operator.POW, a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    /** {@code a ** b} as {@link BlockKernels#pow}: a square where b is 2, exactly; else {@link VectorMath#pow}. */
    private static DoubleVector pow(DoubleVector a, DoubleVector b) {
        return VectorMath.pow(a, b).blend(a.mul(a), b.compare(VectorOperators.EQ, 2.0));
    }

    private static void tanh(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.TANH).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.TANH, a, ao + i, out, oo + i, n - i);
    }

    private static void exp(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.EXP).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.EXP, a, ao + i, out, oo + i, n - i);
    }

    private static void expm1(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.EXPM1).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.EXPM1, a, ao + i, out, oo + i, n - i);
    }

    private static void log(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.LOG).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.LOG, a, ao + i, out, oo + i, n - i);
    }

    private static void log10(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.LOG10).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.LOG10, a, ao + i, out, oo + i, n - i);
    }

    private static void log1p(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.LOG1P).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.LOG1P, a, ao + i, out, oo + i, n - i);
    }

    private static void sin(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.SIN).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.SIN, a, ao + i, out, oo + i, n - i);
    }

    private static void cos(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.COS).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.COS, a, ao + i, out, oo + i, n - i);
    }

    private static void tan(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.TAN).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.TAN, a, ao + i, out, oo + i, n - i);
    }

    private static void asin(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.ASIN).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.ASIN, a, ao + i, out, oo + i, n - i);
    }

    private static void acos(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.ACOS).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.ACOS, a, ao + i, out, oo + i, n - i);
    }

    private static void atan(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.ATAN).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.ATAN, a, ao + i, out, oo + i, n - i);
    }

    private static void sinh(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.SINH).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.SINH, a, ao + i, out, oo + i, n - i);
    }

    private static void cosh(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.COSH).intoArray(out, oo + i);
        }
        BlockKernels.unary(Operator.COSH, a, ao + i, out, oo + i, n - i);
    }

    private static void atan2(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.ATAN2, load(b, bo + i)).intoArray(out, oo + i);
        }
        BlockKernels.binary(Operator.ATAN2, a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    private static void hypot(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            load(a, ao + i).lanewise(VectorOperators.HYPOT, load(b, bo + i)).intoArray(out, oo + i);
        }
        BlockKernels.binary(Operator.HYPOT, a, ao + i, b, bo + i, out, oo + i, n - i);
    }
}
