package io.jvectorize.samples.readme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import io.jvectorize.samples.SampleBounds;
import io.jvectorize.samples.VectorMathChecks;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calls of the README's quickstart and of docs/expressions.md give the results they show. */
class ReadmeExampleTest {

    @Test
    void polyAllocatesTheResult() {
        assertArrayEquals(new double[] {1.0, 10.0, 29.0}, CurvesVectorized.poly(new double[] {0, 1, 2}));
    }

    @Test
    void polyWritesInPlace() {
        double[] t = {0, 1, 2};
        CurvesVectorized.poly(t, t);
        assertArrayEquals(new double[] {1.0, 10.0, 29.0}, t);
    }

    @Test
    void float32SignatureComputesInDoubleAndCasts() {
        assertArrayEquals(new float[] {10.0f, 29.0f}, CurvesVectorized.poly(new float[] {1f, 2f}));
    }

    @Test
    void hypotBroadcastsItsScalarArgument() {
        assertArrayEquals(new double[] {5.0, 6.4031242374328485}, CurvesVectorized.hypot(new double[] {3, 5}, 4));
    }

    /** The README's Gaussian, as Java computes it: only exp differs from the expression's. */
    private static double gaussian(double x) {
        return 1 / (1.25 * Math.sqrt(2 * Math.PI)) * Math.exp(-Math.pow(x + 1.33, 2) / (2 * 1.25 * 1.25));
    }

    @Test
    void expressionsComputeTheGaussianAndCallPolyByName() {
        double[] x = {-2.5, -1.33, 0.0, 1.75};
        Map<String, Object> data = Map.of("x", x, "mu", -1.33, "sigma", 1.25);
        Expr gaussian = Expr.parse("1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))");
        double[] density = (double[]) Compute.compute(gaussian, data);
        for (int i = 0; i < x.length; i++) {
            double expected = gaussian(x[i]);
            assertEquals(expected, density[i], SampleBounds.GAUSSIAN_ULPS * Math.ulp(expected));
        }
        assertTrue(Compute.explain(gaussian, data).contains("exp("));
        // Four values run block by block, exp on Math: the vector library computes exp on longer arrays.
        double[] longer = new SplittableRandom(4).doubles(10_007, -4.0, 2.0).toArray();
        VectorMathChecks.assertWithin(gaussian, Map.of("x", longer, "mu", -1.33, "sigma", 1.25),
                ReadmeExampleTest::gaussian, SampleBounds.GAUSSIAN_ULPS, 0);

        Expr twicePlusPoly = Expr.symbol("x").mul(2).add(Expr.call("Curves.poly", Expr.symbol("x")));
        double[] y = (double[]) Compute.compute(twicePlusPoly, data);
        double[] z = (double[]) Compute.compute(Expr.parse("2 * x + Curves.poly(x)"), data);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] * 2 + Curves.poly(x[i]), y[i]);
            assertEquals(x[i] * 2 + Curves.poly(x[i]), z[i]);
        }
        assertEquals(1.75 / 4, (Double) Compute.compute(Expr.parse("mean(where(x > 0, x, 0))"), data));
    }

    @Test
    void polyParallelEqualsSerial() {
        double[] big = new double[10_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 1e-6;
        }
        assertArrayEquals(CurvesVectorized.poly(big), CurvesVectorized.polyParallel(big));
    }
}
