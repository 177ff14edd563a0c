package io.jvectorize.spark;

import static io.jvectorize.spark.BenchmarkOptions.median;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.sum;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.samples.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The scale story, measured: the seed's Gaussian and a group-by over 10^7 cached rows on Spark
 * (hand-written Spark built-ins; {@link SparkCompute}'s translation of the expression, which is
 * built-ins too; the {@code @Vectorize} kernel path, a UDF of {@code Seed.gaussian}) and in one
 * JVM ({@link Compute}; for the group-by, {@code Compute} for the values and a hand-written
 * loop over dense keys, as the in-JVM {@code Table.groupBy} is not on this branch). Every Spark
 * variant writes its result to Spark's {@code noop} sink; medians of the rounds, each as a ratio
 * to Spark's {@code x + 1} in the same run. Not a test.
 *
 * <pre>{@code mvn -B -q -pl spark -am -DskipTests -Pspark-bench verify \
 *     -Dspark.bench.class=io.jvectorize.spark.ScaleBenchmark -Dspark.bench.args="--master local[2]"}</pre>
 */
public final class ScaleBenchmark {
    private static final int KEYS = 1000;
    private static final String GAUSSIAN = "1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))"
            .replace("sigma", String.valueOf(Seed.SIGMA)).replace("mu", String.valueOf(Seed.MU));

    /** Where the loops' results go, so that the JIT keeps them. */
    static volatile Object sink;

    private ScaleBenchmark() {}

    public static void main(String[] args) {
        BenchmarkOptions options = BenchmarkOptions.parse(args, 5);
        long rows = options.rows();
        String master = options.master();
        int repeats = options.repeats();
        SparkSession spark = options.session("scale-benchmark");
        Dataset<Row> data = spark.range(rows)
                .select(rand(42).multiply(6).minus(4).as("x"), col("id").mod(KEYS).cast("int").as("key"))
                .persist(StorageLevel.MEMORY_ONLY());
        data.count();

        Expr gaussian = Expr.parse(GAUSSIAN);
        Expr kernel = Expr.parse("Seed.gaussian(x)");
        double normalizer = 1.0 / (Seed.SIGMA * Math.sqrt(2.0 * Math.PI));
        Column d = col("x").minus(Seed.MU);
        Column builtIn = lit(normalizer).multiply(exp(d.multiply(d).multiply(-1.0).divide(2.0 * Seed.SIGMA * Seed.SIGMA)));
        SparkTable table = SparkCompute.table(data);

        List<String> names = new ArrayList<>();
        List<Supplier<Dataset<?>>> variants = new ArrayList<>();
        names.add("x + 1, Spark built-in");
        variants.add(() -> data.select(col("x").plus(1)));
        names.add("Gaussian, Spark built-ins by hand");
        variants.add(() -> data.select(builtIn));
        names.add("Gaussian, SparkCompute (built-ins)");
        variants.add(() -> data.select(SparkCompute.column(gaussian)));
        names.add("Gaussian, SparkCompute (kernel UDF)");
        variants.add(() -> data.select(SparkCompute.column(kernel)));
        names.add("group-by sum/count/mean, Spark by hand");
        variants.add(() -> data.groupBy("key").agg(sum("x"), count("x"), avg("x")));
        names.add("group-by sum/count/mean, Spark by hand, key order");
        variants.add(() -> data.groupBy("key").agg(sum("x"), count("x"), avg("x")).orderBy(col("key").asc_nulls_last()));
        names.add("group-by sum/count/mean, SparkTable");
        variants.add(() -> table.groupBy("key").agg("sum(x) as s", "count(x) as n", "mean(x) as m").dataset());
        names.add("group-by sum(Gaussian), SparkTable built-ins");
        variants.add(() -> table.groupBy("key").agg("sum(" + GAUSSIAN + ") as s").dataset());
        names.add("group-by sum(Gaussian), SparkTable kernel");
        variants.add(() -> table.groupBy("key").agg("sum(Seed.gaussian(x)) as s").dataset());

        System.out.printf(Locale.ROOT, "%s, %,d rows cached, %d rounds, median ms; ratio to x + 1 on Spark%n",
                master, rows, repeats);
        double[][] ms = new double[variants.size()][repeats];
        for (int round = -2; round < repeats; round++) {
            for (int v = 0; v < variants.size(); v++) {
                long start = System.nanoTime();
                variants.get(v).get().write().format("noop").mode("overwrite").save();
                if (round >= 0) {
                    ms[v][round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        double copy = median(ms[0]);
        for (int v = 0; v < variants.size(); v++) {
            System.out.printf(Locale.ROOT, "%-46s %9.1f ms %7.2fx%n", names.get(v), median(ms[v]), median(ms[v]) / copy);
        }
        data.unpersist();
        spark.stop();
        inJvm((int) rows, repeats, copy);
    }

    /** The same computations on arrays in this JVM, round-robin, against Spark's x + 1 of the run. */
    private static void inJvm(int rows, int repeats, double copy) {
        SplittableRandom random = new SplittableRandom(42);
        double[] xs = random.doubles(rows, -4, 2).toArray();
        int[] keys = new int[rows];
        for (int i = 0; i < rows; i++) {
            keys[i] = i % KEYS;
        }
        double[] out = new double[rows];
        Map<String, Object> bound = Map.of("x", xs);
        Expr gaussian = Expr.parse(GAUSSIAN);
        Expr kernel = Expr.parse("Seed.gaussian(x)", Map.of("x", DType.FLOAT64));
        List<String> names = new ArrayList<>();
        List<Runnable> runs = new ArrayList<>();
        for (boolean parallel : new boolean[] {false, true}) {
            Compute.Options options = Compute.Options.defaults().parallel(parallel);
            String how = parallel ? ", parallel" : "";
            names.add("Gaussian, Compute (expression)" + how);
            runs.add(() -> Compute.computeInto(gaussian, bound, out, options));
            names.add("Gaussian, Compute (kernel)" + how);
            runs.add(() -> Compute.computeInto(kernel, bound, out, options));
        }
        names.add("group-by sum/count/mean, loop");
        runs.add(() -> sink = groupSums(keys, xs));
        names.add("group-by sum(Gaussian), Compute + loop");
        runs.add(() -> {
            Compute.computeInto(gaussian, bound, out);
            sink = groupSums(keys, out);
        });
        double[][] ms = new double[runs.size()][repeats];
        for (int round = -2; round < repeats; round++) {
            for (int r = 0; r < runs.size(); r++) {
                long start = System.nanoTime();
                runs.get(r).run();
                if (round >= 0) {
                    ms[r][round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        for (int r = 0; r < runs.size(); r++) {
            System.out.printf(Locale.ROOT, "%-46s %9.1f ms %7.2fx%n", names.get(r), median(ms[r]), median(ms[r]) / copy);
        }
    }

    /** Sums, counts and means of {@code values} per dense key. */
    private static double[][] groupSums(int[] keys, double[] values) {
        double[] sums = new double[KEYS];
        double[] counts = new double[KEYS];
        for (int i = 0; i < keys.length; i++) {
            sums[keys[i]] += values[i];
            counts[keys[i]]++;
        }
        double[] means = new double[KEYS];
        for (int k = 0; k < KEYS; k++) {
            means[k] = sums[k] / counts[k];
        }
        return new double[][] {sums, counts, means};
    }

}
