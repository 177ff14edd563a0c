package io.jvectorize.spark;

import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * What the Spark benchmarks of the test sources ({@link KernelCallBenchmark}, {@link ScaleBenchmark})
 * share: their command line ({@code --rows N --master local[K] --repeats R}), the local session
 * they run on, and the median of their rounds.
 */
record BenchmarkOptions(long rows, String master, int repeats) {

    /** The options of {@code args}, 10^7 rows on {@code local[2]} and {@code defaultRepeats} rounds where not given. */
    static BenchmarkOptions parse(String[] args, int defaultRepeats) {
        long rows = 10_000_000;
        String master = "local[2]";
        int repeats = defaultRepeats;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + args[i] + " has no value; options: " + USAGE);
            }
            switch (args[i]) {
                case "--rows": rows = Long.parseLong(args[i + 1]); break;
                case "--master": master = args[i + 1]; break;
                case "--repeats": repeats = Integer.parseInt(args[i + 1]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + USAGE);
            }
        }
        return new BenchmarkOptions(rows, master, repeats);
    }

    private static final String USAGE = "--rows N --master local[K] --repeats R";

    /** A local session without UI, two shuffle partitions, bound to the loopback address. */
    SparkSession session(String appName) {
        return SparkSession.builder().master(master).appName(appName)
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
