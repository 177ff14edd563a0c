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
 * time of {@code computeInto} with the default options (the generated Vector API loop where the
 * pass has one, waited for), on the block engine alone ({@code generateLoops(false)}) and on the
 * reference engine, and of the copy kernel, alternating in one JVM, medians of 11 calls after 40
 * of warm-up (each the mean of enough calls for 10^6 pairs), so that waiting for a core counts less than in JMH's wall-clock times. Serial
 * only: it cannot show what threads give.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -cp
 * benchmarks/target/classes:<classpath> io.jvectorize.benchmarks.ComplexCpuTime [size]}.
 */
public final class ComplexCpuTime {

    /** Rounds before the 11 measured: enough for C2 to compile every engine's code on a busy machine. */
    private static final int WARM_UP = 40;

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
                "w", random.doubles(2 * n, -2.0, 2.0).toArray(), "y", y, "v", v,
                "a", random.doubles(n, -2.0, 2.0).toArray(), "b", random.doubles(n, -2.0, 2.0).toArray());
        Map<String, DType> types = Map.of("z", DType.COMPLEX128, "w", DType.COMPLEX128, "y", DType.COMPLEX64,
                "v", DType.COMPLEX64, "a", DType.FLOAT64, "b", DType.FLOAT64);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] z = (double[]) data.get("z");
        double[] copied = new double[2 * n];
        // Each time covers at least 10^6 pairs: a CPU clock's tick is too coarse for fewer.
        int repeats = Math.max(1, 1_000_000 / n);
        Compute.Options loops = Compute.Options.defaults();
        Compute.Options blocks = loops.generateLoops(false);
        Compute.Options reference = loops.optimize(false);
        for (String text : new String[] {"z * w + 1j", "z * a - w", "complex(a, b) * z", "y * v + 1j", "exp(z) * w"}) {
            Expr e = Expr.parse(text, types);
            Object out = text.startsWith("y") ? new float[2 * n] : new double[2 * n];
            Compute.computeInto(e, data, out, loops); // starts the generated loop's warming, where it has one
            waitForTheLoop(e, data);
            double[][] times = new double[4][11];
            for (int round = 0; round < WARM_UP + 11; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int r = 0; r < repeats; r++) {
                    copy(z, copied);
                }
                long copy = threads.getCurrentThreadCpuTime();
                for (int r = 0; r < repeats; r++) {
                    Compute.computeInto(e, data, out, loops);
                }
                long loop = threads.getCurrentThreadCpuTime();
                for (int r = 0; r < repeats; r++) {
                    Compute.computeInto(e, data, out, blocks);
                }
                long block = threads.getCurrentThreadCpuTime();
                for (int r = 0; r < repeats; r++) {
                    Compute.computeInto(e, data, out, reference);
                }
                long end = threads.getCurrentThreadCpuTime();
                if (round >= WARM_UP) {
                    times[0][round - WARM_UP] = (copy - start) / 1e6 / repeats;
                    times[1][round - WARM_UP] = (loop - copy) / 1e6 / repeats;
                    times[2][round - WARM_UP] = (block - loop) / 1e6 / repeats;
                    times[3][round - WARM_UP] = (end - block) / 1e6 / repeats;
                }
            }
            for (double[] t : times) {
                Arrays.sort(t);
            }
            System.out.printf("%-12s copy %7.4f ms; default (%s) %7.4f ms = %.2fx copy; block engine alone %7.4f ms = "
                    + "%.2fx copy; whole arrays %7.4f ms; default/block engine %.2f, block engine/whole arrays %.2f%n",
                    text, times[0][5], Compute.explain(e, data).lines().findFirst().orElse("").contains("generated Vector API loop")
                            ? "generated loop" : "block engine", times[1][5], times[1][5] / times[0][5], times[2][5],
                    times[2][5] / times[0][5], times[3][5], times[1][5] / times[2][5], times[2][5] / times[3][5]);
        }
    }

    /** The copy kernel: {@code out[i] = x[i] + 1} over the same doubles, the speed of memory. */
    private static void copy(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + 1;
        }
    }

    /** Up to 10 s of calls until explain says the pass runs on its generated loop (a pass without one never does). */
    private static void waitForTheLoop(Expr e, Map<String, Object> data) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && !Compute.explain(e, data).contains("generated Vector API loop")) {
            Compute.compute(e, data);
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
