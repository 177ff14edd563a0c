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
 * true (the block engine, serial and parallel, several block sizes, with and without generated
 * loops for the plan's real passes) against the reference engine, bit for bit, on data with NaN,
 * infinities, signed zeros and subnormals in either part. The module's second test run
 * (without the Vector API) runs them again on the plain loops.
 */
class ComplexRandomTreesTest {

    private static final int TREES = 1500;
    private static final int[] LENGTHS = {0, 1, 3, 5, 100, 1000, 4100};
    private static final int[] BLOCK_SIZES = {1, 3, 7, 64, 1000, 4096};
    private static final Map<String, DType> SYMBOLS = Map.of("z", DType.COMPLEX128, "w", DType.COMPLEX128,
            "y", DType.COMPLEX64, "v", DType.COMPLEX64, "a", DType.FLOAT64, "f", DType.FLOAT32, "i", DType.INT64,
            "p", DType.BOOLEAN, "c", DType.COMPLEX128, "u", DType.COMPLEX128);
    private static final List<String> NAMES = List.copyOf(new java.util.TreeSet<>(SYMBOLS.keySet()));

    private static Map<String, Object> data(Random random, int n) {
        Map<String, Object> data = new HashMap<>();
        data.put("z", ComputeTesting.doubles(random, 2 * n));
        data.put("w", ComputeTesting.doubles(random, 2 * n));
        data.put("y", ComputeTesting.floats(random, 2 * n));
        data.put("v", ComputeTesting.floats(random, 2 * n));
        // Real float32 data for a complex128 symbol (a float[] is pairs only for a complex64 one).
        data.put("u", ComputeTesting.floats(random, n));
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
            return ComputeTesting.randomComplexLeaf(random, NAMES, SYMBOLS);
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

    /**
     * What optimize = true runs, each checked against the reference engine: the block engine,
     * serial (complex passes on the complex kernels, real passes of the same plan through their
     * generated loops where the Vector API is present), without generated loops, and in small
     * blocks. Math functions on the Vector API are not bit for bit (they are within
     * {@link Compute#VECTOR_MATH_ULPS}): {@code vectorMath(false)} makes every value comparable by its bits.
     */
    private static final List<Compute.Options> FUSED = List.of(Compute.Options.defaults().vectorMath(false),
            Compute.Options.defaults().vectorMath(false).generateLoops(false),
            Compute.Options.defaults().vectorMath(false).blockSize(7));

    /** The block engine (every form in {@link #FUSED}) against the reference, bit for bit: the planner's part and the block engine's. */
    @Test
    void optimizedEqualsTheReferenceBitForBit() {
        Random random = new Random(1414);
        Generator generator = new Generator(random);
        int reductions = 0;
        int compared = 0;
        int failed = 0;
        for (int t = 0; t < TREES; t++) {
            Expr e = generator.tree();
            reductions += e.isReduction() ? 1 : 0;
            int n = LENGTHS[random.nextInt(LENGTHS.length)];
            int blockSize = BLOCK_SIZES[random.nextInt(BLOCK_SIZES.length)];
            Map<String, Object> data = data(random, n);
            Compute.Options reference = Compute.Options.defaults().optimize(false).blockSize(blockSize);
            Object expected = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data, reference));
            for (Compute.Options fused : FUSED) {
                Compute.Options options = fused.blockSize() == Compute.Options.DEFAULT_BLOCK_SIZE ? fused.blockSize(blockSize)
                        : fused;
                if (e.isReduction() && options.blockSize() != blockSize) {
                    continue; // a reduction's blocks are its partial sums: only the same blocks give the same bits
                }
                Object actual = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data, options));
                if (expected instanceof String) {
                    assertEquals(expected, actual, e.toString());
                    failed++;
                } else {
                    ComputeTesting.assertSameBits(expected, actual, e + " over " + n + " with " + options);
                    compared++;
                }
            }
        }
        // Errors (min of nothing, ...) are rare: a tree that fails is one whose values go unchecked.
        assertTrue(failed < compared / 20, "failed alike " + failed + ", compared " + compared);
        assertTrue(compared > TREES * 3 / 2, "compared " + compared);
        assertTrue(reductions > TREES / 10, "reductions: " + reductions);
        for (Operator op : List.of(Operator.MUL, Operator.DIV, Operator.POW, Operator.EXP, Operator.LOG, Operator.SQRT,
                Operator.WHERE, Operator.ABS, Operator.REAL, Operator.CONJ, Operator.ATANH)) {
            assertTrue(generator.used.contains(op), "no tree used " + op);
        }
    }

    /**
     * Complex steps read no vector math: with the default options (vector math on) a tree whose
     * only functions act on complex values gives the reference's bits too.
     */
    @Test
    void complexFunctionsAreTheReferenceFormulasWithDefaultOptions() {
        Random random = new Random(99);
        for (String text : List.of("exp(z) * w", "sqrt(z) + log(w) * tanh(y)", "arctanh(z) - arcsin(y * 1j)",
                "abs(z) + abs(y)", "z ** w", "y ** 3 / f", "mean(exp(z))", "sum(cos(y) * f)")) {
            Expr e = Expr.parse(text, SYMBOLS);
            for (int n : new int[] {0, 1, 17, 4097, 10_000}) {
                Map<String, Object> data = data(random, n);
                Object expected = Compute.compute(e, data, Compute.Options.defaults().optimize(false));
                ComputeTesting.assertSameBits(expected, Compute.compute(e, data), text + " over " + n);
                ComputeTesting.assertSameBits(expected, Compute.compute(e, data, Compute.Options.defaults().parallel(true)),
                        text + " in parallel over " + n);
            }
        }
    }

    /**
     * Data of special values only (NaN, infinities, signed zeros, subnormals, extremes in either
     * part, every combination), over lengths around a vector's width and the block size, in blocks
     * of 4096 and of 5, serial and in parallel: the reference's bits.
     */
    @Test
    void specialValuesAroundVectorAndBlockWidthsAreTheReferenceBits() {
        Random random = new Random(5);
        List<String> texts = List.of("z * w + 1j", "conj(z) - w * 2", "z.real * w.imag + z.imag", "y * f + y", "y * y - 1j",
                "where(p, z, w) * c", "exp(z) * w", "z / w", "y / (y + f)", "abs(z) + a", "complex(a, f) * z", "y * f",
                "z ** 2", "y ** -1", "isnan(z * w) | (z == w)", "sum(z * w)", "mean(y * 1j)", "nansum(z / w)", "var(z)",
                "z", "y", "f * 1j");
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 4095, 4096, 4097, 8193}) {
            Map<String, Object> data = data(random, n);
            data.put("z", specialDoubles(random, 2 * n));
            data.put("w", specialDoubles(random, 2 * n));
            data.put("y", specialFloats(random, 2 * n));
            data.put("a", specialDoubles(random, n));
            for (String text : texts) {
                Expr e = Expr.parse(text, SYMBOLS);
                for (int blockSize : new int[] {4096, 5}) {
                    Compute.Options options = Compute.Options.defaults().vectorMath(false).blockSize(blockSize);
                    Object expected = Compute.compute(e, data, options.optimize(false));
                    ComputeTesting.assertSameBits(expected, Compute.compute(e, data, options), text + " over " + n);
                    ComputeTesting.assertSameBits(expected, Compute.compute(e, data, options.parallel(true)),
                            text + " in parallel over " + n);
                }
            }
        }
    }

    private static double[] specialDoubles(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(4) == 0 ? random.nextGaussian()
                    : ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)];
        }
        return values;
    }

    private static float[] specialFloats(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(4) == 0 ? (float) random.nextGaussian()
                    : ComputeTesting.SPECIAL_FLOATS[random.nextInt(ComputeTesting.SPECIAL_FLOATS.length)];
        }
        return values;
    }

    /** Parallel optimize = true runs complex passes block by block on several threads: the serial blocks' bits. */
    @Test
    void parallelBlocksEqualTheReferenceBitForBit() {
        Random random = new Random(7);
        Generator generator = new Generator(random);
        int n = Math.max(3 * Parallel.serialCutoff(), 100_003);
        if (Parallel.parallelism() > 1) {
            String plan = Compute.explain(Expr.parse("z * 2", SYMBOLS), data(random, n), Compute.Options.defaults().parallel(true));
            assertTrue(plan.contains("in blocks of") && plan.contains(Parallel.parallelism() + " threads"), plan);
        }
        for (int t = 0; t < 30; t++) {
            Expr e = generator.tree();
            Map<String, Object> data = data(random, n);
            Compute.Options serial = Compute.Options.defaults().vectorMath(false).blockSize(random.nextBoolean() ? 4096 : 1000);
            Object expected = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data, serial.optimize(false)));
            Object actual = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data, serial.parallel(true)));
            Object serialFused = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data, serial));
            if (expected instanceof String) {
                assertEquals(expected, actual, e.toString());
                assertEquals(expected, serialFused, e.toString());
            } else {
                ComputeTesting.assertSameBits(expected, actual, "parallel " + e);
                ComputeTesting.assertSameBits(expected, serialFused, "serial " + e);
            }
        }
    }
}
