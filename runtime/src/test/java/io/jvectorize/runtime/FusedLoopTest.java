package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generated loop of float64 passes ({@link FusedLoop}): where it runs, and that it computes
 * what the block engine and the reference compute, over random trees of every operator it
 * covers, lengths around the vector size (its tail goes to the block engine), special values
 * and threads. Without the Vector API no loop is generated, and the same tests check that
 * the block engine answers instead.
 */
class FusedLoopTest {

    private static final Expr A = Expr.symbol("a");
    private static final Expr B = Expr.symbol("b");
    private static final Expr S = Expr.symbol("s");
    private static final Operator[] ARITHMETIC = {Operator.NEG, Operator.ABS, Operator.SQRT, Operator.ADD,
        Operator.SUB, Operator.MUL, Operator.DIV, Operator.MINIMUM, Operator.MAXIMUM, Operator.POW};
    private static final String LOOP = "in one generated Vector API loop";

    /** Random float64 trees of the operators a loop covers (powers only of 2); math functions only if asked. */
    private static Expr tree(Random random, int depth) {
        int pick = random.nextInt(10);
        if (depth >= 5 || pick < 3) {
            switch (random.nextInt(5)) {
                case 0: return B;
                case 1: return S;
                case 2: return Expr.literal(random.nextBoolean() ? random.nextGaussian()
                        : ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]);
                default: return A;
            }
        }
        Operator op = ARITHMETIC[random.nextInt(ARITHMETIC.length)];
        if (op == Operator.POW) {
            return tree(random, depth + 1).pow(Expr.literal(2.0));
        }
        List<Expr> operands = new ArrayList<>();
        for (int i = 0; i < op.arity(); i++) {
            operands.add(tree(random, depth + 1));
        }
        return new Operation(op, operands);
    }

    private static Map<String, Object> data(Random random, int n) {
        Map<String, Object> data = new HashMap<>();
        data.put("a", ComputeTesting.doubles(random, n));
        data.put("b", ComputeTesting.doubles(random, n));
        data.put("s", random.nextBoolean() ? random.nextGaussian()
                : ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]);
        return data;
    }

    private static boolean hasArrays(Expr e) {
        if (e == A || e == B) {
            return true;
        }
        for (Expr child : e.children()) {
            if (hasArrays(child)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void arithmeticTreesRunInTheLoopBitForBit() {
        Random random = new Random(8128);
        int lanes = Simd.ENABLED ? LaneOps.LANES : 8;
        int[] lengths = {0, 1, lanes - 1, lanes, lanes + 1, 3 * lanes + 2, 1000, 4099};
        int looped = 0;
        for (int t = 0; t < 1500; t++) {
            Expr e = tree(random, 0);
            int n = lengths[random.nextInt(lengths.length)];
            Map<String, Object> data = data(random, n);
            String plan = Compute.explain(e, data);
            if (plan.contains(LOOP)) {
                looped++;
            }
            Object expected = Compute.compute(e, data, false);
            String what = e + " over " + n;
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data), what);
            ComputeTesting.assertSameBits(expected,
                    Compute.compute(e, data, Compute.Options.defaults().generateLoops(false)), what);
        }
        if (Simd.ENABLED) {
            assertTrue(looped > 800, "trees run in a generated loop: " + looped);
        } else {
            assertEquals(0, looped);
        }
    }

    @Test
    void everyTreeWithArraysRunsInTheLoop() {
        Random random = new Random(3);
        for (int t = 0; t < 300; t++) {
            Expr e = tree(random, 0);
            if (hasArrays(e) && e instanceof Operation) {
                assertEquals(Simd.ENABLED, Compute.explain(e, data(random, 100)).contains(LOOP), e.toString());
            }
        }
    }

    @Test
    void mathFunctionsInTheLoopAreWithinTheVectorMathBound() {
        Random random = new Random(99);
        List<Operator> functions = new ArrayList<>(Step.Op.VECTOR_MATH);
        for (int t = 0; t < 600; t++) {
            Operator f = functions.get(t % functions.size());
            List<Expr> operands = new ArrayList<>();
            for (int i = 0; i < f.arity(); i++) {
                operands.add(random.nextBoolean() ? A.mul(Expr.literal(random.nextGaussian())) : tree(random, 3));
            }
            Expr e = new Operation(f, operands);
            int n = 1 + random.nextInt(300);
            Map<String, Object> data = data(random, n);
            double[] expected = (double[]) Compute.compute(e, data, false);
            double[] actual = (double[]) Compute.compute(e, data);
            assertEquals(hasArrays(e) && Simd.ENABLED, Compute.explain(e, data).contains(LOOP), e.toString());
            for (int i = 0; i < expected.length; i++) {
                long ulps = ComputeTesting.ulps(expected[i], actual[i]);
                assertTrue(ulps <= Compute.VECTOR_MATH_ULPS, e + " at element " + i + ": " + actual[i]
                        + " is " + ulps + " ulp from " + expected[i]);
            }
            // Bit-exact math keeps the block engine, with Math's functions.
            Compute.Options exact = Compute.Options.defaults().vectorMath(false);
            assertTrue(!Compute.explain(e, data, exact).contains(LOOP), e.toString());
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data, exact), e.toString());
        }
    }

    @Test
    void callsWithLaneFunctionsRunInTheLoop() {
        Random random = new Random(23);
        Expr f = Expr.symbol("f", DType.FLOAT32);
        for (int n : new int[] {0, 1, 7, 1001, 100_003}) {
            Map<String, Object> data = data(random, n);
            data.put("f", ComputeTesting.floats(random, n));
            for (Expr e : List.of(poly(A).add(1.0), poly(A), mix(poly(A.mul(2.0)), B.sub(S)).div(S),
                    mix(A, poly(S)), poly(poly(A)).sqrt())) {
                String what = e + " over " + n;
                assertEquals(Simd.ENABLED, Compute.explain(e, data).contains(LOOP), what);
                Object expected = Compute.compute(e, data, false);
                ComputeTesting.assertSameBits(expected, Compute.compute(e, data), what);
                ComputeTesting.assertSameBits(expected, Compute.compute(e, data,
                        Compute.Options.defaults().parallel(true)), what);
                double[] out = new double[n];
                Compute.computeInto(e, data, out);
                ComputeTesting.assertSameBits(expected, out, what);
            }
            // A float32 argument goes to the float32 overload, which has no lane function.
            assertTrue(!Compute.explain(poly(f).add(1.0f), data).contains(LOOP));
        }
    }

    private static Expr poly(Expr t) {
        return new Call(TestFunctions.POLY, List.of(t));
    }

    private static Expr mix(Expr a, Expr b) {
        return new Call(TestFunctions.MIX, List.of(a, b));
    }

    @Test
    void reductionsFoldBlocksTheLoopComputed() {
        Random random = new Random(61);
        Reduction.Kind[] kinds = Reduction.Kind.values();
        int looped = 0;
        for (int t = 0; t < 600; t++) {
            Expr operand = tree(random, 1);
            Expr e = new Reduction(kinds[random.nextInt(kinds.length)], operand);
            int n = new int[] {1, 9, 1000, 4096, 10_007}[random.nextInt(5)];
            int blockSize = new int[] {7, 64, 1000, 4096}[random.nextInt(4)];
            Map<String, Object> data = data(random, n);
            Compute.Options options = Compute.Options.defaults().blockSize(blockSize);
            String plan = Compute.explain(e, data, options);
            if (plan.contains("each through one generated Vector API loop")) {
                looped++;
            }
            Object expected = outcome(() -> Compute.compute(e, data, options.optimize(false)));
            String what = e + " over " + n + " in blocks of " + blockSize;
            assertEquals(expected, outcome(() -> Compute.compute(e, data, options)), what);
            assertEquals(expected, outcome(() -> Compute.compute(e, data, options.generateLoops(false))), what);
            assertEquals(expected, outcome(() -> Compute.compute(e, data, options.parallel(true))), what);
        }
        assertEquals(Simd.ENABLED, looped > 300, "reductions through a generated loop: " + looped);
    }

    /** A reduction's value, boxed, with NaN as one value; or its error. */
    private static Object outcome(java.util.function.Supplier<Object> reduction) {
        try {
            Object value = reduction.get();
            return value instanceof Double d && d.isNaN() ? "NaN" : value;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void parallelEqualsSerialBitForBit() {
        Random random = new Random(17);
        int n = Math.max(3 * Parallel.serialCutoff(), 100_003);
        for (int t = 0; t < 40; t++) {
            Expr e = tree(random, 0);
            Map<String, Object> data = data(random, n);
            ComputeTesting.assertSameBits(Compute.compute(e, data),
                    Compute.compute(e, data, Compute.Options.defaults().parallel(true)), "parallel " + e);
        }
    }

    @Test
    void passesTooLargeForTheJitStayWithTheBlockEngine() {
        Expr e = sumOfTerms(1200);
        Map<String, Object> data = data(new Random(5), 1001);
        String plan = Compute.explain(e, data);
        assertTrue(plan.startsWith("fused pass over 1,001 elements in blocks of 4096"), plan.substring(0, 80));
        ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data), "1200 terms");

        Expr medium = sumOfTerms(60);
        assertEquals(Simd.ENABLED, Compute.explain(medium, data).contains(LOOP));
        ComputeTesting.assertSameBits(Compute.compute(medium, data, false), Compute.compute(medium, data), "60 terms");
    }

    /** {@code a*1 + b*2 + a*3 + ...}, summed pairwise: deep enough for any loop, shallow enough for the stack. */
    private static Expr sumOfTerms(int n) {
        List<Expr> terms = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            terms.add((i % 2 == 0 ? B : A).mul(Expr.literal(i)));
        }
        while (terms.size() > 1) {
            List<Expr> sums = new ArrayList<>();
            for (int i = 0; i + 1 < terms.size(); i += 2) {
                sums.add(terms.get(i).add(terms.get(i + 1)));
            }
            if (terms.size() % 2 == 1) {
                sums.add(terms.get(terms.size() - 1));
            }
            terms = sums;
        }
        return terms.get(0);
    }

    @Test
    void otherPassesKeepTheBlockEngine() {
        Map<String, Object> data = Map.of("a", new double[100], "f", new float[100], "l", new long[100]);
        for (Expr e : List.of(A.sum(), Expr.symbol("f", DType.FLOAT32).add(1.0f), A.add(Expr.symbol("l", DType.INT64)),
                A.tanh(), A.pow(Expr.literal(3.0)), Expr.where(A.gt(0.0), A, B.neg()), A.mod(2.0))) {
            Map<String, Object> withB = new HashMap<>(data);
            withB.put("b", new double[100]);
            assertTrue(!Compute.explain(e, withB).contains(LOOP), e.toString());
        }
    }
}
