package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * complex128 passes of {@code + - *}, unary {@code -} and {@code conj} (of complex128 arrays,
 * float64 arrays, {@code complex(a, b)} of float64 arrays and complex numbers) run on one generated
 * Vector API loop of whole (re, im) pairs once it has warmed, and give the reference's bits:
 * on special values in either part (NaN, ±Inf, ±0, subnormals, extremes), over lengths around
 * the vector's pairs and the block size, serial, parallel and into a given array. Other complex
 * passes say they run block by block.
 */
class ComplexLoopTest {

    private static final Map<String, DType> SYMBOLS = Map.of("z", DType.COMPLEX128, "w", DType.COMPLEX128,
            "c", DType.COMPLEX128, "y", DType.COMPLEX64, "a", DType.FLOAT64, "b", DType.FLOAT64);
    private static final String LOOP = "in one generated Vector API loop";
    private static final String NO_LOOP = "complex values on scalar kernels without a generated loop";

    @Test
    void loopsGiveTheReferenceBitsOnSpecialValues() throws InterruptedException {
        Random random = new Random(14);
        List<String> texts = List.of("z * w + 1j", "conj(z) - -w * (2 - 3j)", "z * z * z - w", "-z", "z",
                "z * c + w * conj(c)", "(z + w) * (z - w) - conj(z * w)", "z * (1e308 + 1e-308j)",
                "z * 2.0 - 1", "z * a", "a - conj(z) * a + 1j",
                "complex(a, b) * z", "complex(b, a) - complex(a, a)"); // a Python number is a complex128 number here (NEP 50), multiplied as a pair
        for (String text : texts) {
            Expr e = Expr.parse(text, SYMBOLS);
            for (int blockSize : new int[] {4096, 5}) {
                Compute.Options options = Compute.Options.defaults().blockSize(blockSize);
                assertEquals(ComputeTesting.LOOPS, warmed(e, options), text + " runs on the generated loop");
                for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 4095, 4096, 4097, 8193}) {
                    Map<String, Object> data = data(random, n);
                    String what = text + " over " + n + " in blocks of " + blockSize;
                    Object expected = Compute.compute(e, data, options.optimize(false));
                    ComputeTesting.assertSameBits(expected, Compute.compute(e, data, options), what);
                    ComputeTesting.assertSameBits(expected, Compute.compute(e, data, options.parallel(true)),
                            what + " in parallel");
                    double[] out = new double[2 * n];
                    Compute.computeInto(e, data, out, options);
                    ComputeTesting.assertSameBits(expected, out, what + " into an array");
                }
            }
        }
    }

    /** Over enough elements for several threads, each thread's chunk through the loop and its tail: the reference's bits. */
    @Test
    void parallelChunksGiveTheReferenceBits() throws InterruptedException {
        Random random = new Random(17);
        int n = Math.max(3 * Parallel.serialCutoff(), 100_003);
        for (String text : List.of("z * w + 1j", "complex(a, b) * conj(z) - z * a")) {
            Expr e = Expr.parse(text, SYMBOLS);
            Compute.Options parallel = Compute.Options.defaults().parallel(true);
            assertEquals(ComputeTesting.LOOPS, warmed(e, parallel), text + " runs on the generated loop");
            Map<String, Object> data = data(random, n);
            Object expected = Compute.compute(e, data, parallel.optimize(false));
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data, parallel), text + " in parallel over " + n);
        }
    }

    /** Random trees of the loop's steps: each on the loop once warmed, the reference's bits, serial and parallel. */
    @Test
    void randomTreesOfTheLoopsStepsGiveTheReferenceBits() throws InterruptedException {
        Random random = new Random(16);
        for (int t = 0; t < 40; t++) {
            String text = tree(random, 2); // at most 3 multiplies: within the loop's budget of operations
            if (!text.matches(".*[zwa].*")) {
                continue; // numbers only: a pass over one element, without a loop
            }
            Expr e = Expr.parse(text, SYMBOLS);
            Compute.Options options = Compute.Options.defaults().blockSize(random.nextBoolean() ? 4096 : 1000);
            assertEquals(ComputeTesting.LOOPS, warmed(e, options), text + " runs on the generated loop");
            int n = new int[] {1, 3, 1001, 4099, 10_007}[random.nextInt(5)];
            Map<String, Object> data = data(random, n);
            Object expected = Compute.compute(e, data, options.optimize(false));
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data, options), text + " over " + n);
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data, options.parallel(true)),
                    text + " in parallel over " + n);
        }
    }

    /** An expression of the loop's steps, {@code depth} operators deep at most, with a complex128 value. */
    private static String tree(Random random, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return new String[] {"z", "w", "c", "(1.5 - 2j)", "z", "complex(a, b)"}[random.nextInt(6)];
        }
        switch (random.nextInt(6)) {
            case 0: return "-(" + tree(random, depth - 1) + ")";
            case 1: return "conj(" + tree(random, depth - 1) + ")";
            case 2: return "(" + tree(random, depth - 1) + " * a)";
            default:
                return "(" + tree(random, depth - 1) + " " + "+-*".charAt(random.nextInt(3)) + " " + tree(random, depth - 1)
                        + ")";
        }
    }

    @Test
    void otherComplexPassesRunBlockByBlock() throws InterruptedException {
        Random random = new Random(15);
        Map<String, Object> data = data(random, 4096);
        for (String text : List.of("z / w", "z + a * 2", "z.real", "y * y + 1j", "exp(z) * w", "abs(z * w)",
                "sum(z * w)", "complex(a, a * 2) * z", "complex(a, 0.5) * z")) {
            Expr e = Expr.parse(text, SYMBOLS);
            Compute.compute(e, data);
            String plan = Compute.explain(e, data);
            assertTrue(!plan.contains(LOOP) && plan.contains("in blocks of"), text + ": " + plan);
        }
        assertTrue(Compute.explain(Expr.parse("z / w", SYMBOLS), data).contains(NO_LOOP));
    }

    /**
     * Whether the pass's generated loop has warmed (explain says it runs) within 30 s of
     * calls over 4096 pairs: the first call starts the warming on its thread.
     */
    private static boolean warmed(Expr e, Compute.Options options) throws InterruptedException {
        Map<String, Object> data = data(new Random(1), 4096);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Compute.compute(e, data, options);
            if (Compute.explain(e, data, options).contains(LOOP)) {
                return true;
            }
            if (!ComputeTesting.LOOPS) {
                return false;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static Map<String, Object> data(Random random, int n) {
        Map<String, Object> data = new HashMap<>();
        data.put("z", special(random, 2 * n));
        data.put("w", special(random, 2 * n));
        data.put("y", new float[2 * n]);
        data.put("a", special(random, n));
        data.put("b", special(random, n));
        data.put("c", Complex.of(-0.0, 0x1p-1074));
        return data;
    }

    private static double[] special(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(4) == 0 ? random.nextGaussian()
                    : ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)];
        }
        return values;
    }
}
