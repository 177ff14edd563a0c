package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calls of @Vectorize functions: their kernels over each block, and what explain says of them. */
class ComputeCallsTest {

    private static final Expr X = Expr.symbol("x");

    /** How explain describes arithmetic: as Vector API loops where the module is present. */
    private static final String ARITHMETIC = ComputeTesting.LOOPS ? "fused block evaluation, Vector API" : "fused block evaluation";

    private static double[] ramp(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.001 - 3;
        }
        return x;
    }

    @Test
    void polyOfArraysAndOfExpressions() {
        double[] x = ramp(10_000);
        float[] f = new float[x.length];
        double[] poly = new double[x.length];
        double[] polyShifted = new double[x.length];
        float[] polyFloat = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
            poly[i] = TestFunctions.poly(x[i]);
            polyShifted[i] = TestFunctions.poly(x[i] - 1) * 2;
            polyFloat[i] = (float) TestFunctions.poly(f[i]);
        }
        Map<String, Object> data = Map.of("x", x, "f", f);
        for (Compute.Options engine : List.of(Compute.Options.defaults(), Compute.Options.defaults().optimize(false),
                Compute.Options.defaults().blockSize(77))) {
            ComputeTesting.assertSameBits(poly, Compute.compute(new Call(TestFunctions.POLY, List.of(X)), data, engine), "poly(x)");
            ComputeTesting.assertSameBits(polyShifted, Compute.compute(new Call(TestFunctions.POLY, List.of(X.sub(1.0))).mul(2.0),
                    data, engine), "poly(x - 1) * 2");
            ComputeTesting.assertSameBits(polyFloat, Compute.compute(new Call(TestFunctions.POLY,
                    List.of(Expr.symbol("f", DType.FLOAT32))), data, engine), "poly(f)");
        }
    }

    @Test
    void argumentsOfOtherTypesAndScalars() {
        int[] i = {1, -2, Integer.MAX_VALUE};
        long[] l = {10, 20, Long.MAX_VALUE};
        double[] x = {-1.5, 0, 2};
        Map<String, Object> data = Map.of("i", i, "l", l, "x", x, "mu", 0.25);
        Expr scaleAdd = new Call(TestFunctions.SCALE_ADD, List.of(Expr.symbol("i", DType.INT32), Expr.symbol("l", DType.INT64)));
        Expr choose = new Call(TestFunctions.CHOOSE, List.of(X.gt(0.0), X, Expr.symbol("mu")));
        Expr sign = new Call(TestFunctions.SIGN, List.of(X));
        Expr ofScalar = new Call(TestFunctions.POLY, List.of(Expr.symbol("mu")));
        for (boolean optimize : new boolean[] {true, false}) {
            ComputeTesting.assertSameBits(new long[] {13, 14, 3L * Integer.MAX_VALUE + Long.MAX_VALUE},
                    Compute.compute(scaleAdd, data, optimize), "scaleAdd");
            ComputeTesting.assertSameBits(new double[] {0.25, 0.25, 2}, Compute.compute(choose, data, optimize), "choose");
            ComputeTesting.assertSameBits(new int[] {-1, 0, 1}, Compute.compute(sign, data, optimize), "sign");
            ComputeTesting.assertSameBits(new double[] {TestFunctions.poly(0.25)}, Compute.compute(ofScalar, data, optimize),
                    "poly(mu)");
            ComputeTesting.assertSameBits(new double[] {-1.5 - TestFunctions.poly(0.25), -TestFunctions.poly(0.25),
                2 - TestFunctions.poly(0.25)}, Compute.compute(X.sub(ofScalar), data, optimize), "x - poly(mu)");
        }
    }

    /** A kernel that records the ranges it is called with. */
    private static VectorizedFunction recording(List<int[]> calls) {
        return new VectorizedFunction(ComputeCallsTest.class, "twice", List.of(new VectorizedFunction.Overload(
                DType.FLOAT64, List.of(DType.FLOAT64), VectorizedFunction.Implementation.GENERATED_SCALAR,
                (a, out, from, to) -> {
                    calls.add(new int[] {from, to});
                    double[] t = (double[]) a[0];
                    for (int i = from; i < to; i++) {
                        ((double[]) out)[i] = 2 * t[i];
                    }
                })));
    }

    @Test
    void kernelsRunOverEachBlock() {
        List<int[]> calls = Collections.synchronizedList(new ArrayList<>());
        VectorizedFunction twice = recording(calls);
        double[] x = ramp(1000);
        Compute.Options blocks = Compute.Options.defaults().blockSize(300);
        // On the bound array: the kernel reads x and writes the result in place, block by block.
        Compute.compute(new Call(twice, List.of(X)), Map.of("x", x), blocks);
        assertEquals(List.of("0-300", "300-600", "600-900", "900-1000"), ranges(calls));
        calls.clear();
        // On an intermediate value: block-sized registers, each call from 0.
        Compute.compute(new Call(twice, List.of(X.add(1.0))), Map.of("x", x), blocks);
        assertEquals(List.of("0-300", "0-300", "0-300", "0-100"), ranges(calls));
    }

    @Test
    void aCallOnBoundArraysUsesTheResultBlockAsScratch() {
        double[] x = ramp(1000);
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        Map<String, Object> data = Map.of("x", x, "f", f);
        Expr poly = new Call(TestFunctions.POLY, List.of(X));
        Expr polyF = new Call(TestFunctions.POLY, List.of(Expr.symbol("f", DType.FLOAT32)));
        String plan = Compute.explain(poly.add(1.0), data, Compute.Options.defaults().generateLoops(false));
        assertTrue(plan.contains("  1. result = TestFunctions.poly(x)  [generated scalar kernel]\n"
                + "  2. result = result + 1"), plan);
        // Only one live value at a time in the result block; calls on it get registers.
        List<Expr> cases = List.of(poly.add(1.0), poly.mul(poly).sub(X), poly.add(poly.mul(2.0)),
                new Call(TestFunctions.POLY, List.of(poly.add(1.0))).mul(poly),
                poly.add(1.0).mul(2.0).add(new Call(TestFunctions.POLY, List.of(poly))),
                polyF.add(1.0), polyF.mul(polyF), poly.add(polyF), new Call(TestFunctions.SIGN, List.of(X)).add(poly),
                poly.lt(X), Expr.where(poly.lt(0.5), poly, X));
        for (Expr e : cases) {
            Object reference = Compute.compute(e, data, false);
            for (Compute.Options options : List.of(Compute.Options.defaults(), Compute.Options.defaults().blockSize(300),
                    Compute.Options.defaults().blockSize(300).parallel(true),
                    Compute.Options.defaults().blockSize(300).generateLoops(false))) {
                Object fused = Compute.compute(e, data, options);
                if (reference instanceof double[] d) {
                    assertArrayEquals(d, (double[]) fused, e.toString());
                } else if (reference instanceof float[] fl) {
                    assertArrayEquals(fl, (float[]) fused, e.toString());
                } else {
                    assertArrayEquals((boolean[]) reference, (boolean[]) fused, e.toString());
                }
            }
        }
    }

    private static List<String> ranges(List<int[]> calls) {
        List<String> ranges = new ArrayList<>();
        for (int[] call : calls) {
            ranges.add(call[0] + "-" + call[1]);
        }
        return ranges;
    }

    @Test
    void kernelExceptionsReachTheCallerAsThemselves() {
        IllegalStateException failure = new IllegalStateException("kernel failed");
        VectorizedFunction failing = new VectorizedFunction(ComputeCallsTest.class, "failing", List.of(
                new VectorizedFunction.Overload(DType.FLOAT64, List.of(DType.FLOAT64),
                        VectorizedFunction.Implementation.REFLECTIVE, (a, out, from, to) -> {
                            throw failure;
                        })));
        double[] x = ramp(100_000);
        for (Compute.Options options : List.of(Compute.Options.defaults(), Compute.Options.defaults().parallel(true),
                Compute.Options.defaults().optimize(false))) {
            assertSame(failure, assertThrows(IllegalStateException.class,
                    () -> Compute.compute(new Call(failing, List.of(X.mul(2.0))), Map.of("x", x), options)));
        }
    }

    @Test
    void anOverloadWithoutALaneFunctionHoldsNoOperations() {
        RangeKernel kernel = (a, out, from, to) -> { };
        List<DType> one = List.of(DType.FLOAT64);
        VectorizedFunction.Implementation simd = VectorizedFunction.Implementation.GENERATED_SIMD;
        assertEquals(0, new VectorizedFunction.Overload(DType.FLOAT64, one, simd, kernel, null, 7).laneOperations());
        assertEquals(0, new VectorizedFunction.Overload(DType.FLOAT64, one, simd, kernel).laneOperations());
    }

    @Test
    void anOverloadChecksItsLaneFunctionsSizeAndType() {
        assumeTrue(Simd.ENABLED, "lane functions exist only with the Vector API");
        RangeKernel kernel = (a, out, from, to) -> { };
        List<DType> one = List.of(DType.FLOAT64);
        VectorizedFunction.Implementation simd = VectorizedFunction.Implementation.GENERATED_SIMD;
        java.lang.invoke.MethodHandle poly = TestFunctions.POLY.overloads().get(1).lanes();
        // Larger than the processor writes: kept, and a loop refuses it (see FusedLoopTest).
        assertEquals(100, new VectorizedFunction.Overload(DType.FLOAT64, one, simd, kernel, poly, 100).laneOperations());
        assertEquals("a lane function holds 0 or more vector operations, not -1",
                assertThrows(IllegalArgumentException.class,
                        () -> new VectorizedFunction.Overload(DType.FLOAT64, one, simd, kernel, poly, -1)).getMessage());
        assertEquals(0, new VectorizedFunction.Overload(DType.FLOAT64, one, simd, kernel, poly, 0).laneOperations());
        assertEquals(VectorizedFunction.Overload.MAX_LANE_OPERATIONS,
                new VectorizedFunction.Overload(DType.FLOAT64, one, simd, kernel, poly).laneOperations());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VectorizedFunction.Overload(DType.FLOAT32,
                List.of(DType.FLOAT32), simd, kernel, poly, 7)).getMessage()
                .startsWith("a lane function is for a float64 signature"));
    }

    @Test
    void explainSaysHowEachCallRuns() {
        Map<String, Object> data = Map.of("x", ramp(10_000), "mu", 1.33, "f", new float[10_000]);
        Expr e = new Call(TestFunctions.POLY, List.of(X.sub(1.33))).add(new Call(TestFunctions.SIGN, List.of(X)))
                .add(new Call(TestFunctions.POLY, List.of(Expr.symbol("f", DType.FLOAT32))));
        String plan = Compute.explain(e, data);
        String[] lines = plan.split("\n");
        assertEquals("fused pass over 10,000 elements in blocks of 4096 (1 thread)", lines[0]);
        assertEquals("  1. t0 = x - 1.33  [" + ARITHMETIC + "]", lines[1]);
        assertEquals("  2. t1 = TestFunctions.poly(t0)  [generated scalar kernel]", lines[2]);
        assertTrue(plan.contains("= TestFunctions.sign(t")) ;
        assertTrue(plan.contains("[reflective fallback]"), plan);
        assertTrue(plan.contains("= TestFunctions.poly(t") && plan.contains("[generated SIMD kernel]"), plan);
        assertTrue(lines[lines.length - 1].startsWith("  " + (lines.length - 1) + ". result = "), plan);
    }

    @Test
    void explainShowsScalarsPrePassesAndThreads() {
        double[] x = ramp(100_000);
        Map<String, Object> data = Map.of("x", x, "mu", -1.33, "sigma", 1.25);
        String gaussian = Compute.explain(ComputeTesting.gaussian(), data);
        assertTrue(gaussian.contains("scalars, computed once: c0 = 1 / (sigma * sqrt(2 * 3.141592653589793)),"
                + " c1 = -(2 * sigma ** 2)"), gaussian);
        assertTrue(gaussian.contains("exp(t"), gaussian);
        assertEquals(ComputeTesting.LOOPS, gaussian.startsWith(
                "fused pass over 100,000 elements in one generated Vector API loop (1 thread)\n"), gaussian);
        assertEquals(ComputeTesting.LOOPS, gaussian.contains("exp(t2)  [in the generated loop]"), gaussian);
        assertTrue(Compute.explain(ComputeTesting.gaussian(), data, Compute.Options.defaults().generateLoops(false))
                .contains("exp(t2)  [" + (ComputeTesting.LOOPS ? "fused block evaluation, Vector API" : "fused block evaluation")
                        + "]"));
        String standardized = Compute.explain(X.sub(X.mean()).div(X.std()), data,
                Compute.Options.defaults().parallel(true));
        int threads = Parallel.parallelism();
        String threadCount = " (" + threads + " thread" + (threads == 1 ? "" : "s") + ")";
        String pass = "fused pass over 100,000 elements in blocks of 4096" + threadCount;
        String main = ComputeTesting.LOOPS ? "fused pass over 100,000 elements in one generated Vector API loop" + threadCount
                : pass;
        String how = ComputeTesting.LOOPS ? "in the generated loop" : ARITHMETIC;
        assertEquals("pre-pass for r0 = mean(x): " + pass + "\n"
                + "  1. r0 = mean(x)  [fused block evaluation; block partials combined in block order]\n"
                + "pre-pass for r1 = std(x): " + pass + "\n"
                + "  1. r1 = std(x)  [fused block evaluation; block partials combined in block order]\n"
                + main + "\n"
                + "  1. t0 = x - r0  [" + how + "]\n"
                + "  2. result = t0 / r1  [" + how + "]\n", standardized);
        assertEquals("operator by operator over whole arrays (optimize = false)\n",
                Compute.explain(X, data, Compute.Options.defaults().optimize(false)));
    }
}
