package io.jvectorize.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Checks of Compute's results where the vector library computes math functions: within a bound
 * of a scalar reference, once the vector routines have run.
 */
public final class VectorMathChecks {
    /** What {@link Compute#explain} says of a pass that runs in a loop of its own. */
    public static final String LOOP = "in one generated Vector API loop";
    /**
     * Whether Compute generates loops on this machine: with the Vector API, on vectors of 256
     * bits or more. There it computes math functions with the vector library.
     */
    public static final boolean LOOPS_HERE =
            Compute.explain(Expr.parse("x + 1"), Map.of("x", new double[64])).contains(LOOP);
    /** How long {@link #assertWithin} calls Compute, at most, until the vector routines run. */
    private static final long WARM_UP_NANOS = 10_000_000_000L;

    private VectorMathChecks() {}

    /**
     * Compute's results for {@code e} on {@code data}, serial and parallel into an array, are each
     * within {@code ulps} ulps of max(|expected|, scale) of {@code f} applied to {@code data}'s
     * {@code x}, NaN only for NaN, an infinity or a zero only for the same. Until C2 has compiled
     * the loop, the Vector API's fallback computes with Math, so where the loops run, the serial
     * call is repeated, for at most {@value #WARM_UP_NANOS} ns, until some value differs from
     * {@code f}'s: the vector routines' mark, without which the bound would pass untested.
     */
    public static void assertWithin(Expr e, Map<String, ?> data, DoubleUnaryOperator f, int ulps, double scale) {
        double[] x = (double[]) data.get("x");
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = f.applyAsDouble(x[i]);
        }
        double[] serial;
        long start = System.nanoTime();
        do {
            serial = (double[]) Compute.compute(e, data);
        } while (LOOPS_HERE && Arrays.equals(serial, expected) && System.nanoTime() - start < WARM_UP_NANOS);
        double[] parallel = new double[x.length];
        Compute.computeInto(e, data, parallel, Compute.Options.defaults().parallel(true));
        for (double[] actual : new double[][] {serial, parallel}) {
            String which = actual == serial ? "" : " (parallel)";
            for (int i = 0; i < x.length; i++) {
                assertTrue(within(expected[i], actual[i], ulps, scale), e + which + " at x = " + x[i] + ": "
                        + actual[i] + ", expected " + expected[i] + " within " + ulps + " ulps of max(|expected|, "
                        + scale + ")");
            }
        }
    }

    /** Whether {@code actual} is within the bound of {@code expected}: NaN only for NaN, an infinity or a zero only for the same. */
    private static boolean within(double expected, double actual, int ulps, double scale) {
        if (Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)) {
            return true;
        }
        if (!Double.isFinite(expected) || !Double.isFinite(actual) || expected == 0 && actual == 0) {
            return false;
        }
        return Math.abs(actual - expected) <= ulps * Math.ulp(Math.max(Math.abs(expected), scale));
    }
}
