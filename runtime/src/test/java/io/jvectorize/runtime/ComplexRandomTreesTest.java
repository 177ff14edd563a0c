package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random expression trees over complex128 and complex64 values mixed with real ones: optimize =
 * true (block by block, serial and parallel, several block sizes) against the reference engine,
 * bit for bit, on data with NaN, infinities, signed zeros and subnormals in either part.
 */
class ComplexRandomTreesTest {

    private static final int TREES = 1500;
    private static final int[] LENGTHS = {0, 1, 3, 5, 100, 1000, 4100};
    private static final int[] BLOCK_SIZES = {1, 3, 7, 64, 1000, 4096};
    private static final Map<String, DType> SYMBOLS = Map.of("z", DType.COMPLEX128, "w", DType.COMPLEX128,
            "y", DType.COMPLEX64, "v", DType.COMPLEX64, "a", DType.FLOAT64, "f", DType.FLOAT32, "i", DType.INT64,
            "p", DType.BOOLEAN, "c", DType.COMPLEX128);
    private static final List<String> NAMES = List.copyOf(new java.util.TreeSet<>(SYMBOLS.keySet()));

    private static Map<String, Object> data(Random random, int n) {
        Map<String, Object> data = new HashMap<>();
        data.put("z", ComputeTesting.doubles(random, 2 * n));
        data.put("w", ComputeTesting.doubles(random, 2 * n));
        data.put("y", ComputeTesting.floats(random, 2 * n));
        data.put("v", ComputeTesting.floats(random, n)); // real float32 data for a complex64 symbol
        data.put("a", ComputeTesting.doubles(random, n));
        data.put("f", ComputeTesting.floats(random, n));
        data.put("i", ComputeTesting.longs(random, n));
        data.put("p", ComputeTesting.booleans(random, n));
        data.put("c", Complex.of(random.nextGaussian(), random.nextBoolean() ? Double.NaN : random.nextGaussian()));
        return data;
    }

    private static final class Generator {
        private final Random random;
        final Set<Operator> used = EnumSet.noneOf(Operator.class);

        Generator(Random random) {
            this.random = random;
        }

        /** A tree that reads or makes a complex value somewhere (building throws on type errors: those are retried). */
        Expr tree() {
            while (true) {
                try {
                    Expr e = node(0);
                    if (random.nextInt(4) == 0) {
                        e = new Reduction(ReductionKind.values()[random.nextInt(ReductionKind.values().length)], e);
                    }
                    if (involvesComplex(e)) {
                        return e;
                    }
                } catch (IllegalArgumentException typingError) {
                    // try another
                }
            }
        }

        private Expr node(int depth) {
            int pick = random.nextInt(10);
            if (depth >= 4 || pick < 3) {
                return leaf();
            }
            Operator[] operators = ComputeTesting.writtenOperators().toArray(new Operator[0]);
            Operator op = operators[random.nextInt(operators.length)];
            List<Expr> operands = new ArrayList<>();
            for (int i = 0; i < op.arity(); i++) {
                operands.add(node(depth + 1));
            }
            Operation operation = new Operation(op, operands);
            used.add(operation.op());
            return operation;
        }

        private Expr leaf() {
            int pick = random.nextInt(10);
            if (pick < 7) {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                return Expr.symbol(name, SYMBOLS.get(name));
            }
            if (pick < 8) {
                return Expr.parse(random.nextInt(5) - 2 + "j");
            }
            if (pick < 9) {
                return Expr.literal((long) (random.nextInt(7) - 2));
            }
            return Expr.literal(random.nextGaussian());
        }
    }

    private static boolean involvesComplex(Expr e) {
        if (e.dtype().isComplex()) {
            return true;
        }
        for (Expr child : e.children()) {
            if (involvesComplex(child)) {
                return true;
            }
        }
        return false;
    }

    /** Serial optimize = true runs complex passes over whole arrays, as the reference: this checks the planner's part. */
    @Test
    void optimizedEqualsTheReferenceBitForBit() {
        Random random = new Random(1414);
        Generator generator = new Generator(random);
        int reductions = 0;
        int compared = 0;
        for (int t = 0; t < TREES; t++) {
            Expr e = generator.tree();
            reductions += e.isReduction() ? 1 : 0;
            int n = LENGTHS[random.nextInt(LENGTHS.length)];
            int blockSize = BLOCK_SIZES[random.nextInt(BLOCK_SIZES.length)];
            Map<String, Object> data = data(random, n);
            Compute.Options reference = Compute.Options.defaults().optimize(false).blockSize(blockSize);
            Object expected = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data, reference));
            Object actual = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data,
                    Compute.Options.defaults().blockSize(blockSize)));
            if (expected instanceof String) {
                assertEquals(expected, actual, e.toString());
            } else {
                ComputeTesting.assertSameBits(expected, actual, e + " over " + n + " in blocks of " + blockSize);
                compared++;
            }
        }
        assertTrue(compared > TREES * 3 / 4, "compared " + compared);
        assertTrue(reductions > TREES / 10, "reductions: " + reductions);
        for (Operator op : List.of(Operator.MUL, Operator.DIV, Operator.POW, Operator.EXP, Operator.LOG, Operator.SQRT,
                Operator.WHERE, Operator.ABS, Operator.REAL, Operator.CONJ, Operator.ATANH)) {
            assertTrue(generator.used.contains(op), "no tree used " + op);
        }
    }

    /** Parallel optimize = true runs complex passes block by block on several threads ({@code ComplexBlocks}). */
    @Test
    void parallelBlocksEqualTheReferenceBitForBit() {
        Random random = new Random(7);
        Generator generator = new Generator(random);
        int n = Math.max(3 * Parallel.serialCutoff(), 100_003);
        if (Parallel.parallelism() > 1) {
            String plan = Compute.explain(Expr.parse("z * 2", SYMBOLS), data(random, n), Compute.Options.defaults().parallel(true));
            assertTrue(plan.contains("in blocks of"), plan);
        }
        for (int t = 0; t < 30; t++) {
            Expr e = generator.tree();
            Map<String, Object> data = data(random, n);
            Compute.Options serial = Compute.Options.defaults().blockSize(random.nextBoolean() ? 4096 : 1000);
            Object expected = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data, serial.optimize(false)));
            Object actual = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data, serial.parallel(true)));
            if (expected instanceof String) {
                assertEquals(expected, actual, e.toString());
            } else {
                ComputeTesting.assertSameBits(expected, actual, "parallel " + e);
            }
        }
    }
}
