package io.jvectorize.runtime;

import static io.jvectorize.runtime.LoopTrees.A;
import static io.jvectorize.runtime.LoopTrees.B;
import static io.jvectorize.runtime.LoopTrees.COMPARISONS;
import static io.jvectorize.runtime.LoopTrees.FLAG;
import static io.jvectorize.runtime.LoopTrees.LOOP;
import static io.jvectorize.runtime.LoopTrees.S;
import static io.jvectorize.runtime.LoopTrees.data;
import static io.jvectorize.runtime.LoopTrees.hasArrays;
import static io.jvectorize.runtime.LoopTrees.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.internal.jit.Loops;
import io.jvectorize.runtime.internal.lanes.Element;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import io.jvectorize.runtime.internal.op.Lane;
import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generated loop of float64 passes (the generated loop engine): where it runs, and that it computes
 * what the block engine and the reference compute, over random trees of every operator it
 * covers, lengths around the vector size (its tail goes to the block engine), special values
 * and threads. Without the Vector API no loop is generated, and the same tests check that
 * the block engine answers instead.
 */
class FusedLoopTest {

    @Test
    void arithmeticTreesRunInTheLoopBitForBit() {
        Random random = new Random(8128);
        int lanes = Simd.ENABLED ? Element.FLOAT64.lanes() : 8;
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
        if (ComputeTesting.LOOPS) {
            assertTrue(looped > 600, "trees run in a generated loop: " + looped);
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
                assertEquals(ComputeTesting.LOOPS, Compute.explain(e, data(random, 100)).contains(LOOP), e.toString());
            }
        }
    }

    @Test
    void mathFunctionsInTheLoopAreWithinTheVectorMathBound() {
        Random random = new Random(99);
        List<Operator> functions = new ArrayList<>(ComputeTesting.VECTOR_MATH);
        functions.remove(Operator.POW); // block by block: see VectorPowTanhTest
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
            assertEquals(hasArrays(e) && ComputeTesting.LOOPS && n >= Element.FLOAT64.lanes(), Compute.explain(e, data).contains(LOOP),
                    e.toString());
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
                // Fewer elements than a vector: the block engine computes them all.
                assertEquals(ComputeTesting.LOOPS && n >= Element.FLOAT64.lanes(), Compute.explain(e, data).contains(LOOP), what);
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
        ReductionKind[] kinds = ReductionKind.values();
        int looped = 0;
        for (int t = 0; t < 600; t++) {
            Expr operand = tree(random, 1);
            Expr e = new Reduction(kinds[random.nextInt(kinds.length)], operand);
            int n = new int[] {1, 9, 1000, 4096, 10_007}[random.nextInt(5)];
            int blockSize = new int[] {7, 64, 1001, 4096}[random.nextInt(4)];
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
        assertEquals(ComputeTesting.LOOPS, looped > 150, "reductions through a generated loop: " + looped);
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
        Map<String, Object> data = data(new Random(5), 1001);
        // 16 terms: 2 loads, 16 multiplications, 15 additions and the store, 34 operations.
        // 17 terms are 36; 18 terms, 38, are more than C2 inlines into one loop.
        for (int terms : new int[] {16, 17, 18, 1200}) {
            Expr e = sumOfTerms(terms);
            String plan = Compute.explain(e, data);
            boolean fits = 2 + terms + (terms - 1) + 1 <= Loops.MAX_OPERATIONS;
            assertEquals(ComputeTesting.LOOPS && fits, plan.contains(LOOP), terms + " terms: " + plan.substring(0, 80));
            assertEquals(terms <= 17, fits, terms + " terms");
            ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data), terms + " terms");
        }
    }

    @Test
    void aCallCountsItsLaneFunctionsOperations() {
        Map<String, Object> data = data(new Random(6), 1001);
        // t terms and a call: 2 loads, t multiplications, t additions, the call's own
        // operations and the store.
        int call = TestFunctions.MIX.overloads().get(0).laneOperations();
        int terms = (Loops.MAX_OPERATIONS - 3 - call) / 2;
        Expr fits = sumOfTerms(terms).add(mix(A, B));
        Expr tooLarge = sumOfTerms(terms + 1).add(mix(A, B));
        assertEquals(ComputeTesting.LOOPS, Compute.explain(fits, data).contains(LOOP), Compute.explain(fits, data));
        assertTrue(!Compute.explain(tooLarge, data).contains(LOOP), Compute.explain(tooLarge, data));
        ComputeTesting.assertSameBits(Compute.compute(fits, data, false), Compute.compute(fits, data), "fits");
    }

    @Test
    void aLoopRefusesACallLargerThanItsBudget() {
        Map<String, Object> data = data(new Random(10), 1001);
        VectorizedFunction.Overload poly = TestFunctions.POLY.overloads().get(1);
        for (int operations : new int[] {7, Loops.MAX_OPERATIONS, Integer.MAX_VALUE}) {
            VectorizedFunction large = new VectorizedFunction(TestFunctions.class, "poly", List.of(
                    new VectorizedFunction.Overload(poly.returnType(), poly.argumentTypes(), poly.implementation(),
                            poly.kernel(), poly.lanes(), operations)));
            Expr e = new Call(large, List.of(A.mul(2.0)));
            // With the load, the multiplication and the store, only 7 fits.
            assertEquals(ComputeTesting.LOOPS && operations == 7, Compute.explain(e, data).contains(LOOP), "" + operations);
            ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data), "" + operations);
        }
    }

    @Test
    void expressionsThatDifferOnlyInConstantsShareOneLoop() {
        Map<String, Object> data = data(new Random(7), 100);
        // A shape no other test computes, so that its first run defines a new loop.
        Expr first = shape(1.5, 3.0, 0.25);
        Expr second = shape(2.5, -7.0, 1e300);
        long before = Loops.definedLoops();
        ComputeTesting.assertSameBits(Compute.compute(first, data, false), Compute.compute(first, data), "first");
        long defined = Loops.definedLoops() - before;
        ComputeTesting.assertSameBits(Compute.compute(second, data, false), Compute.compute(second, data), "second");
        assertEquals(ComputeTesting.LOOPS ? 1L : 0L, defined);
        assertEquals(before + defined, Loops.definedLoops(), "the second expression defined no loop");
    }

    /** {@code sqrt(abs(a * p - b / q)) * a - min(b, q) ** 2 + r}: a shape no random tree reaches. */
    private static Expr shape(double p, double q, double r) {
        Expr left = A.mul(Expr.literal(p)).sub(B.div(Expr.literal(q))).abs().sqrt().mul(A);
        return left.sub(new Operation(Operator.MINIMUM, List.of(B, Expr.literal(q))).pow(Expr.literal(2.0)))
                .add(Expr.literal(r));
    }

    @Test
    void aRunWithoutGeneratedLoopsDefinesNone() {
        Map<String, Object> data = data(new Random(8), 100);
        Expr e = A.sub(B).abs().div(A.add(Expr.literal(0.25))).sqrt().neg();
        long before = Loops.definedLoops();
        Compute.Options blocks = Compute.Options.defaults().generateLoops(false);
        ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data, blocks), "blocks");
        assertTrue(Compute.explain(e, data, blocks).contains("in blocks of 4096"));
        assertEquals(before, Loops.definedLoops());
    }

    @Test
    void explainClaimsTheLoopOnlyWhereItComputesAWholeVector() {
        int lanes = Simd.ENABLED ? Element.FLOAT64.lanes() : 8;
        Expr e = A.mul(B).add(Expr.literal(1.0));
        for (int n : new int[] {Math.max(1, lanes - 1), lanes, 1001}) {
            Map<String, Object> data = data(new Random(n), n);
            assertEquals(ComputeTesting.LOOPS && n >= lanes, Compute.explain(e, data).contains(LOOP), "n = " + n);
            ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data), "n = " + n);
        }
        Expr sum = e.sum();
        Map<String, Object> data = data(new Random(9), 1001);
        for (int blockSize : new int[] {Math.max(1, lanes - 1), lanes, 1001}) {
            Compute.Options options = Compute.Options.defaults().blockSize(blockSize);
            String plan = Compute.explain(sum, data, options);
            assertEquals(ComputeTesting.LOOPS && blockSize >= lanes, plan.contains("each through one generated Vector API loop"),
                    plan);
            assertEquals(Compute.compute(sum, data, options.optimize(false)), Compute.compute(sum, data, options),
                    "blocks of " + blockSize);
        }
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
        Map<String, Object> data = Map.of("a", new double[100], "f", new float[100], "l", new long[100],
                "i", new int[100], "flag", new boolean[100]);
        // Integer modulo and powers but 2, 3 and 4, int32 comparisons in a float64 pass (int64 ones are
        // its partner's), comparisons of bools, functions without a vector counterpart (tanh and
        // pow but where the vector library has them), a reduction of an input alone.
        Expr l = Expr.symbol("l", DType.INT64);
        Expr i = Expr.symbol("i", DType.INT32);
        List<Expr> blockByBlock = new ArrayList<>(List.of(A.sum(), l.mod(3), l.pow(Expr.literal(5)),
                Expr.where(i.gt(Expr.literal(0)), A, B), FLAG.eq(A.gt(B)), A.mod(2.0)));
        if (!(Simd.ENABLED && VectorSupport.pays(Lane.Routine.TANH))) {
            blockByBlock.add(A.tanh());
        }
        if (!(Simd.ENABLED && VectorSupport.pays(Lane.Routine.POW))) {
            blockByBlock.add(A.pow(Expr.literal(5.0))); // 2, 3, 4 and -1 to -4 are products: in the loop
        }
        for (Expr e : blockByBlock) {
            Map<String, Object> withB = new HashMap<>(data);
            withB.put("b", new double[100]);
            assertTrue(!Compute.explain(e, withB).contains("generated Vector API loop"), e.toString());
            Compute.compute(e, withB);
        }
    }

    @Test
    void comparisonsAndWhereRunInTheLoopBitForBit() {
        Random random = new Random(404);
        Map<String, Object> data = data(random, 1003);
        double[] a = (double[]) data.get("a");
        double[] b = (double[]) data.get("b");
        for (int i = 0; i < 40; i++) {
            b[i * 7] = a[i * 7]; // equal lanes, for == and !=
        }
        Expr on = Expr.symbol("on", DType.BOOLEAN);
        for (boolean value : new boolean[] {true, false}) {
            // A bool number is a mask of one value in every lane.
            data.put("on", value);
            Expr e = Expr.where(on, A, B.neg()).add(Expr.where(on, S, A.mul(2.0)));
            assertEquals(ComputeTesting.LOOPS, Compute.explain(e, data).contains(LOOP), Compute.explain(e, data));
            ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data), e + " on " + value);
        }
        boolean[] greater = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            greater[i] = a[i] > b[i];
        }
        // A bool result stays with the block engine: JDK 17 allocates to store a mask.
        assertTrue(!Compute.explain(A.gt(B), data).contains(LOOP));
        ComputeTesting.assertSameBits(greater, Compute.compute(A.gt(B), data), "a > b");
        boolean[] into = new boolean[a.length];
        Compute.computeInto(A.gt(B), data, into);
        ComputeTesting.assertSameBits(greater, into, "a > b into out");
        // A bool array as the condition: the loop loads it as a mask.
        Expr chosen = Expr.where(FLAG, A, B.mul(S));
        assertEquals(ComputeTesting.LOOPS, Compute.explain(chosen, data).contains(LOOP));
        ComputeTesting.assertSameBits(Compute.compute(chosen, data, false), Compute.compute(chosen, data), "flag");
        Expr counted = Expr.where(A.gt(S), Expr.literal(1.0), Expr.literal(0.0)).sum();
        assertEquals(ComputeTesting.LOOPS, Compute.explain(counted, data).contains("each through one generated Vector API loop"));
        assertEquals(Compute.compute(counted, data, false), Compute.compute(counted, data));
        for (Operator comparison : COMPARISONS) {
            Expr condition = new Operation(comparison, List.of(A, B));
            Expr scaled = new Operation(comparison, List.of(A.mul(2.0), S));
            for (Expr e : List.of(Expr.where(condition, A, B.neg()), Expr.where(condition, S, Expr.literal(0.0)).mul(A),
                    Expr.where(scaled, A.sqrt(), B).sum())) {
                String plan = Compute.explain(e, data);
                assertEquals(ComputeTesting.LOOPS, plan.contains("generated Vector API loop"), plan);
                Object expected = Compute.compute(e, data, false);
                if (e instanceof Reduction) {
                    assertEquals(expected, Compute.compute(e, data), e.toString());
                } else {
                    ComputeTesting.assertSameBits(expected, Compute.compute(e, data), e.toString());
                    double[] out = new double[a.length];
                    Compute.computeInto(e, data, out, Compute.Options.defaults().parallel(true));
                    ComputeTesting.assertSameBits(expected, out, e + " into out");
                }
            }
        }
    }
}
