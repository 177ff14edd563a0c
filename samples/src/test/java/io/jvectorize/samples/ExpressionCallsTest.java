package io.jvectorize.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Expressions that call the samples' @Vectorize functions, found through the generated
 * libraries: where the Vector API is present they run as one generated loop that calls the
 * generated lane functions, and compute what the scalar methods compute.
 */
class ExpressionCallsTest {

    private static final String LOOP = "in one generated Vector API loop";
    /**
     * Whether Compute generates loops on this machine: with the Vector API, on vectors of 256
     * bits or more. Calls with lane functions must run in one wherever {@code x + 1} does.
     */
    private static final boolean LOOPS_HERE =
            Compute.explain(Expr.parse("x + 1"), Map.of("x", new double[64])).contains(LOOP);

    private static double[] data(int n) {
        double[] x = new SplittableRandom(n).doubles(n, -4.0, 2.0).toArray();
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-310};
        for (int i = 0; i < Math.min(n, specials.length); i++) {
            x[i * 7 % n] = specials[i];
        }
        return x;
    }

    /** Compute's result for {@code text}, serial and parallel and into an array, all equal; checks where it ran. */
    private static double[] compute(String text, Map<String, Object> data) {
        Expr e = Expr.parse(text);
        // Arrays shorter than a vector (at most 32 float64 lanes, 2048-bit SVE) run block by block.
        if (((double[]) data.get("x")).length >= 32) {
            assertEquals(LOOPS_HERE, Compute.explain(e, data).contains(LOOP), text);
        }
        double[] serial = (double[]) Compute.compute(e, data);
        double[] out = new double[serial.length];
        Compute.computeInto(e, data, out, Compute.Options.defaults().parallel(true));
        for (int i = 0; i < serial.length; i++) {
            assertEquals(Double.doubleToLongBits(serial[i]), Double.doubleToLongBits(out[i]), text + " at " + i);
        }
        return serial;
    }

    @Test
    void polyPlusOneIsBitForBitTheScalarMethod() {
        for (int n : new int[] {1, 5, 1000, 100_003}) {
            double[] x = data(n);
            double[] y = compute("Seed.poly(x) + 1", Map.of("x", x));
            double[] twice = compute("Seed.poly(Seed.poly(x) * 0.5 - x)", Map.of("x", x));
            for (int i = 0; i < n; i++) {
                assertSameValue(Seed.poly(x[i]) + 1, y[i], x[i]);
                assertSameValue(Seed.poly(Seed.poly(x[i]) * 0.5 - x[i]), twice[i], x[i]);
            }
        }
    }

    @Test
    void transcendentalFunctionsAreWithinTheBound() {
        double[] x = data(10_007);
        double[] gaussian = compute("2 * Seed.gaussian(x)", Map.of("x", x));
        double[] wave = compute("Waves.wave(x) - 1", Map.of("x", x));
        assertWithin(v -> 2 * Seed.gaussian(v), x, gaussian, Compute.VECTOR_MATH_ULPS + 1);
        // wave is a sum of terms near 1: its error is in ulps of 1, not of the result.
        for (int i = 0; i < x.length; i++) {
            double expected = Waves.wave(x[i]) - 1;
            assertTrue(Double.isNaN(expected) ? Double.isNaN(wave[i])
                    : Math.abs(expected - wave[i]) <= 4 * Compute.VECTOR_MATH_ULPS * Math.ulp(1.0),
                    "wave at " + x[i] + ": " + wave[i] + ", expected " + expected);
        }
    }

    private static void assertWithin(DoubleUnaryOperator f, double[] x, double[] actual, int ulps) {
        for (int i = 0; i < x.length; i++) {
            double expected = f.applyAsDouble(x[i]);
            assertTrue(Double.isNaN(expected) ? Double.isNaN(actual[i])
                    : Math.abs(expected - actual[i]) <= ulps * Math.ulp(expected),
                    "at " + x[i] + ": " + actual[i] + ", expected " + expected);
        }
    }

    private static void assertSameValue(double expected, double actual, double x) {
        assertTrue(Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)
                || Double.isNaN(expected) && Double.isNaN(actual), "at " + x + ": " + actual + ", expected " + expected);
    }
}
