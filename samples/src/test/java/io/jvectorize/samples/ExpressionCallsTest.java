package io.jvectorize.samples;

import static io.jvectorize.samples.VectorMathChecks.LOOP;
import static io.jvectorize.samples.VectorMathChecks.LOOPS_HERE;
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

    /**
     * Calls of functions that compute with the vector library's math routines are within the
     * bounds the docs state for them (SampleBounds): the Gaussian in ulps of its result, the wave
     * in ulps of 1.0, the bound of its terms, and the wave minus 1 in ulps of 1.0 too, where the
     * subtraction's rounding can add one (a tie, for a wave in (-1, -0.5], can round two values 1
     * ulp apart to 2 apart; measured: 1).
     */
    @Test
    void transcendentalFunctionsAreWithinTheBound() {
        Map<String, Object> data = Map.of("x", data(10_007));
        assertWithin("2 * Seed.gaussian(x)", data, v -> 2 * Seed.gaussian(v), SampleBounds.GAUSSIAN_ULPS, 0);
        assertWithin("Waves.wave(x)", data, Waves::wave, SampleBounds.WAVE_ULPS, SampleBounds.WAVE_SCALE);
        assertWithin("Waves.wave(x) - 1", data, v -> Waves.wave(v) - 1, SampleBounds.WAVE_ULPS + 1,
                SampleBounds.WAVE_SCALE);
    }

    /** {@link VectorMathChecks#assertWithin}, where the call runs in a generated loop wherever {@code x + 1} does. */
    private static void assertWithin(String text, Map<String, Object> data, DoubleUnaryOperator f, int ulps, double scale) {
        Expr e = Expr.parse(text);
        assertEquals(LOOPS_HERE, Compute.explain(e, data).contains(LOOP), text);
        VectorMathChecks.assertWithin(e, data, f, ulps, scale);
    }

    private static void assertSameValue(double expected, double actual, double x) {
        assertTrue(Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)
                || Double.isNaN(expected) && Double.isNaN(actual), "at " + x + ": " + actual + ", expected " + expected);
    }
}
