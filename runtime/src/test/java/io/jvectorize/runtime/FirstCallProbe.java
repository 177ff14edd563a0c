package io.jvectorize.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The first Compute call in a fresh JVM (#18), split in two: the calling thread's CPU time of
 * the first {@link Expr#parse} of the seed's Gaussian, then of the first
 * {@link Compute#computeInto} on 10,000 elements. CPU time of the one thread, which the other
 * load of a shared machine changes less than the wall time. Not a test: run it once per fresh
 * JVM, as docs/performance.md says, and take the spread over several runs.
 *
 * <p>Prints {@code parse <ms> compute <ms> both <ms>}.
 */
final class FirstCallProbe {

    /** The seed's Gaussian, as the benchmarks' SeedData writes it. */
    static final String GAUSSIAN = "1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))";

    private FirstCallProbe() {}

    public static void main(String[] args) {
        double[] x = new SplittableRandom(42).doubles(10_000, -4.0, 2.0).toArray();
        double[] out = new double[x.length];
        Map<String, Object> data = Map.of("x", x, "mu", -1.33, "sigma", 1.25);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        Expr gaussian = Expr.parse(GAUSSIAN);
        long parsed = threads.getCurrentThreadCpuTime();
        Compute.computeInto(gaussian, data, out);
        long computed = threads.getCurrentThreadCpuTime();
        if (Double.isNaN(out[x.length / 2])) { // uses the result
            throw new IllegalStateException("the Gaussian gave NaN");
        }
        System.out.printf("parse %.1f compute %.1f both %.1f%n", (parsed - start) / 1e6, (computed - parsed) / 1e6,
                (computed - start) / 1e6);
    }
}
