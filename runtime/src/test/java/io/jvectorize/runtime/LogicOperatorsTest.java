package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code & | ^ ~}: logic on booleans and bitwise on integers, with the precedence of Java and
 * pandas' query (looser than comparisons, {@code &} before {@code ^} before {@code |}), on every
 * engine: the reference, the block engine (blocks of 5, so that every kernel's tail runs), and
 * the generated loops, which hold booleans as masks.
 */
class LogicOperatorsTest {

    private static final List<Compute.Options> ENGINES = List.of(
            Compute.Options.defaults(),
            Compute.Options.defaults().generateLoops(false).blockSize(5),
            Compute.Options.defaults().optimize(false));

    private static final boolean[] A = {false, false, true, true};
    private static final boolean[] B = {false, true, false, true};

    private static void check(Object expected, Expr e, Map<String, ?> data) {
        for (Compute.Options engine : ENGINES) {
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data, engine), e + " " + engine);
        }
    }

    private static boolean[] booleans(boolean[] a, boolean[] b, BinaryOperator<Boolean> f) {
        boolean[] r = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = f.apply(a[i], b[i]);
        }
        return r;
    }

    @Test
    void truthTablesOfBooleans() {
        Map<String, Object> data = Map.of("a", A, "b", B);
        Map<String, DType> types = Map.of("a", DType.BOOLEAN, "b", DType.BOOLEAN);
        check(new boolean[] {false, false, false, true}, Expr.parse("a & b", types), data);
        check(new boolean[] {false, true, true, true}, Expr.parse("a | b", types), data);
        check(new boolean[] {false, true, true, false}, Expr.parse("a ^ b", types), data);
        check(new boolean[] {true, true, false, false}, Expr.parse("~a", types), data);
        // With a scalar on either side.
        for (boolean s : new boolean[] {false, true}) {
            Map<String, Object> scalar = Map.of("a", A, "b", s);
            check(booleans(A, new boolean[] {s, s, s, s}, (x, y) -> x & y), Expr.parse("a & b", types), scalar);
            check(booleans(A, new boolean[] {s, s, s, s}, (x, y) -> y | x), Expr.parse("b | a", types), scalar);
            check(booleans(A, new boolean[] {s, s, s, s}, (x, y) -> y ^ x), Expr.parse("b ^ a", types), scalar);
        }
    }

    @Test
    void bitwiseOnIntegersAsJavaAndNumPy() {
        long[] x = ComputeTesting.SPECIAL_LONGS;
        Random random = new Random(14);
        long[] y = ComputeTesting.longs(random, x.length);
        long[] and = new long[x.length];
        long[] or = new long[x.length];
        long[] xor = new long[x.length];
        long[] not = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            and[i] = x[i] & y[i];
            or[i] = x[i] | y[i];
            xor[i] = x[i] ^ y[i];
            not[i] = -x[i] - 1;
        }
        Map<String, DType> types = Map.of("x", DType.INT64, "y", DType.INT64);
        Map<String, Object> data = Map.of("x", x, "y", y);
        check(and, Expr.parse("x & y", types), data);
        check(or, Expr.parse("x | y", types), data);
        check(xor, Expr.parse("x ^ y", types), data);
        check(not, Expr.parse("~x", types), data);
        int[] i32 = ComputeTesting.ints(random, 1000);
        int[] j32 = ComputeTesting.ints(random, 1000);
        int[] mixed = new int[i32.length];
        for (int i = 0; i < i32.length; i++) {
            mixed[i] = (~i32[i] & j32[i]) ^ (i32[i] | 12);
        }
        Expr e = Expr.parse("~i & j ^ (i | 12)", Map.of("i", DType.INT32, "j", DType.INT32));
        assertEquals(DType.INT32, e.dtype());
        check(mixed, e, Map.of("i", i32, "j", j32));
        // int32 with int64 is int64.
        assertEquals(DType.INT64, Expr.parse("i & x", Map.of("i", DType.INT32, "x", DType.INT64)).dtype());
    }

    @Test
    void integerLiteralsFoldExactly() {
        assertEquals(Expr.literal(-6L), Expr.parse("~5"));
        assertEquals(Expr.literal(1L), Expr.parse("5 & 3"));
        assertEquals(Expr.literal(7L), Expr.parse("5 | 3"));
        assertEquals(Expr.literal(6L), Expr.parse("5 ^ 3"));
    }

    @Test
    void precedenceIsLooserThanComparisonsAndAndBeforeXorBeforeOr() {
        Expr x = Expr.symbol("x");
        Expr y = Expr.symbol("y");
        Expr z = Expr.symbol("z");
        assertEquals(x.gt(Expr.literal(0L)).and(y.lt(Expr.literal(3L))), Expr.parse("x > 0 & y < 3"));
        Expr p = x.gt(0.0);
        Expr q = y.gt(0.0);
        Expr r = z.gt(0.0);
        assertEquals(p.or(q.and(r)), Expr.parse("x > 0.0 | y > 0.0 & z > 0.0"));
        assertEquals(p.xor(q.and(r)), Expr.parse("x > 0.0 ^ y > 0.0 & z > 0.0"));
        assertEquals(p.or(q.xor(r)), Expr.parse("x > 0.0 | y > 0.0 ^ z > 0.0"));
        assertEquals(p.and(q).and(r), Expr.parse("x > 0.0 & y > 0.0 & z > 0.0"));
        // ~ binds as unary minus: tighter than comparisons and &.
        Map<String, DType> bools = Map.of("a", DType.BOOLEAN, "b", DType.BOOLEAN);
        Expr a = Expr.symbol("a", DType.BOOLEAN);
        Expr b = Expr.symbol("b", DType.BOOLEAN);
        assertEquals(a.not().and(b), Expr.parse("~a & b", bools));
        assertEquals(a.and(b).not(), Expr.parse("~(a & b)", bools));
        assertEquals(a.not().not(), Expr.parse("~~a", bools));
    }

    @Test
    void textReadsBack() {
        Map<String, DType> types = Map.of("a", DType.BOOLEAN, "b", DType.BOOLEAN, "i", DType.INT64);
        for (String text : List.of("a & b | ~a", "(a | b) & a", "a ^ (b ^ a)", "~(a & b)", "~i & 3 | i ^ -i",
                "x > 0.0 & (a | b)", "(x > 0.0) == (a & b)", "where(a & ~b, x, -x)", "~i ** 2", "(~i) ** 2", "i << 2 >> i", "~i + 1", "-~i", "(i << 2) + 1 < 3",
                "i << (2 + 1)", "i << 2 + 1", "a + b", "a * b | a")) {
            Expr e = Expr.parse(text, types);
            assertEquals(e, Expr.parse(e.toString(), types), text + " printed as " + e);
        }
        assertEquals("a & b | ~a", Expr.parse("a & b | ~a", types).toString());
        assertEquals("(a | b) & a", Expr.parse("(a | b) & a", types).toString());
    }

    @Test
    void floatsAreRefusedWithWhatToWrite() {
        ExprSyntaxException e = assertThrows(ExprSyntaxException.class, () -> Expr.parse("x & 1"));
        assertTrue(e.getMessage().startsWith("& takes bool or integer operands, not float64 in x & 1; to combine"
                + " conditions, compare first, as in (x > 0) & (y < 1)"), e.getMessage());
        IllegalArgumentException not = assertThrows(IllegalArgumentException.class, () -> Expr.symbol("x").not());
        assertEquals("~ takes bool or integer operands, not float64 in ~x", not.getMessage());
    }

    @Test
    void conditionsCombineInWhereOnEveryEngineAndInTheLoop() {
        Random random = new Random(1414);
        for (int n : new int[] {0, 1, 3, 8, 17, 1000, 4099}) {
            double[] x = ComputeTesting.doubles(random, n);
            double[] y = ComputeTesting.doubles(random, n);
            boolean[] c = ComputeTesting.booleans(random, n);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                boolean keep = (x[i] > 0 & y[i] < 3) | (c[i] ^ !(x[i] < y[i]));
                expected[i] = keep ? x[i] * 2 : y[i];
            }
            Expr e = Expr.parse("where(x > 0 & y < 3 | c ^ ~(x < y), x * 2, y)", Map.of("c", DType.BOOLEAN));
            Map<String, Object> data = Map.of("x", x, "y", y, "c", c);
            check(expected, e, data);
            assertTrue(n < 1000 || ComputeTesting.LOOPS == Compute.explain(e, data).contains("in the generated loop"),
                    () -> Compute.explain(e, data));
        }
        // Integer bitwise inside a loop of int64 lanes.
        long[] q = ComputeTesting.longs(random, 1000);
        long[] expected = new long[q.length];
        for (int i = 0; i < q.length; i++) {
            expected[i] = (q[i] & 0xff) ^ ~q[i] | (q[i] > 0 ? 1 : 0);
        }
        Expr e = Expr.parse("(q & 255) ^ ~q | where(q > 0, 1, 0)", Map.of("q", DType.INT64));
        check(expected, e, Map.of("q", q));
    }
}
