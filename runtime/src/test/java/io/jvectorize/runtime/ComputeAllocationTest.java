package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused engine allocates the result and nothing else that grows with the input: measured
 * with the JVM's per-thread allocation counter, after warm-up (when plans are cached).
 */
class ComputeAllocationTest {

    /** Registers of one block, the binding, the plan lookup: a small constant. */
    static final long SLACK = 256 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** How long a test waits for the JIT: a busy build's compile queue can hold C2 back for seconds. */
    private static final long PATIENCE_NANOS = 20_000_000_000L;

    /**
     * The fewest bytes one run allocated, of at least 30, run until one stays within
     * {@code bound} or the patience runs out: until C2 compiles the Vector API loops their
     * fallback allocates, and on a loaded machine C2 may take a while.
     */
    static long allocatedBy(Runnable work, long bound) {
        long fewest = Long.MAX_VALUE;
        long start = System.nanoTime();
        for (int i = 0; i < 30 || fewest > bound && System.nanoTime() - start < PATIENCE_NANOS; i++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            work.run();
            fewest = Math.min(fewest, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return fewest;
    }

    private static void assertAllocatesAtMost(long bytes, Expr e, Map<String, ?> data) {
        long allocated = allocatedBy(() -> Compute.compute(e, data), bytes + SLACK);
        assertTrue(allocated <= bytes + SLACK, e + ": allocated " + allocated + " bytes, result " + bytes);
    }

    private static double[] doubles(int n) {
        Random random = new Random(n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    @Test
    void gaussianOfTenMillion() {
        int n = 10_000_000;
        assertAllocatesAtMost(8L * n, ComputeTesting.gaussian(), Map.of("x", doubles(n), "mu", -1.33, "sigma", 1.25));
    }

    @Test
    void computeIntoAllocatesNothingWithTheGeneratedLoop() {
        int n = 1_000_000;
        double[] out = new double[n];
        Map<String, Object> data = Map.of("x", doubles(n), "mu", -1.33, "sigma", 1.25);
        // Without the Vector API the block engine computes into a new array, then copies it.
        long result = ComputeTesting.LOOPS ? 0 : 8L * n;
        long allocated = allocatedBy(() -> Compute.computeInto(ComputeTesting.gaussian(), data, out), result + SLACK);
        assertTrue(allocated <= result + SLACK, "allocated " + allocated + " bytes");
        // Issue #14's rows: tanh (on AVX2 the formula on the library's expm1, inlined whole) and a cube.
        for (Expr e : List.of(Expr.symbol("x").tanh(), Expr.symbol("x").pow(Expr.literal(3)))) {
            long intoOut = allocatedBy(() -> Compute.computeInto(e, data, out), result + SLACK);
            assertTrue(intoOut <= result + SLACK, e + ": allocated " + intoOut + " bytes");
        }
    }

    /**
     * Issue #18: every small call's garbage brings the next fresh heap page, and with transparent
     * huge pages its fault is a ~2 ms call. A call that binds as the last one did runs its plan at
     * once ({@link RepeatedCall}) and allocates a few small objects, however many the elements:
     * through the Vector API loop, and through the generated scalar loop calls take while that
     * warms (which writes into out too, with or without the Vector API).
     */
    @Test
    void smallComputeIntoCallsLeaveLittleGarbage() {
        Expr gaussian = ComputeTesting.gaussian();
        Compute.Options scalarLoop = Compute.Options.defaults().scalarLoops(true);
        List<Compute.Options> paths = ComputeTesting.LOOPS ? List.of(Compute.Options.defaults(), scalarLoop)
                : List.of(scalarLoop);
        for (Compute.Options options : paths) {
            for (int n : new int[] {1_000, 100_000}) {
                double[] out = new double[n];
                Map<String, Object> data = Map.of("x", doubles(n), "mu", -1.33, "sigma", 1.25);
                long perCall = allocatedBy(() -> Compute.computeInto(gaussian, data, out, options), SMALL_CALL_BYTES);
                assertTrue(perCall <= SMALL_CALL_BYTES, "a call on " + n + " elements allocated " + perCall
                        + " bytes (" + options + (options == scalarLoop ? ", scalar loop" : "") + ")");
            }
        }
    }

    /** Measured 64 bytes (the inputs' array, the loop's task); 3.4 KB before the repeat, 7.3 KB before #18's first cut. */
    private static final long SMALL_CALL_BYTES = 256;

    @Test
    void elementwiseOfAMillion() {
        int n = 1_000_000;
        double[] x = doubles(n);
        float[] f = new float[n];
        int[] i = new int[n];
        for (int k = 0; k < n; k++) {
            f[k] = (float) x[k];
            i[k] = k;
        }
        Expr xs = Expr.symbol("x");
        Expr fs = Expr.symbol("f", DType.FLOAT32);
        Expr is = Expr.symbol("i", DType.INT32);
        boolean[] flag = new boolean[n];
        for (int k = 0; k < n; k += 3) {
            flag[k] = true;
        }
        Map<String, Object> data = Map.of("x", x, "f", f, "i", i, "mu", 0.5, "flag", flag);
        assertAllocatesAtMost(8L * n, ComputeTesting.gaussian(), Map.of("x", x, "mu", -1.33, "sigma", 1.25));
        assertAllocatesAtMost(4L * n, fs.mul(2.5).add(fs.sin()).sub(fs.sqrt()), data);
        assertAllocatesAtMost(4L * n, Expr.where(fs.gt(1.0f), fs.mul(2.5f), fs.sqrt()).sub(fs), data);
        assertAllocatesAtMost(4L * n, is.mul(Expr.literal(3)).add(is.mod(Expr.literal(7))), data);
        assertAllocatesAtMost(8L * n, xs.add(is).mul(fs), data);
        assertAllocatesAtMost(1L * n, Expr.where(xs.gt(0.0), xs, xs.neg()).gt(Expr.symbol("mu")), data);
        assertAllocatesAtMost(8L * n, Expr.where(Expr.symbol("flag", DType.BOOLEAN), xs, xs.neg().mul(0.5)), data);
        assertAllocatesAtMost(8L * n, xs.sub(xs.mean()).div(xs.std()), data);
        assertAllocatesAtMost(8L * n, new Call(TestFunctions.POLY, List.of(xs.sub(1.0))), data);
        assertAllocatesAtMost(4L * n, new Call(TestFunctions.POLY, List.of(fs)), data);
        // Powers and tanh: in a loop where the vector library has them, block by block elsewhere.
        assertAllocatesAtMost(8L * n, xs.pow(Expr.literal(3.0)).add(xs.tanh()), data);
        assertAllocatesAtMost(8L * n, Expr.literal(1.03).pow(xs).mul(Expr.symbol("mu")), data);
        assertAllocatesAtMost(4L * n, fs.pow(fs).sub(fs.tanh()), data);
        assertAllocatesAtMost(8L * n, new Call(TestFunctions.CHOOSE, List.of(xs.gt(0.0), xs, Expr.symbol("mu"))), data);
        // On AVX2 float64 tanh is a formula C2 inlines whole: two fit a loop, a third goes block by block.
        for (String text : List.of("tanh(x) + tanh(x * 3)", "tanh(x) + tanh(x * 3) + tanh(x * 5)", "exp(x) * tanh(x - mu)",
                "tanh(x) * 2 + tanh(x * 3) * sqrt(abs(x)) + tanh(x * 5) - tanh(x * 7)")) {
            assertAllocatesAtMost(8L * n, Expr.parse(text), data);
        }
        assertAllocatesAtMost(8L * n, ComputeTesting.gaussian().add(xs.tanh()), Map.of("x", x, "mu", -1.33, "sigma", 1.25));
        // Lane methods are copied into the loop, so C2 inlines them however many there are: these
        // mixes boxed every vector (32 to 48 bytes an element) while the loop called them (#14).
        for (String text : List.of("floor(x) + ceil(x) + trunc(x)", "tanh(x) + floor(x)", "rint(x) + rint(x * 2) + rint(x * 3) + rint(x * 4)",
                "sign(x) * floor(x * 3) - clip(x, -0.5, mu)", "tanh(x) + rint(x) * tanh(x * 3)",
                "where(isnan(x) | isinf(x), 0.0, x) + where(isfinite(x * 2), 1.0, -1.0)")) {
            assertAllocatesAtMost(8L * n, Expr.parse(text), data);
        }
        assertAllocatesAtMost(8L * n, Expr.parse("clip(exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * sqrt(2 * 3.141592653589793)), 0.01, 0.3)"),
                Map.of("x", x, "mu", -1.33, "sigma", 1.25));
        assertAllocatesAtMost(4L * n, Expr.parse("trunc(f) + ceil(f * 2) - sign(f)", Map.of("f", DType.FLOAT32)), data);
    }

    /**
     * The block engine (no generated loops) allocates the result and its registers: its Vector
     * API kernels must be compiled by C2, not left in the interpreter with every vector boxed
     * (which costs over 100 bytes an element).
     */
    @Test
    void blockEngineAllocatesOnlyTheResult() {
        int n = 1_000_000;
        double[] x = doubles(n);
        float[] f = new float[n];
        long[] q = new long[n];
        int[] i = new int[n];
        for (int k = 0; k < n; k++) {
            f[k] = (float) x[k];
            q[k] = k * 3L - n;
            i[k] = k % 1000 - 500;
        }
        Expr xs = Expr.symbol("x");
        Expr fs = Expr.symbol("f", DType.FLOAT32);
        Expr qs = Expr.symbol("q", DType.INT64);
        Expr is = Expr.symbol("i", DType.INT32);
        Expr mu = Expr.symbol("mu");
        Map<String, Object> data = Map.of("x", x, "f", f, "q", q, "i", i, "mu", 0.5);
        Compute.Options blocks = Compute.Options.defaults().generateLoops(false);
        assertBlocksAllocateAtMost(8L * n, ComputeTesting.gaussian(), Map.of("x", x, "mu", -1.33, "sigma", 1.25), blocks);
        assertBlocksAllocateAtMost(8L * n, xs.mul(xs).add(xs.mul(2.0)).sub(mu), data, blocks);
        assertBlocksAllocateAtMost(8L * n, mu.sub(xs).div(xs.sqrt()).add(xs.exp()), data, blocks);
        assertBlocksAllocateAtMost(4L * n, fs.mul(2.5f).add(fs.sin()).sub(fs.sqrt()), data, blocks);
        assertBlocksAllocateAtMost(8L * n, qs.mul(Expr.literal(3)).add(qs.neg()).sub(qs.abs()), data, blocks);
        assertBlocksAllocateAtMost(4L * n, is.mul(Expr.literal(3)).add(is.mod(Expr.literal(7))), data, blocks);
        assertBlocksAllocateAtMost(8L * n, xs.add(is).mul(fs).add(qs), data, blocks);
        assertBlocksAllocateAtMost(0, xs.sub(mu).pow(Expr.literal(2)).sum(), data, blocks);
        assertBlocksAllocateAtMost(0, qs.mul(Expr.literal(2)).sum(), data, blocks);
        assertBlocksAllocateAtMost(0, fs.exp().max(), data, blocks);
        // A pass with an integer modulo runs block by block with the defaults too.
        Expr modFilter = Expr.where(qs.mod(Expr.literal(3)).eq(Expr.literal(0)), xs.mul(2.0).sub(0.5), Expr.literal(0.0)).sum();
        assertBlocksAllocateAtMost(0, modFilter, data, Compute.Options.defaults());
    }

    private static void assertBlocksAllocateAtMost(long bytes, Expr e, Map<String, ?> data, Compute.Options blocks) {
        long allocated = allocatedBy(() -> Compute.compute(e, data, blocks), bytes + SLACK);
        assertTrue(allocated <= bytes + SLACK, e + " block by block: allocated " + allocated + " bytes, result " + bytes);
    }

    @Test
    void reductionsAllocateNothingProportional() {
        int n = 1_000_000;
        Expr xs = Expr.symbol("x");
        Map<String, Object> data = Map.of("x", doubles(n), "mu", 0.5);
        assertAllocatesAtMost(0, xs.sub(Expr.symbol("mu")).pow(Expr.literal(2)).sum(), data);
        assertAllocatesAtMost(0, xs.exp().std(), data);
        assertAllocatesAtMost(0, xs.sub(xs.mean()).abs().max(), data);
        assertAllocatesAtMost(0, xs.gt(0.0).sum(), data);
    }

    /**
     * Complex passes run block by block too: the result (16 bytes an element for complex128, 8
     * for complex64) and nothing else proportional, serial or parallel; a reduction nothing.
     */
    @Test
    void complexPassesAllocateOnlyTheResult() {
        int n = 1_000_000;
        double[] x = doubles(2 * n);
        double[] w = doubles(2 * n + 1);
        float[] y = new float[2 * n];
        for (int k = 0; k < 2 * n; k++) {
            y[k] = (float) x[k];
        }
        Map<String, DType> types = Map.of("z", DType.COMPLEX128, "w", DType.COMPLEX128, "y", DType.COMPLEX64,
                "a", DType.FLOAT64);
        Map<String, Object> data = Map.of("z", x, "w", Arrays.copyOf(w, 2 * n), "y", y, "a", Arrays.copyOf(w, n));
        for (Compute.Options options : List.of(Compute.Options.defaults(), Compute.Options.defaults().parallel(true))) {
            assertBlocksAllocateAtMost(16L * n, Expr.parse("z * w + 1j", types), data, options);
            assertBlocksAllocateAtMost(16L * n, Expr.parse("exp(z) * w - a", types), data, options);
            assertBlocksAllocateAtMost(8L * n, Expr.parse("y * y + conj(y)", types), data, options);
            assertBlocksAllocateAtMost(8L * n, Expr.parse("abs(z * w) + (z / w).real", types), data, options);
            assertBlocksAllocateAtMost(0, Expr.parse("sum(z * conj(w))", types), data, options);
            double[] out = new double[2 * n];
            Expr product = Expr.parse("z * w + 1j", types);
            long allocated = allocatedBy(() -> Compute.computeInto(product, data, out, options), SLACK);
            assertTrue(allocated <= SLACK, "computeInto(z * w + 1j) writes into out: allocated " + allocated);
        }
    }

    /** The check above means something: the unoptimized engine allocates a temporary per operator. */
    @Test
    void theReferenceAllocatesTemporaries() {
        int n = 1_000_000;
        Map<String, Object> data = Map.of("x", doubles(n), "mu", -1.33, "sigma", 1.25);
        long allocated = allocatedBy(() -> Compute.compute(ComputeTesting.gaussian(), data, false), Long.MAX_VALUE);
        assertTrue(allocated > 5 * 8L * n, "the reference allocated " + allocated);
    }
}
