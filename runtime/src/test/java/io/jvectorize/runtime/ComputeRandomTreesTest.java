package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The fused engine against the reference, on thousands of random expression trees over every
 * type, bound to data full of NaN, infinities, signed zeros, subnormals and extreme integers.
 */
class ComputeRandomTreesTest {

    private static final int TREES = 4000;
    private static final int[] LENGTHS = {0, 1, 3, 5, 100, 1000, 4100};
    private static final int[] BLOCK_SIZES = {1, 3, 7, 64, 1000, 4096};

    /** Symbols of every type; some bound to narrower data, some to numbers. */
    private static final Map<String, DType> SYMBOLS = Map.ofEntries(
            Map.entry("a", DType.FLOAT64), Map.entry("b", DType.FLOAT64), Map.entry("f", DType.FLOAT32),
            Map.entry("g", DType.FLOAT64), Map.entry("l", DType.INT64), Map.entry("i", DType.INT32),
            Map.entry("j", DType.INT64), Map.entry("e", DType.INT32), Map.entry("p", DType.BOOLEAN),
            Map.entry("s", DType.FLOAT64), Map.entry("h", DType.FLOAT32), Map.entry("k", DType.INT32),
            Map.entry("m", DType.INT64), Map.entry("q", DType.BOOLEAN));

    private static final List<String> NAMES = List.copyOf(new java.util.TreeSet<>(SYMBOLS.keySet()));

