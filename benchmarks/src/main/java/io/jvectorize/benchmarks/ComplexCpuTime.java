package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@link ComplexBenchmarks}' comparison for a machine shared with other work: the thread CPU
 * time of {@code computeInto} on the block engine and on the reference engine, alternating in
 * one JVM, medians of 11 calls after 10 of warm-up, so that waiting for a core counts less than
 * in JMH's wall-clock times. Serial only: it cannot show what threads give.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -cp
 * benchmarks/target/classes:<classpath> io.jvectorize.benchmarks.ComplexCpuTime [size]}.
 */
public final class ComplexCpuTime {

    private ComplexCpuTime() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SplittableRandom random = new SplittableRandom(42);
        float[] y = new float[2 * n];
        float[] v = new float[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextDouble(-2.0, 2.0);
            v[i] = (float) random.nextDouble(-2.0, 2.0);
        }
        Map<String, Object> data = Map.of("z", random.doubles(2 * n, -2.0, 2.0).toArray(),
                "w", random.doubles(2 * n, -2.0, 2.0).toArray(), "y", y, "v", v);
        Map<String, DType> types = Map.of("z", DType.COMPLEX128, "w", DType.COMPLEX128, "y", DType.COMPLEX64,
                "v", DType.COMPLEX64);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String text : new String[] {"z * w + 1j", "y * v + 1j", "exp(z) * w"}) {
            Expr e = Expr.parse(text, types);
            Object out = text.startsWith("y") ? new float[2 * n] : new double[2 * n];
            double[] blocks = new double[11];
            double[] reference = new double[11];
            for (int round = 0; round < 21; round++) {
                long start = threads.getCurrentThreadCpuTime();
                Compute.computeInto(e, data, out, Compute.Options.defaults());
                long middle = threads.getCurrentThreadCpuTime();
                Compute.computeInto(e, data, out, Compute.Options.defaults().optimize(false));
                long end = threads.getCurrentThreadCpuTime();
                if (round >= 10) {
                    blocks[round - 10] = (middle - start) / 1e6;
                    reference[round - 10] = (end - middle) / 1e6;
                }
            }
            Arrays.sort(blocks);
            Arrays.sort(reference);
            System.out.printf("%-12s block engine %7.2f ms, whole arrays %7.2f ms: %.2fx%n", text, blocks[5], reference[5],
                    blocks[5] / reference[5]);
        }
    }
}
