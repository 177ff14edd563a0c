package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.internal.op.Conversions;
import io.jvectorize.runtime.internal.op.Operator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each operator against an oracle written here, independently of the engine's kernels: on
 * every pair of special values, array with array, array with scalar and scalar with array,
 * in both engines. float32 is checked against float arithmetic, int32 against int arithmetic.
 */
class ComputeOperatorsTest {

    private static final List<Compute.Options> ENGINES = List.of(
            Compute.Options.defaults().vectorMath(false),
            Compute.Options.defaults().vectorMath(false).blockSize(5),
            Compute.Options.defaults().optimize(false));

    /** The operands, as pairs: every special value with every other, then some random ones. */
    private static double[][] doublePairs() {
        List<double[]> pairs = new ArrayList<>();
        for (double x : ComputeTesting.SPECIAL_DOUBLES) {
            for (double y : ComputeTesting.SPECIAL_DOUBLES) {
                pairs.add(new double[] {x, y});
            }
        }
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            pairs.add(new double[] {random.nextGaussian() * 100, random.nextGaussian() * 10});
        }
        return pairs.toArray(new double[0][]);
    }

    private static long[][] longPairs() {
        List<long[]> pairs = new ArrayList<>();
        for (long x : ComputeTesting.SPECIAL_LONGS) {
            for (long y : ComputeTesting.SPECIAL_LONGS) {
                pairs.add(new long[] {x, y});
            }
        }
        Random random = new Random(6);
        for (int i = 0; i < 200; i++) {
            pairs.add(new long[] {random.nextLong(), random.nextInt(50) - 25});
        }
        return pairs.toArray(new long[0][]);
    }

    // ---- oracles --------------------------------------------------------------------------------

    /** Python's float %: the result has the divisor's sign; a zero too. */
    static double pythonMod(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || y == 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(y)) {
            return x == 0 ? Math.copySign(0.0, y) : (x > 0) == (y > 0) ? x : y;
        }
        double r = x % y;
        if (r == 0) {
            return Math.copySign(0.0, y);
        }
        return (r < 0) != (y < 0) ? r + y : r;
    }

    static double oracle(Operator op, double x, double y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case DIV: return x / y;
            case MOD: return pythonMod(x, y);
            case POW: return y == 2 ? x * x : Math.pow(x, y);
            case ATAN2: return Math.atan2(x, y);
            case HYPOT: return Math.hypot(x, y);
            case MINIMUM: return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.min(x, y);
            case MAXIMUM: return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y);
            default: throw new AssertionError(op);
        }
    }

    /** float32 arithmetic done in float, where Java has it. */
    static float oracle(Operator op, float x, float y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case DIV: return x / y;
            default: return (float) oracle(op, (double) x, (double) y);
        }
    }

    static boolean compare(Operator op, int c) {
        switch (op) {
            case LT: return c < 0;
            case LE: return c <= 0;
            case GT: return c > 0;
            case GE: return c >= 0;
            case EQ: return c == 0;
            default: return c != 0;
        }
    }

    static boolean compareDoubles(Operator op, double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return op == Operator.NE;
        }
        return compare(op, x < y ? -1 : x > y ? 1 : 0);
    }

    static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** Integer results as exact integers, then wrapped: independent of Java's long arithmetic. */
    static long oracle(Operator op, long x, long y) {
        BigInteger a = BigInteger.valueOf(x);
        BigInteger b = BigInteger.valueOf(y);
        BigInteger r;
        switch (op) {
            case ADD: r = a.add(b); break;
            case SUB: r = a.subtract(b); break;
            case MUL: r = a.multiply(b); break;
            case MOD: r = a.mod(b.abs()); if (y < 0 && r.signum() != 0) { r = r.add(b); } break;
            case POW: r = a.modPow(b, TWO_64); break;
            case MINIMUM: r = a.min(b); break;
            case MAXIMUM: r = a.max(b); break;
            default: throw new AssertionError(op);
        }
        return r.longValue();
    }

    static Stream<Arguments> binaryFloatingOperators() {
        return Stream.of(Operator.ADD, Operator.SUB, Operator.MUL, Operator.DIV, Operator.MOD, Operator.POW,
                Operator.ATAN2, Operator.HYPOT, Operator.MINIMUM, Operator.MAXIMUM).map(Arguments::of);
    }

    private static Expr binary(Operator op, Expr x, Expr y) {
        return new Operation(op, List.of(x, y));
    }

    // ---- float64 --------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("binaryFloatingOperators")
    void float64(Operator op) {
        double[][] pairs = doublePairs();
        double[] x = new double[pairs.length];
        double[] y = new double[pairs.length];
        double[] expected = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            x[i] = pairs[i][0];
            y[i] = pairs[i][1];
            expected[i] = oracle(op, x[i], y[i]);
        }
        Expr e = binary(op, Expr.symbol("x"), Expr.symbol("y"));
        for (Compute.Options engine : ENGINES) {
            ComputeTesting.assertSameBits(expected, Compute.compute(e, Map.of("x", x, "y", y), engine), op + " " + engine);
        }
        // Array with scalar and scalar with array, for every special scalar.
        for (double s : ComputeTesting.SPECIAL_DOUBLES) {
            double[] right = new double[x.length];
            double[] left = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                right[i] = oracle(op, x[i], s);
                left[i] = oracle(op, s, x[i]);
            }
            for (Compute.Options engine : ENGINES) {
                ComputeTesting.assertSameBits(right, Compute.compute(e, Map.of("x", x, "y", s), engine), op + " x, " + s);
                ComputeTesting.assertSameBits(left, Compute.compute(binary(op, Expr.symbol("y"), Expr.symbol("x")),
                        Map.of("x", x, "y", s), engine), op + " " + s + ", x");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("binaryFloatingOperators")
    void float32(Operator op) {
        Random random = new Random(op.ordinal());
        float[] x = new float[1000];
        float[] y = new float[1000];
        float[] expected = new float[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = ComputeTesting.floats(random, 1)[0];
            y[i] = ComputeTesting.floats(random, 1)[0];
            expected[i] = oracle(op, x[i], y[i]);
        }
        Expr e = binary(op, Expr.symbol("x", DType.FLOAT32), Expr.symbol("y", DType.FLOAT32));
        assertEquals(DType.FLOAT32, e.dtype());
        for (Compute.Options engine : ENGINES) {
            ComputeTesting.assertSameBits(expected, Compute.compute(e, Map.of("x", x, "y", y), engine), op + " " + engine);
            float s = y[3];
            float[] withScalar = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                withScalar[i] = oracle(op, s, x[i]);
            }
            Expr flipped = binary(op, Expr.symbol("y", DType.FLOAT32), Expr.symbol("x", DType.FLOAT32));
            ComputeTesting.assertSameBits(withScalar, Compute.compute(flipped, Map.of("x", x, "y", s), engine), op + " scalar");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"LT", "LE", "GT", "GE", "EQ", "NE"})
    void comparisons(Operator op) {
        double[][] pairs = doublePairs();
        double[] x = new double[pairs.length];
        double[] y = new double[pairs.length];
        boolean[] expected = new boolean[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            x[i] = pairs[i][0];
            y[i] = pairs[i][1];
            expected[i] = compareDoubles(op, x[i], y[i]);
        }
        long[][] longs = longPairs();
        long[] lx = new long[longs.length];
        long[] ly = new long[longs.length];
        boolean[] expectedLongs = new boolean[longs.length];
        for (int i = 0; i < longs.length; i++) {
            lx[i] = longs[i][0];
            ly[i] = longs[i][1];
            expectedLongs[i] = compare(op, Long.compare(lx[i], ly[i]));
        }
        boolean[] bx = {false, false, true, true};
        boolean[] by = {false, true, false, true};
        boolean[] expectedBooleans = new boolean[4];
        for (int i = 0; i < 4; i++) {
            expectedBooleans[i] = compare(op, Boolean.compare(bx[i], by[i]));
        }
        for (Compute.Options engine : ENGINES) {
            Expr e = binary(op, Expr.symbol("x"), Expr.symbol("y"));
            ComputeTesting.assertSameBits(expected, Compute.compute(e, Map.of("x", x, "y", y), engine), op + " float64");
            Expr l = binary(op, Expr.symbol("x", DType.INT64), Expr.symbol("y", DType.INT64));
            ComputeTesting.assertSameBits(expectedLongs, Compute.compute(l, Map.of("x", lx, "y", ly), engine), op + " int64");
            Expr b = binary(op, Expr.symbol("x", DType.BOOLEAN), Expr.symbol("y", DType.BOOLEAN));
            ComputeTesting.assertSameBits(expectedBooleans, Compute.compute(b, Map.of("x", bx, "y", by), engine), op + " bool");
            // A scalar on either side (the engine flips s < x into x > s).
            for (double s : ComputeTesting.SPECIAL_DOUBLES) {
                boolean[] left = new boolean[x.length];
                boolean[] right = new boolean[x.length];
                for (int i = 0; i < x.length; i++) {
                    left[i] = compareDoubles(op, s, x[i]);
                    right[i] = compareDoubles(op, x[i], s);
                }
                ComputeTesting.assertSameBits(right, Compute.compute(e, Map.of("x", x, "y", s), engine), op + " x, s");
                ComputeTesting.assertSameBits(left, Compute.compute(binary(op, Expr.symbol("y"), Expr.symbol("x")),
                        Map.of("x", x, "y", s), engine), op + " s, x");
            }
            for (long s : ComputeTesting.SPECIAL_LONGS) {
                boolean[] left = new boolean[lx.length];
                for (int i = 0; i < lx.length; i++) {
                    left[i] = compare(op, Long.compare(s, lx[i]));
                }
                Expr flipped = binary(op, Expr.symbol("y", DType.INT64), Expr.symbol("x", DType.INT64));
                ComputeTesting.assertSameBits(left, Compute.compute(flipped, Map.of("x", lx, "y", s), engine), op + " s, x");
            }
        }
    }

    // ---- integers -------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"ADD", "SUB", "MUL", "MOD", "POW", "MINIMUM", "MAXIMUM"})
    void int64(Operator op) {
        long[][] pairs = longPairs();
        List<Long> xs = new ArrayList<>();
        List<Long> ys = new ArrayList<>();
        for (long[] pair : pairs) {
            boolean undefined = op == Operator.MOD && pair[1] == 0 || op == Operator.POW && pair[1] < 0;
            if (!undefined) {
                xs.add(pair[0]);
                ys.add(op == Operator.POW ? pair[1] & 0xffff : pair[1]);
            }
        }
        long[] x = xs.stream().mapToLong(Long::longValue).toArray();
        long[] y = ys.stream().mapToLong(Long::longValue).toArray();
        long[] expected = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = oracle(op, x[i], y[i]);
        }
        Expr e = binary(op, Expr.symbol("x", DType.INT64), Expr.symbol("y", DType.INT64));
        for (Compute.Options engine : ENGINES) {
            ComputeTesting.assertSameBits(expected, Compute.compute(e, Map.of("x", x, "y", y), engine), op + " " + engine);
            long s = 7;
            long[] withScalar = new long[x.length];
            long[] scalarFirst = new long[x.length];
            for (int i = 0; i < x.length; i++) {
                withScalar[i] = oracle(op, x[i], s);
                scalarFirst[i] = op == Operator.POW || op == Operator.MOD ? 0 : oracle(op, s, x[i]);
            }
            ComputeTesting.assertSameBits(withScalar, Compute.compute(e, Map.of("x", x, "y", s), engine), op + " x, 7");
            if (op != Operator.POW && op != Operator.MOD) {
                Expr flipped = binary(op, Expr.symbol("y", DType.INT64), Expr.symbol("x", DType.INT64));
                ComputeTesting.assertSameBits(scalarFirst, Compute.compute(flipped, Map.of("x", x, "y", s), engine), op + " 7, x");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"ADD", "SUB", "MUL", "MOD", "POW", "MINIMUM", "MAXIMUM"})
    void int32WrapsAsIntArithmetic(Operator op) {
        Random random = new Random(op.ordinal());
        int[] x = ComputeTesting.ints(random, 2000);
        int[] y = op == Operator.POW || op == Operator.MOD ? ComputeTesting.smallPositiveInts(random, 2000)
                : ComputeTesting.ints(random, 2000);
        int[] expected = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            switch (op) {
                case ADD: expected[i] = x[i] + y[i]; break;
                case SUB: expected[i] = x[i] - y[i]; break;
                case MUL: expected[i] = x[i] * y[i]; break;
                case MOD: expected[i] = Math.floorMod(x[i], y[i]); break;
                case POW: expected[i] = BigInteger.valueOf(x[i]).pow(y[i]).intValue(); break;
                case MINIMUM: expected[i] = Math.min(x[i], y[i]); break;
                default: expected[i] = Math.max(x[i], y[i]);
            }
        }
        Expr e = binary(op, Expr.symbol("x", DType.INT32), Expr.symbol("y", DType.INT32));
        assertEquals(DType.INT32, e.dtype());
        for (Compute.Options engine : ENGINES) {
            ComputeTesting.assertSameBits(expected, Compute.compute(e, Map.of("x", x, "y", y), engine), op + " " + engine);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"NEG", "ABS"})
    void negAndAbsOfEveryType(Operator op) {
        boolean neg = op == Operator.NEG;
        double[] d = ComputeTesting.SPECIAL_DOUBLES;
        double[] ed = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            ed[i] = neg ? -d[i] : Math.abs(d[i]);
        }
        float[] f = ComputeTesting.SPECIAL_FLOATS;
        float[] ef = new float[f.length];
        for (int i = 0; i < f.length; i++) {
            ef[i] = neg ? -f[i] : Math.abs(f[i]);
        }
        long[] l = ComputeTesting.SPECIAL_LONGS;
        long[] el = new long[l.length];
        for (int i = 0; i < l.length; i++) {
            el[i] = neg ? -l[i] : Math.abs(l[i]);
        }
        int[] n = ComputeTesting.SPECIAL_INTS;
        int[] en = new int[n.length];
        for (int i = 0; i < n.length; i++) {
            en[i] = neg ? -n[i] : Math.abs(n[i]);
        }
        for (Compute.Options engine : ENGINES) {
            ComputeTesting.assertSameBits(ed, Compute.compute(unary(op, DType.FLOAT64), Map.of("x", d), engine), "float64");
            ComputeTesting.assertSameBits(ef, Compute.compute(unary(op, DType.FLOAT32), Map.of("x", f), engine), "float32");
            ComputeTesting.assertSameBits(el, Compute.compute(unary(op, DType.INT64), Map.of("x", l), engine), "int64");
            ComputeTesting.assertSameBits(en, Compute.compute(unary(op, DType.INT32), Map.of("x", n), engine), "int32");
        }
    }

    private static Expr unary(Operator op, DType type) {
        return new Operation(op, List.of(Expr.symbol("x", type)));
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"SQRT", "EXP", "EXPM1", "LOG", "LOG10", "LOG1P", "SIN", "COS", "TAN",
        "ASIN", "ACOS", "ATAN", "SINH", "COSH", "TANH"})
    void mathFunctionsAreMathsExactlyWithoutVectorMath(Operator op) {
        Random random = new Random(op.ordinal());
        double[] x = ComputeTesting.doubles(random, 3000);
        int[] ints = ComputeTesting.ints(random, 3000);
        float[] floats = ComputeTesting.floats(random, 3000);
        double[] expected = new double[x.length];
        double[] expectedFromInts = new double[x.length];
        float[] expectedFloats = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = math(op, x[i]);
            expectedFromInts[i] = math(op, ints[i]);
            expectedFloats[i] = (float) math(op, floats[i]);
        }
        for (Compute.Options engine : ENGINES) {
            ComputeTesting.assertSameBits(expected, Compute.compute(unary(op, DType.FLOAT64), Map.of("x", x), engine), op + "");
            ComputeTesting.assertSameBits(expectedFromInts, Compute.compute(unary(op, DType.INT32), Map.of("x", ints), engine),
                    op + " of int32 is float64");
            ComputeTesting.assertSameBits(expectedFloats, Compute.compute(unary(op, DType.FLOAT32), Map.of("x", floats), engine),
                    op + " of float32");
        }
    }

    static double math(Operator op, double x) {
        switch (op) {
            case SQRT: return Math.sqrt(x);
            case EXP: return Math.exp(x);
            case EXPM1: return Math.expm1(x);
            case LOG: return Math.log(x);
            case LOG10: return Math.log10(x);
            case LOG1P: return Math.log1p(x);
            case SIN: return Math.sin(x);
            case COS: return Math.cos(x);
            case TAN: return Math.tan(x);
            case ASIN: return Math.asin(x);
            case ACOS: return Math.acos(x);
            case ATAN: return Math.atan(x);
            case SINH: return Math.sinh(x);
            case COSH: return Math.cosh(x);
            case TANH: return Math.tanh(x);
            default: throw new AssertionError(op);
        }
    }

    // ---- where, literals, mixed types -----------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"COMPLEX128", "COMPLEX64"}, mode = EnumSource.Mode.EXCLUDE) // ComplexTest's
    void whereSelects(DType type) {
        Random random = new Random(type.ordinal());
        int n = 777;
        boolean[] c = ComputeTesting.booleans(random, n);
        Object a = array(type, random, n);
        Object b = array(type, random, n);
        Object expected = Conversions.newArray(type.arrayType(), n);
        for (int i = 0; i < n; i++) {
            java.lang.reflect.Array.set(expected, i, java.lang.reflect.Array.get(c[i] ? a : b, i));
        }
        Expr e = Expr.where(Expr.symbol("c", DType.BOOLEAN), Expr.symbol("a", type), Expr.symbol("b", type));
        for (Compute.Options engine : ENGINES) {
            ComputeTesting.assertSameBits(expected, Compute.compute(e, Map.of("c", c, "a", a, "b", b), engine), "where " + type);
        }
    }

    static Object array(DType type, Random random, int n) {
        switch (type) {
            case FLOAT64: return ComputeTesting.doubles(random, n);
            case FLOAT32: return ComputeTesting.floats(random, n);
            case INT64: return ComputeTesting.longs(random, n);
            case INT32: return ComputeTesting.ints(random, n);
            default: return ComputeTesting.booleans(random, n);
        }
    }

    @org.junit.jupiter.api.Test
    void weakLiteralsTakeTheTypeTheyMeet() {
        float[] f = {1.5f, -3f, 1e-3f, Float.MAX_VALUE};
        int[] i = {1, Integer.MAX_VALUE, -7, Integer.MIN_VALUE};
        for (Compute.Options engine : ENGINES) {
            // NEP 50: 0.1 becomes float32 0.1f, and the product is float32.
            float[] expected = new float[f.length];
            for (int k = 0; k < f.length; k++) {
                expected[k] = f[k] * 0.1f + 1f;
            }
            ComputeTesting.assertSameBits(expected, Compute.compute(Expr.symbol("f", DType.FLOAT32).mul(0.1).add(1.0),
                    Map.of("f", f), engine), "f * 0.1 + 1");
            int[] wrapped = new int[i.length];
            double[] promoted = new double[i.length];
            for (int k = 0; k < i.length; k++) {
                wrapped[k] = i[k] + 1;
                promoted[k] = i[k] + 0.5;
            }
            Expr x = Expr.symbol("i", DType.INT32);
            ComputeTesting.assertSameBits(wrapped, Compute.compute(x.add(Expr.literal(1)), Map.of("i", i), engine), "i + 1");
            ComputeTesting.assertSameBits(promoted, Compute.compute(x.add(0.5), Map.of("i", i), engine), "i + 0.5");
            // int32 with float32 is float64, as in NumPy.
            double[] mixed = new double[i.length];
            for (int k = 0; k < i.length; k++) {
                mixed[k] = (double) i[k] * (double) f[k];
            }
            Object product = Compute.compute(x.mul(Expr.symbol("f", DType.FLOAT32)), Map.of("i", i, "f", f), engine);
            ComputeTesting.assertSameBits(mixed, product, "i * f");
        }
    }

    @org.junit.jupiter.api.Test
    void integerErrorsNameTheExpression() {
        Expr x = Expr.symbol("x", DType.INT64);
        Expr y = Expr.symbol("y", DType.INT32);
        for (Compute.Options engine : ENGINES) {
            ArithmeticException mod = assertThrows(ArithmeticException.class,
                    () -> Compute.compute(x.mod(y), Map.of("x", new long[] {5, 6}, "y", new int[] {1, 0}), engine));
            assertEquals("integer modulo by zero in x % y", mod.getMessage());
            ArithmeticException pow = assertThrows(ArithmeticException.class,
                    () -> Compute.compute(x.pow(y), Map.of("x", new long[] {5, 6}, "y", -1), engine));
            assertEquals("integers to negative integer powers are not allowed in x ** y", pow.getMessage());
            // NumPy gives 0 and a warning; Java users expect the exception, naming the operation.
            Map<String, Object> zeros = Map.of("x", new long[] {5, 6}, "y", new int[] {1, 0});
            assertEquals("integer floor division by zero in x // y", assertThrows(ArithmeticException.class,
                    () -> Compute.compute(x.floorDiv(y), zeros, engine)).getMessage());
            assertEquals("integer fmod by zero in fmod(x, y)", assertThrows(ArithmeticException.class,
                    () -> Compute.compute(Expr.call("fmod", x, y), zeros, engine)).getMessage());
            assertEquals("integer reciprocal of zero in reciprocal(y)", assertThrows(ArithmeticException.class,
                    () -> Compute.compute(Expr.call("reciprocal", y), zeros, engine)).getMessage());
        }
    }

    @org.junit.jupiter.api.Test
    void oraclesAgreeWithKnownValues() {
        assertEquals(1.0, pythonMod(-5.0, 3.0));
        assertEquals(-1.0, pythonMod(5.0, -3.0));
        assertEquals(Double.POSITIVE_INFINITY, pythonMod(-1.0, Double.POSITIVE_INFINITY));
        assertEquals(-0.0, pythonMod(3.0, -3.0));
        assertEquals(1L, oracle(Operator.MOD, -5, 3));
        assertEquals(-1L, oracle(Operator.MOD, 5, -3));
        assertTrue(Double.isNaN(oracle(Operator.MINIMUM, 1.0, Double.NaN)));
    }
}
