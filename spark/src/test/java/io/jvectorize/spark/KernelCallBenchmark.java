package io.jvectorize.spark;

import static io.jvectorize.spark.BenchmarkOptions.median;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.RangeKernel;
import io.jvectorize.samples.Seed;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * How to call a {@code @Vectorize} function on Spark, measured: the seed's poly and Gaussian over
 * 10^7 cached rows as Spark built-ins, as jvectorize's translation of the expression, as a
 * row-at-a-time UDF calling the scalar method ({@link SparkKernels#call}), and as batch paths
 * calling the generated array kernel on blocks of 4096 rows (typed {@code mapPartitions}, and
 * Spark's internal rows); and the in-JVM {@link Compute} on the same number of elements. Each
 * Spark row writes every result to Spark's {@code noop} sink. Medians of the repeats, and each
 * as a ratio to Spark's {@code x + 1} measured in the same run. Not a test.
 *
 * <pre>{@code mvn -B -q -pl spark -am -DskipTests -Pspark-bench verify -Dspark.bench.args="--master local[2]"}</pre>
 */
public final class KernelCallBenchmark {
    private static final int BLOCK = 4096;

    private KernelCallBenchmark() {}

    public static void main(String[] args) {
        BenchmarkOptions options = BenchmarkOptions.parse(args, 7);
        long rows = options.rows();
        String master = options.master();
        int repeats = options.repeats();
        SparkSession spark = options.session("kernel-call-benchmark");
        Dataset<Row> data = spark.range(rows).select(rand(42).multiply(6).minus(4).as("x"))
                .persist(StorageLevel.MEMORY_ONLY());
        data.count();

        NumPyColumn x = NumPyColumn.of(data, "x");
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("x + 1, Spark built-in", () -> data.select(col("x").plus(1))));
        Column polyBuiltIn = lit(5.0).multiply(col("x")).plus(4.0).multiply(col("x")).plus(1.0);
        variants.add(new Variant("poly, Spark built-ins", () -> data.select(polyBuiltIn)));
        NumPyColumn polyTranslated = NumPyColumn.apply(SparkOperator.ADD, NumPyColumn.apply(SparkOperator.MUL,
                NumPyColumn.apply(SparkOperator.ADD, NumPyColumn.apply(SparkOperator.MUL, NumPyColumn.literal(5.0), x),
                        NumPyColumn.literal(4.0)), x), NumPyColumn.literal(1.0));
        variants.add(new Variant("poly, jvectorize translation", () -> data.select(polyTranslated.column())));
        variants.add(new Variant("poly, UDF (scalar method)", () -> data.select(SparkKernels.call("poly", x).column())));
        variants.add(new Variant("poly, batch mapPartitions (kernel)", () -> typedBatches(data, "poly")));
        variants.add(new Variant("poly, batch internal rows (kernel)", () -> internalBatches(spark, data, "poly")));
        double normalizer = 1.0 / (Seed.SIGMA * Math.sqrt(2.0 * Math.PI));
        Column d = col("x").minus(Seed.MU);
        Column gaussianBuiltIn = lit(normalizer).multiply(exp(d.multiply(d).multiply(-1.0)
                .divide(2.0 * Seed.SIGMA * Seed.SIGMA)));
        variants.add(new Variant("gaussian, Spark built-ins", () -> data.select(gaussianBuiltIn)));
        NumPyColumn dx = NumPyColumn.apply(SparkOperator.SUB, x, NumPyColumn.literal(Seed.MU));
        NumPyColumn gaussianTranslated = NumPyColumn.apply(SparkOperator.MUL, NumPyColumn.literal(normalizer),
                NumPyColumn.apply(SparkOperator.EXP, NumPyColumn.apply(SparkOperator.DIV,
                        NumPyColumn.apply(SparkOperator.NEG, NumPyColumn.apply(SparkOperator.MUL, dx, dx)),
                        NumPyColumn.literal(2.0 * Seed.SIGMA * Seed.SIGMA))));
        variants.add(new Variant("gaussian, jvectorize translation", () -> data.select(gaussianTranslated.column())));
        variants.add(new Variant("gaussian, UDF (scalar method)",
                () -> data.select(SparkKernels.call("gaussian", x).column())));
        variants.add(new Variant("gaussian, batch mapPartitions (kernel)", () -> typedBatches(data, "gaussian")));
        variants.add(new Variant("gaussian, batch internal rows (kernel)", () -> internalBatches(spark, data, "gaussian")));

        System.out.printf(Locale.ROOT, "%s, %,d rows cached, %d rounds, median ms; ratio to x + 1 built-in%n",
                master, rows, repeats);
        // Round-robin: every round runs every variant once, so that a busy machine slows all alike.
        double[][] ms = new double[variants.size()][repeats];
        for (int round = -2; round < repeats; round++) {
            for (int v = 0; v < variants.size(); v++) {
                Dataset<?> dataset = variants.get(v).dataset().get();
                long start = System.nanoTime();
                dataset.write().format("noop").mode("overwrite").save();
                if (round >= 0) {
                    ms[v][round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        double copy = median(ms[0]);
        for (int v = 0; v < variants.size(); v++) {
            System.out.printf(Locale.ROOT, "%-42s %9.1f ms %7.2fx%n", variants.get(v).name(), median(ms[v]),
                    median(ms[v]) / copy);
        }
        data.unpersist();
        spark.stop();

        // The same count of elements in one JVM, into a preallocated array (no allocation timed), round-robin too.
        double[] xs = new SplittableRandom(42).doubles((int) rows, -4, 2).toArray();
        double[] out = new double[xs.length];
        Map<String, Object> bound = Map.of("x", xs);
        List<String> names = new ArrayList<>();
        List<Runnable> runs = new ArrayList<>();
        for (String text : new String[] {"x + 1", "poly(x)", "gaussian(x)",
                "1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))"}) {
            Expr e = Expr.parse(text.replace("sigma", "1.25").replace("mu", "-1.33"));
            for (boolean parallel : new boolean[] {false, true}) {
                names.add("Compute " + text + (parallel ? ", parallel" : ""));
                Compute.Options computeOptions = Compute.Options.defaults().parallel(parallel);
                runs.add(() -> Compute.computeInto(e, bound, out, computeOptions));
            }
        }
        double[][] computeMs = new double[runs.size()][repeats];
        for (int round = -2; round < repeats; round++) {
            for (int r = 0; r < runs.size(); r++) {
                long start = System.nanoTime();
                runs.get(r).run();
                if (round >= 0) {
                    computeMs[r][round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        for (int r = 0; r < runs.size(); r++) {
            System.out.printf(Locale.ROOT, "%-42s %9.1f ms %7.2fx%n", names.get(r), median(computeMs[r]),
                    median(computeMs[r]) / copy);
        }
    }

    private record Variant(String name, Supplier<Dataset<?>> dataset) {}

    /** The float64 kernel of {@code name}, found where it runs (kernels are not serializable; names are). */
    private static RangeKernel kernel(String name) {
        return SparkKernels.function(name).overloads().stream()
                .filter(o -> o.returnType() == DType.FLOAT64).findFirst().orElseThrow().kernel();
    }

    /** The kernel over blocks of a partition's values, through Spark's typed API (boxed Doubles in and out). */
    private static Dataset<Double> typedBatches(Dataset<Row> data, String function) {
        return data.select(col("x")).as(Encoders.DOUBLE()).mapPartitions(
                (MapPartitionsFunction<Double, Double>) values -> new Blocks<>(values, kernel(function), v -> v, v -> v),
                Encoders.DOUBLE());
    }

    /** The kernel over blocks of Spark's internal rows (no boxing; Spark internals, for the figure only). */
    private static Dataset<Row> internalBatches(SparkSession spark, Dataset<Row> data, String function) {
        RDD<InternalRow> in = ((org.apache.spark.sql.classic.Dataset<Row>) data.select(col("x"))).queryExecution().toRdd();
        RDD<InternalRow> out = in.toJavaRDD().mapPartitions(
                rows -> new Blocks<InternalRow, InternalRow>(rows, kernel(function), r -> r.getDouble(0),
                        v -> new GenericInternalRow(new Object[] {v}))).rdd();
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(out,
                new StructType().add("y", DataTypes.DoubleType), false);
    }

    /** Reads up to {@link #BLOCK} values, runs the kernel on them, hands out the results, and again. */
    private static final class Blocks<I, O> implements Iterator<O> {
        private final Iterator<I> input;
        private final RangeKernel kernel;
        private final java.util.function.ToDoubleFunction<I> read;
        private final java.util.function.DoubleFunction<O> write;
        private final double[] in = new double[BLOCK];
        private final double[] out = new double[BLOCK];
        private int position;
        private int length;

        Blocks(Iterator<I> input, RangeKernel kernel, java.util.function.ToDoubleFunction<I> read,
                java.util.function.DoubleFunction<O> write) {
            this.input = input;
            this.kernel = kernel;
            this.read = read;
            this.write = write;
        }

        @Override
        public boolean hasNext() {
            if (position < length) {
                return true;
            }
            length = 0;
            position = 0;
            while (length < BLOCK && input.hasNext()) {
                in[length++] = read.applyAsDouble(input.next());
            }
            if (length > 0) {
                kernel.run(new Object[] {in}, out, 0, length);
            }
            return length > 0;
        }

        @Override
        public O next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return write.apply(out[position++]);
        }
    }
}
