package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import io.jvectorize.samples.Seed;
import io.jvectorize.samples.SeedVectorized;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One fresh-JVM call sequence of the Gaussian: {@code calls} calls of one variant on
 * {@code size} elements, each call timed alone, the times printed one per line in nanoseconds.
 * {@link FirstCalls} starts one JVM per variant and size and prints the table; this class is
 * its child. The data is made before the first call and reused, as a user's would be; every
 * call writes into the same {@code out} array, so no call pays for allocating its result.
 *
 * <p>Usage: {@code FirstCallSequence VARIANT SIZE CALLS}, VARIANT one of {@code java-loop},
 * {@code generated}, {@code compute}. The {@code compute} variant also prints, first, the time
 * of {@code Expr.parse} on a line of its own starting with {@code parse}; every variant prints
 * the calling thread's CPU time in the first call on a line starting with {@code cpu}, a figure
 * that other load on the machine changes less than the wall time.
 */
public final class FirstCallSequence {

    /** The variants, as their names on the command line. */
    public enum Variant {
        /** A plain Java loop calling {@link Seed#gaussian} element by element. */
        JAVA_LOOP("java-loop"),
        /** The generated kernel {@code SeedVectorized.gaussian(x, out)}. */
        GENERATED("generated"),
        /** {@code Compute.computeInto} of the Gaussian written out as an expression. */
        COMPUTE("compute");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        static Variant of(String label) {
            for (Variant variant : values()) {
                if (variant.label.equals(label)) {
                    return variant;
                }
            }
            throw new IllegalArgumentException("unknown variant \"" + label + "\": use java-loop, generated or compute");
        }
    }

    private FirstCallSequence() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: FirstCallSequence VARIANT SIZE CALLS");
        }
        Variant variant = Variant.of(args[0]);
        int size = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        double[] x = new SplittableRandom(42).doubles(size, -4.0, 2.0).toArray();
        double[] out = new double[size];
        long[] times = new long[calls];
        StringBuilder text = new StringBuilder(calls * 8);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long cpuFirst = -1;
        switch (variant) {
            case JAVA_LOOP:
                for (int c = 0; c < calls; c++) {
                    long start = System.nanoTime();
                    javaLoop(x, out);
                    times[c] = System.nanoTime() - start;
                    cpuFirst = c == 0 ? threads.getCurrentThreadCpuTime() - cpuStart : cpuFirst;
                }
                break;
            case GENERATED:
                for (int c = 0; c < calls; c++) {
                    long start = System.nanoTime();
                    SeedVectorized.gaussian(x, out);
                    times[c] = System.nanoTime() - start;
                    cpuFirst = c == 0 ? threads.getCurrentThreadCpuTime() - cpuStart : cpuFirst;
                }
                break;
            default:
                long parseStart = System.nanoTime();
                Expr gaussian = Expr.parse(SeedData.GAUSSIAN);
                text.append("parse ").append(System.nanoTime() - parseStart).append('\n');
                Map<String, Object> data = Map.of("x", x, "mu", Seed.MU, "sigma", Seed.SIGMA);
                for (int c = 0; c < calls; c++) {
                    long start = System.nanoTime();
                    Compute.computeInto(gaussian, data, out);
                    times[c] = System.nanoTime() - start;
                    cpuFirst = c == 0 ? threads.getCurrentThreadCpuTime() - cpuStart : cpuFirst;
                }
        }
        text.append("cpu ").append(cpuFirst).append('\n');
        for (long time : times) {
            text.append(time).append('\n');
        }
        System.out.print(text);
        System.out.flush();
        if (Double.isNaN(out[size / 2])) { // uses the result, and checks it
            throw new IllegalStateException("the Gaussian gave NaN");
        }
    }

    /** The Gaussian as a user would loop over it by hand. */
    static void javaLoop(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Seed.gaussian(x[i]);
        }
    }
}
