package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The seed's Gaussian, {@code 1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))}, mu and sigma scalars. */
class ComputeGaussianTest {

    private static final double MU = -1.33;
    private static final double SIGMA = 1.25;

    private static double[] data(int n) {
        Random random = new Random(17);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() * 4;
        }
        System.arraycopy(ComputeTesting.SPECIAL_DOUBLES, 0, x, 0, ComputeTesting.SPECIAL_DOUBLES.length);
        return x;
    }

    /** The plain loop, in the expression's order of operations (its scalar parts computed once). */
    private static double[] plainLoop(double[] x) {
        double normalizer = 1 / (SIGMA * Math.sqrt(2 * Math.PI));
        double twoSigmaSquared = 2 * (SIGMA * SIGMA);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - MU;
            out[i] = normalizer * Math.exp(-(d * d) / twoSigmaSquared);
        }
        return out;
    }

    @Test
    void equalsThePlainLoop() {
        double[] x = data(100_003);
        Map<String, Object> data = Map.of("x", x, "mu", MU, "sigma", SIGMA);
        double[] expected = plainLoop(x);
        Expr gaussian = ComputeTesting.gaussian();
        ComputeTesting.assertSameBits(expected, Compute.compute(gaussian, data, false), "optimize = false");
        Compute.Options exact = Compute.Options.defaults().vectorMath(false);
        ComputeTesting.assertSameBits(expected, Compute.compute(gaussian, data, exact), "fused, exact math");
        ComputeTesting.assertSameBits(expected, Compute.compute(gaussian, data, exact.parallel(true)), "parallel");
        ComputeTesting.assertSameBits(expected, Compute.compute(gaussian, data, exact.blockSize(100)), "blocks of 100");
        // With the Vector API's exp: within its bound, plus the multiplication's rounding.
        double[] fused = (double[]) Compute.compute(gaussian, data);
        for (int i = 0; i < x.length; i++) {
            long ulps = ComputeTesting.ulps(expected[i], fused[i]);
            assertTrue(ulps <= Compute.VECTOR_MATH_ULPS + 1, "at " + x[i] + ": " + ulps + " ulp");
        }
    }

    @Test
    void float32EqualsTheReference() {
        double[] x = data(50_000);
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        Map<String, Object> data = Map.of("x", f, "mu", (float) MU, "sigma", (float) SIGMA);
        Expr gaussian = ComputeTesting.gaussian(DType.FLOAT32);
        assertEquals(DType.FLOAT32, gaussian.dtype());
        Object expected = Compute.compute(gaussian, data, false);
        ComputeTesting.assertSameBits(expected, Compute.compute(gaussian, data,
                Compute.Options.defaults().vectorMath(false)), "float32 gaussian");
        float[] fused = (float[]) Compute.compute(gaussian, data);
        for (int i = 0; i < f.length; i++) {
            // exp in double within a few ulp, then rounded to float: at most one float ulp apart.
            float e = ((float[]) expected)[i];
            assertTrue(e == fused[i] || Float.isNaN(e) && Float.isNaN(fused[i]) || Math.abs(e - fused[i]) <= Math.ulp(e),
                    "at " + f[i] + ": " + fused[i] + " vs " + e);
        }
    }

    @Test
    void parsedTextComputesTheSame() {
        Expr parsed = Expr.parse("1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))");
        double[] x = data(10_000);
        Map<String, Object> data = Map.of("x", x, "mu", MU, "sigma", SIGMA);
        Compute.Options exact = Compute.Options.defaults().vectorMath(false);
        ComputeTesting.assertSameBits(Compute.compute(ComputeTesting.gaussian(), data, exact),
                Compute.compute(parsed, data, exact), "parsed");
        ComputeTesting.assertSameBits(plainLoop(x), Compute.compute(parsed, data, false), "parsed, optimize = false");
    }
}
