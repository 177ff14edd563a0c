package io.jvectorize.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.SimdWarmup;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The warm-up ({@link SimdWarmup}), in a JVM of its own where it is on (the surefire execution
 * {@code warmup}): results stay within the documented bounds at every call, before, during and
 * after the switch to the SIMD loops, and the warming ends.
 */
class WarmupTest {

    /** Random values where the Gaussian is not negligible, and the special ones. */
    private static double[] data(int size) {
        double[] x = new SplittableRandom(7).doubles(size, -4.0, 2.0).toArray();
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-310, 40.0};
        System.arraycopy(special, 0, x, 0, special.length);
        return x;
    }

    @Test
    void kernelsStayWithinTheirBoundsAtEveryCallAndSwitchToSimd() throws InterruptedException {
        assumeTrue(SimdWarmup.ENABLED, "the warm-up is off here: it runs in the surefire execution 'warmup'");
        double[] x = data(1_003);
        double[] gaussian = new double[x.length];
        double[] poly = new double[x.length];
        SeedVectorized.gaussian(x, gaussian);
        // The first call starts the warming, and runs the scalar loop: the scalar method's values.
        assertTrue(SimdWarmup.pending() > 0, "the first call started no warming");
        for (int i = 0; i < x.length; i++) {
            assertEquals(Seed.gaussian(x[i]), gaussian[i], 0.0, "element " + i + ", x = " + x[i]);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        int calls = 0;
        while ((SimdWarmup.pending() > 0 || calls < 200) && System.nanoTime() < deadline) {
            SeedVectorized.gaussian(x, gaussian);
            SeedVectorized.poly(x, poly);
            calls++;
            for (int i = 0; i < x.length; i++) {
                assertTrue(within(Seed.gaussian(x[i]), gaussian[i], SampleBounds.GAUSSIAN_ULPS),
                        "call " + calls + ", element " + i + ": " + gaussian[i] + " for " + Seed.gaussian(x[i]));
                assertEquals(Seed.poly(x[i]), poly[i], 0.0, "poly is exact arithmetic: call " + calls + ", element " + i);
            }
        }
        assertEquals(0, SimdWarmup.pending(), "the warming did not end within a minute");
    }

    @Test
    void computeStaysWithinItsBoundsAtEveryCall() throws InterruptedException {
        assumeTrue(SimdWarmup.ENABLED, "the warm-up is off here: it runs in the surefire execution 'warmup'");
        double[] x = data(10_007);
        Map<String, Object> data = Map.of("x", x, "mu", Seed.MU, "sigma", Seed.SIGMA);
        Expr polynomial = Expr.parse("(5 * x + 4) * x + 1");
        Expr gaussian = Expr.parse("1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))");
        // The reference engine: operator by operator, Math's functions.
        double[] reference = (double[]) Compute.compute(polynomial, data, false);
        double[] gaussianReference = (double[]) Compute.compute(gaussian, data, false);
        long deadline = System.nanoTime() + 60_000_000_000L;
        int calls = 0;
        while ((SimdWarmup.pending() > 0 || calls < 100) && System.nanoTime() < deadline) {
            double[] p = (double[]) Compute.compute(polynomial, data);
            double[] g = (double[]) Compute.compute(gaussian, data);
            calls++;
            for (int i = 0; i < x.length; i++) {
                assertEquals(reference[i], p[i], 0.0, "exact arithmetic: call " + calls + ", element " + i);
                assertTrue(within(gaussianReference[i], g[i], SampleBounds.GAUSSIAN_ULPS),
                        "call " + calls + ", element " + i + ": " + g[i] + " for " + gaussianReference[i]);
            }
        }
        assertEquals(0, SimdWarmup.pending(), "the warming did not end within a minute");
    }

    @Test
    void aLargeCallRunsTheSimdLoopAtOnceAsWithTheWarmUpOff() {
        assumeTrue(SimdWarmup.ENABLED, "the warm-up is off here: it runs in the surefire execution 'warmup'");
        double[] x = data(SimdWarmup.LARGE_CALL);
        double[] simd = new double[x.length];
        double[] kernel = new double[x.length];
        int pending = SimdWarmup.pending();
        // Exact arithmetic: what the kernel computes with the warm-up off, its SIMD loop, bit for bit.
        SeedVectorizedSimd.polyLoop(x, simd, 0, x.length);
        SeedVectorized.poly(x, kernel);
        assertArrayEquals(simd, kernel, "a call of LARGE_CALL elements takes the SIMD loop");
        for (int i = 0; i < x.length; i++) {
            assertEquals(Seed.poly(x[i]), kernel[i], 0.0, "poly is exact arithmetic: element " + i);
        }
        // Vector math: within the bound at every element, though the loop compiles during the call
        // (interpreted, the Vector API computes exp with Math's; compiled, with its own routine).
        SeedVectorized.gaussian(x, kernel);
        for (int i = 0; i < x.length; i++) {
            assertTrue(within(Seed.gaussian(x[i]), kernel[i], SampleBounds.GAUSSIAN_ULPS),
                    "element " + i + ": " + kernel[i] + " for " + Seed.gaussian(x[i]));
        }
        assertTrue(SimdWarmup.pending() <= pending, "a large call started a warming");
    }

    @Test
    void aLargeParallelCallRunsTheSimdLoopAtOnceHoweverItIsSplit() {
        assumeTrue(SimdWarmup.ENABLED, "the warm-up is off here: it runs in the surefire execution 'warmup'");
        // A kernel no other test here calls: its warming has not started. Split across threads, each
        // chunk is smaller than LARGE_CALL on a machine of two cores or more; the call is not.
        double[] x = data(SimdWarmup.LARGE_CALL);
        int pending = SimdWarmup.pending();
        double[] parallel = GaussianPartsVectorized.withoutExpParallel(x);
        assertTrue(SimdWarmup.pending() <= pending, "a large parallel call started a warming");
        for (int i = 0; i < x.length; i++) {
            assertEquals(GaussianParts.withoutExp(x[i]), parallel[i], 0.0, "exact arithmetic: element " + i);
        }
    }

    @Test
    void explainSaysWhichLoopRunsWhileItWarms() throws InterruptedException {
        assumeTrue(SimdWarmup.ENABLED, "the warm-up is off here: it runs in the surefire execution 'warmup'");
        Map<String, Object> data = Map.of("x", data(10_007));
        Expr expr = Expr.parse("exp(-x * x) + 0.5 * x");
        String warming = "in one generated scalar loop while its generated Vector API loop warms";
        assertTrue(Compute.explain(expr, data).contains(warming), "before the first run:\n" + Compute.explain(expr, data));
        Compute.compute(expr, data);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Compute.explain(expr, data).contains(warming) && System.nanoTime() < deadline) {
            Compute.compute(expr, data);
            Thread.sleep(1);
        }
        assertTrue(Compute.explain(expr, data).contains("in one generated Vector API loop"),
                "the loop did not warm within a minute:\n" + Compute.explain(expr, data));
    }

    @Test
    void computeOfALargeArrayStaysWithinItsBounds() {
        assumeTrue(SimdWarmup.ENABLED, "the warm-up is off here: it runs in the surefire execution 'warmup'");
        double[] x = data(SimdWarmup.LARGE_CALL);
        Map<String, Object> data = Map.of("x", x, "mu", Seed.MU, "sigma", Seed.SIGMA);
        Expr gaussian = Expr.parse("1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))");
        double[] reference = (double[]) Compute.compute(gaussian, data, false);
        double[] g = (double[]) Compute.compute(gaussian, data);
        for (int i = 0; i < x.length; i++) {
            assertTrue(within(reference[i], g[i], SampleBounds.GAUSSIAN_ULPS), "element " + i + ": " + g[i] + " for " + reference[i]);
        }
        assertTrue(Compute.explain(gaussian, data).contains("in one generated Vector API loop"),
                "a run of LARGE_CALL elements takes the generated loop at once:\n" + Compute.explain(gaussian, data));
    }

    private static boolean within(double expected, double actual, int ulps) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        return Math.abs(expected - actual) <= ulps * Math.ulp(expected);
    }
}
