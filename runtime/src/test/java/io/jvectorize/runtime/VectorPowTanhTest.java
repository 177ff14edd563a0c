package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jvectorize.runtime.internal.lanes.VectorSupport;
import io.jvectorize.runtime.internal.op.Lane;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Powers and tanh where the vector library's routines pay ({@code VectorMath.VECTOR_POW}: x86 with AVX-512;
 * {@code VECTOR_TANH}: x86 with AVX2 and up):
 * tanh in generated loops too, powers block by block, within {@link Compute#VECTOR_MATH_ULPS} of Math's, with
 * Math.pow's rules for signs and NaN, squares exact; elsewhere, and with {@code vectorMath(false)},
 * Math's bit for bit.
 */
class VectorPowTanhTest {
    private static final boolean VECTOR_POW = Simd.ENABLED && VectorSupport.pays(Lane.Routine.POW);
    private static final boolean VECTOR_TANH = Simd.ENABLED && VectorSupport.pays(Lane.Routine.TANH);
    private static final Map<String, DType> TYPES = Map.of("f", DType.FLOAT32, "g", DType.FLOAT32);

    /** Each expression calls one function (the bound holds per call), its result scaled exactly at most. */
    @Test
    void matchMathWithinTheBound() {
        Random random = new Random(2026);
        for (int n : new int[] {1, 7, 8, 9, 100, 4099}) {
            double[] a = ComputeTesting.doubles(random, n);
            double[] b = ComputeTesting.doubles(random, n);
            double[] positive = new double[n];
            double[] exponents = new double[n];
            for (int k = 0; k < n; k++) {
                positive[k] = Math.abs(a[k]);
                // Integers (odd and even, 2 among them), halves and specials: where pow's sign rules bite.
                exponents[k] = random.nextInt(4) == 0 ? b[k]
                        : (random.nextInt(41) - 20) / (random.nextBoolean() ? 1.0 : 2.0);
            }
            Map<String, Object> data = Map.of("a", a, "b", b, "p", positive, "y", exponents,
                    "f", ComputeTesting.floats(random, n), "g", ComputeTesting.floats(random, n));
            for (String text : List.of("a ** 3", "a ** y", "a ** b", "p ** 0.5", "a ** 0.5", "p ** -2.5", "2.5 ** a",
                    "(1 + 0.03) ** y",
                    "-1.5 ** y", "(-1.5) ** y", "tanh(a)", "tanh(a * 0.01) * 4", "sum(p ** y)", "f ** 3", "f ** g",
                    "tanh(f)", "a ** 2", "pow(a, y) * 2")) {
                Expr e = Expr.parse(text, TYPES);
                Object expected = Compute.compute(e, data, false);
                String what = text + " over " + n;
                for (Compute.Options options : List.of(Compute.Options.defaults(),
                        Compute.Options.defaults().generateLoops(false), Compute.Options.defaults().parallel(true),
                        Compute.Options.defaults().blockSize(7))) {
                    Object actual = Compute.compute(e, data, options);
                    if (e.isReduction()) {
                        double[] terms = (double[]) Compute.compute(Expr.parse(text.substring(4, text.length() - 1)),
                                data, false);
                        assertSumWithinBound(terms, (Double) expected, (Double) actual, what + " " + options);
                    } else {
                        assertWithinBound(expected, actual, what + " " + options);
                    }
                }
                ComputeTesting.assertSameBits(expected, Compute.compute(e, data,
                        Compute.Options.defaults().vectorMath(false)), what + " without vector math");
            }
        }
    }

    /** The same once C2 has compiled the loops onto the vector library's routines. */
    @Test
    void hotLoopsStayWithinTheBound() {
        Random random = new Random(77);
        int n = 1 << 14;
        double[] a = ComputeTesting.doubles(random, n);
        double[] y = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            y[k] = (random.nextInt(41) - 20) / (random.nextBoolean() ? 1.0 : 2.0);
            p[k] = Math.abs(a[k]);
        }
        Map<String, Object> data = Map.of("a", a, "y", y, "p", p, "f", ComputeTesting.floats(random, n),
                "g", ComputeTesting.floats(random, n));
        // One function each: the bound holds per call, not for a sum or a product of two.
        List<Expr> expressions = List.of(Expr.parse("a ** y"), Expr.parse("tanh(a)"), Expr.parse("p ** 0.5"),
                Expr.parse("f ** g", TYPES), Expr.parse("tanh(f)", TYPES));
        List<Object> expected = expressions.stream().map(e -> Compute.compute(e, data, false)).toList();
        for (int round = 0; round < 400; round++) {
            for (int k = 0; k < expressions.size(); k++) {
                Object actual = Compute.compute(expressions.get(k), data);
                if (round % 50 == 49) {
                    assertWithinBound(expected.get(k), actual, expressions.get(k) + " in round " + round);
                }
            }
        }
    }

    @Test
    void squaresStayExact() {
        double[] a = {1.0000000000000002, 3.1, -7.3, 1e-200, Double.MAX_VALUE, -0.0, Double.NaN, 0.1, 1.1, 9.99};
        double[] twos = new double[a.length];
        java.util.Arrays.fill(twos, 2.0);
        double[] squares = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            squares[k] = a[k] * a[k];
        }
        Map<String, Object> data = Map.of("a", a, "two", twos);
        for (String text : List.of("a ** 2", "a ** two", "pow(a, two)")) {
            ComputeTesting.assertSameBits(squares, Compute.compute(Expr.parse(text), data), text);
            ComputeTesting.assertSameBits(squares, Compute.compute(Expr.parse(text), data,
                    Compute.Options.defaults().generateLoops(false)), text + " block by block");
        }
    }

    /** {@code ** 0.5} runs as a square root, with Math.pow's rules for -0.0 and -Infinity. */
    @Test
    void aHalfPowerIsMathsSquareRoot() {
        double[] a = {4, 2, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, -1, 1e-320,
            Double.MAX_VALUE, 0.1, 3, 5, 7, 11, 13};
        double[] expected = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            expected[k] = Math.pow(a[k], 0.5);
        }
        double[] actual = (double[]) Compute.compute(Expr.parse("a ** 0.5"), Map.of("a", a));
        assertWithinBound(expected, actual, "a ** 0.5");
        // The special cases exactly: +0.0 for -0.0, +Infinity for -Infinity.
        ComputeTesting.assertSameBits(java.util.Arrays.copyOf(expected, 7), java.util.Arrays.copyOf(actual, 7),
                "a ** 0.5");
    }

    /**
     * For a base of ±0.0 or ±∞ and an exponent of magnitude in [2^51, 2^52), HotSpot's Math.pow
     * takes the exponent's parity wrong; the vector path follows the specification, as StrictMath.
     */
    @Test
    void followsThePowSpecificationWhereHotSpotBreaksIt() {
        org.junit.jupiter.api.Assumptions.assumeTrue(VECTOR_POW, "Math.pow computes powers here");
        double[] x = new double[16];
        double[] y = new double[16];
        for (int k = 0; k < 16; k++) {
            x[k] = k < 8 ? -0.0 : Double.NEGATIVE_INFINITY;
            y[k] = k < 8 ? 0x1p51 + 1 : -(0x1p51 + 0.5);
        }
        double[] expected = new double[16];
        for (int k = 0; k < 16; k++) {
            expected[k] = StrictMath.pow(x[k], y[k]);
        }
        ComputeTesting.assertSameBits(expected, Compute.compute(Expr.parse("x ** y"), Map.of("x", x, "y", y)),
                "x ** y");
    }

    @Test
    void explainSaysWhereTheyRun() {
        Map<String, Object> data = Map.of("a", new double[64], "y", new double[64]);
        // tanh runs in a generated loop; a power (but a square) block by block: VectorMath.pow
        // inlined into a loop outgrows what C2 inlines into one method.
        for (String text : List.of("tanh(a)", "a ** y", "3 ** a")) {
            String plan = Compute.explain(Expr.parse(text), data);
            boolean tanh = text.startsWith("tanh");
            assertEquals(tanh && VECTOR_TANH, plan.contains(LoopTrees.LOOP), text + ":\n" + plan);
            assertEquals(tanh ? VECTOR_TANH : VECTOR_POW, plan.contains("Vector API"), text + ":\n" + plan);
        }
        // Where float64 tanh is a formula (AVX2), three fit a loop (copied into it, weighing 8
        // operations each); a fourth would hold too many vectors, so that pass runs block by block.
        boolean formula = Simd.ENABLED && VectorMathPathsProbe.tanhIsTheFormula();
        assertEquals(VECTOR_TANH, Compute.explain(Expr.parse("tanh(a) + tanh(a * 3) + tanh(a * 5)"), data)
                .contains(LoopTrees.LOOP));
        String four = Compute.explain(Expr.parse("tanh(a) + tanh(a * 3) + tanh(a * 5) + tanh(a * 7)"), data);
        assertEquals(VECTOR_TANH && !formula, four.lines().filter(line -> line.contains("tanh(")).allMatch(
                line -> line.contains(LoopTrees.LOOP)), four);
        // A power by a small written integer is products: in the loop wherever loops run.
        for (String text : List.of("a ** 3", "a ** -2", "a ** 4 + 1")) {
            String plan = Compute.explain(Expr.parse(text), data);
            assertEquals(ComputeTesting.LOOPS, plan.contains(LoopTrees.LOOP), text + ":\n" + plan);
        }
    }

    private static void assertWithinBound(Object expected, Object actual, String what) {
        if (expected instanceof float[] e) {
            float[] got = (float[]) actual;
            for (int k = 0; k < e.length; k++) {
                long ulps = ComputeTesting.ulps(e[k], got[k]);
                assertTrue(ulps <= Compute.VECTOR_MATH_ULPS, what + " at " + k + ": " + got[k] + " for " + e[k]);
            }
        } else if (expected instanceof double[] e) {
            double[] got = (double[]) actual;
            for (int k = 0; k < e.length; k++) {
                long ulps = ComputeTesting.ulps(e[k], got[k]);
                assertTrue(ulps <= Compute.VECTOR_MATH_ULPS, what + " at " + k + ": " + got[k] + " for " + e[k]);
            }
        } else {
            fail(what + ": a reduction needs its terms for its bound, see assertSumWithinBound");
        }
    }

    /**
     * A sum of terms each within the per-call bound of Math's: it may differ from the exact
     * engine's sum by the terms' own differences, at most {@link Compute#VECTOR_MATH_ULPS} ulp
     * of each, and by what rounds differently in its additions, at most an ulp of the largest
     * partial sum per addition: of {@code sum(|term|)} (the two sums add in the same order).
     */
    private static void assertSumWithinBound(double[] terms, double expected, double actual, String what) {
        double termBound = 0;
        double magnitude = 0;
        for (double term : terms) {
            termBound += Compute.VECTOR_MATH_ULPS * Math.ulp(term);
            magnitude += Math.abs(term);
        }
        if (!Double.isFinite(magnitude)) {
            ComputeTesting.assertSameBits(expected, actual, what + " (terms not all finite)");
            return;
        }
        double bound = termBound + terms.length * Math.ulp(magnitude);
        assertTrue(Math.abs(actual - expected) <= bound, what + ": " + actual + " for " + expected + ", beyond "
                + bound);
    }
}