    static Map<String, Object> data(Random random, int n) {
        Map<String, Object> data = new HashMap<>();
        data.put("a", ComputeTesting.doubles(random, n));
        data.put("b", ComputeTesting.doubles(random, n));
        data.put("f", ComputeTesting.floats(random, n));
        data.put("g", ComputeTesting.floats(random, n)); // float32 data for a float64 symbol
        data.put("l", ComputeTesting.longs(random, n));
        data.put("i", ComputeTesting.ints(random, n));
        data.put("j", ComputeTesting.ints(random, n)); // int32 data for an int64 symbol
        data.put("e", ComputeTesting.smallPositiveInts(random, n));
        data.put("p", ComputeTesting.booleans(random, n));
        data.put("s", random.nextBoolean() ? ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]
                : random.nextGaussian());
        data.put("h", (float) random.nextGaussian());
        data.put("k", random.nextInt(7) - 2);
        data.put("m", random.nextBoolean() ? (Object) (long) (random.nextInt(5) + 1) : (Object) 3); // Integer widens to int64
        data.put("q", random.nextBoolean());
        return data;
    }

    /** Random typed trees; building throws on type errors, and such trees are skipped. */
    static final class Generator {
        private final Random random;
        private final boolean calls;
        private final List<VectorizedFunction> functions = TestFunctions.all();
        /** The operators of the trees built. */
        final java.util.Set<Operator> used = java.util.EnumSet.noneOf(Operator.class);

        Generator(Random random, boolean calls) {
            this.random = random;
            this.calls = calls;
        }

        Expr tree() {
            while (true) {
                try {
                    Expr e = node(0);
                    if (random.nextInt(5) == 0 && !e.isReduction()) {
                        e = new Reduction(kind(), e);
                    }
                    return e;
                } catch (IllegalArgumentException typingError) {
                    // try another
                }
            }
        }

        private ReductionKind kind() {
            ReductionKind[] kinds = ReductionKind.values();
            return kinds[random.nextInt(kinds.length)];
        }

        private Expr node(int depth) {
            int pick = random.nextInt(20);
            if (depth >= 4 || pick < 5) {
                return leaf();
            }
            if (pick == 5) {
                Expr inner = node(depth + 1);
                return inner.isReduction() ? inner : new Reduction(kind(), inner);
            }
            if (pick == 6 && calls) {
                VectorizedFunction function = functions.get(random.nextInt(functions.size()));
                int arity = function.overloads().get(0).argumentTypes().size();
                List<Expr> arguments = new ArrayList<>();
                for (int i = 0; i < arity; i++) {
                    arguments.add(node(depth + 1));
                }
                return new Call(function, arguments);
            }
            Operator[] operators = ComputeTesting.writtenOperators().toArray(new Operator[0]);
            Operator op = operators[random.nextInt(operators.length)];
            List<Expr> operands = new ArrayList<>();
            for (int i = 0; i < op.arity(); i++) {
                operands.add(node(depth + 1));
            }
            Operation operation = new Operation(op, operands);
            used.add(operation.op()); // nextafter of float32 values is NEXTAFTER_FLOAT32
            return operation;
        }

        private Expr leaf() {
            int pick = random.nextInt(10);
            if (pick < 7) {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                return Expr.symbol(name, SYMBOLS.get(name));
            }
            if (pick < 9) {
                return Expr.literal((long) (random.nextInt(7) - 2));
            }
            return Expr.literal(random.nextBoolean() ? random.nextGaussian()
                    : ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]);
        }
    }

    /** How many operations in {@code e} may throw ArithmeticException. */
    static int throwingOperations(Expr e) {
        int count = e instanceof Operation operation && operation.op().scalar().isThrowing() ? 1 : 0;
        for (Expr child : e.children()) {
            count += throwingOperations(child);
        }
        return count;
    }

    static boolean usesVectorMath(Expr e) {
        if (e instanceof Operation operation && ComputeTesting.VECTOR_MATH.contains(operation.op())) {
            return true;
        }
        for (Expr child : e.children()) {
            if (usesVectorMath(child)) {
                return true;
            }
        }
        return false;
    }

    /** The result, or the exception's class and message: both engines must fail alike. */
    static Object outcome(Supplier<Object> computation) {
        try {
            return computation.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test
    void fusedEqualsReferenceBitForBit() {
        Random random = new Random(20240611);
        Generator generator = new Generator(random, true);
        int compared = 0;
        int failures = 0;
        int vectorTrees = 0;
        long boundedValues = 0;
        long vectorValues = 0;
        int scalarLoopTrees = 0;
        for (int t = 0; t < TREES; t++) {
            Expr e = generator.tree();
            int n = LENGTHS[random.nextInt(LENGTHS.length)];
            int blockSize = BLOCK_SIZES[random.nextInt(BLOCK_SIZES.length)];
            Map<String, Object> data = data(random, n);
            Compute.Options reference = Compute.Options.defaults().optimize(false).blockSize(blockSize);
            boolean vectorMath = usesVectorMath(e);
            // Vector math is within a few ulp of Math, not equal: compare with it off, bit for bit.
            Compute.Options fused = Compute.Options.defaults().blockSize(blockSize).vectorMath(!vectorMath);
            Object expected = outcome(() -> Compute.compute(e, data, reference));
            Object actual = outcome(() -> Compute.compute(e, data, fused));
            // The path calls take while a Vector API loop warms: the generated scalar loop, where the pass has one.
            Compute.Options scalarLoops = fused.scalarLoops(true);
            Object scalarLoop = outcome(() -> Compute.compute(e, data, scalarLoops));
            if (!(expected instanceof String) && Compute.explain(e, data, scalarLoops).contains("generated scalar loop")) {
                scalarLoopTrees++;
            }
            if (expected instanceof String && throwingOperations(e) > 1 && ((String) expected).startsWith("Arithmetic")) {
                // Two operations that may throw: the reference runs them operation by operation over
                // the whole array, the fused engine block by block, so either may throw first.
                failures++;
                assertTrue(actual instanceof String && ((String) actual).startsWith("ArithmeticException"),
                        e + ": " + expected + ", fused " + actual);
                assertTrue(scalarLoop instanceof String && ((String) scalarLoop).startsWith("ArithmeticException"),
                        e + ": " + expected + ", scalar loop " + scalarLoop);
            } else if (expected instanceof String) {
                failures++;
                assertEquals(expected, actual, e.toString());
                assertEquals(expected, scalarLoop, "scalar loop: " + e);
            } else {
                ComputeTesting.assertSameBits(expected, actual, e + " over " + n + " in blocks of " + blockSize);
                ComputeTesting.assertSameBits(expected, scalarLoop, "scalar loop: " + e + " over " + n + " in blocks of "
                        + blockSize);
                compared++;
            }
            if (vectorMath && !(expected instanceof String) && !(expected instanceof Complex)) {
                // (A reduction of complex(re, im) gives a Complex: compared bit for bit above, no bound here.)
                // With vector math: the same shape and type, and each value within the bound the
                // per-call bound gives it through the operators after the call.
                vectorTrees++;
                Object withVectors = outcome(() -> Compute.compute(e, data, fused.vectorMath(true)));
                assertEquals(expected.getClass(), withVectors.getClass(), e.toString());
                double[] bound = VectorMathBound.of(e, data, reference, n);
                int checked = VectorMathBound.check(expected, withVectors, bound,
                        e + " over " + n + " in blocks of " + blockSize + " with vector math");
                boundedValues += checked;
                vectorValues += bound.length;
            }
        }
        assertTrue(compared > TREES / 2, "compared " + compared + ", failed alike " + failures);
        assertTrue(scalarLoopTrees > TREES / 10, "trees computed by a generated scalar loop: " + scalarLoopTrees);
        assertEquals(java.util.EnumSet.copyOf(ComputeTesting.writtenOperators()), generator.used,
                "every operator in some tree");
        assertTrue(vectorTrees > 100, "trees with math functions: " + vectorTrees);
        // About half the values of trees with math functions have a bound (52%, measured); the rest
        // cross a discontinuity (%, a comparison or where that could flip, var, an infinity).
        assertTrue(boundedValues > vectorValues * 2 / 5, "values checked against their bound: " + boundedValues
                + " of " + vectorValues);
    }

    @Test
    void treesWithoutMathFunctionsAreBitForBitWithVectorMathOn() {
        Random random = new Random(77);
        Generator generator = new Generator(random, true);
        for (int t = 0; t < TREES / 4; t++) {
            Expr e = generator.tree();
            if (usesVectorMath(e)) {
                continue;
            }
            int n = LENGTHS[random.nextInt(LENGTHS.length)];
            Map<String, Object> data = data(random, n);
            Object expected = outcome(() -> Compute.compute(e, data, false));
            Object actual = outcome(() -> Compute.compute(e, data));
            if (expected instanceof String) {
                assertEquals(expected, actual, e.toString());
            } else {
                ComputeTesting.assertSameBits(expected, actual, e.toString());
            }
        }
    }

    @Test
    void parallelEqualsSerialBitForBit() {
        Random random = new Random(4242);
        Generator generator = new Generator(random, true);
        int n = Math.max(3 * Parallel.serialCutoff(), 100_003);
        for (int t = 0; t < 60; t++) {
            Expr e = generator.tree();
            Map<String, Object> data = data(random, n);
            int blockSize = random.nextBoolean() ? 4096 : 1000;
            // Vector math depends on whether C2 has compiled its loop yet, so it may differ by an ulp between threads.
            Compute.Options serial = Compute.Options.defaults().blockSize(blockSize).vectorMath(!usesVectorMath(e));
            Object expected = outcome(() -> Compute.compute(e, data, serial));
            Object actual = outcome(() -> Compute.compute(e, data, serial.parallel(true)));
            if (expected instanceof String) {
                assertEquals(expected, actual, e.toString());
            } else {
                ComputeTesting.assertSameBits(expected, actual, "parallel " + e);
            }
        }
    }
}
