package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Simd;
import io.jvectorize.samples.Gufuncs;
import io.jvectorize.samples.GufuncsVectorized;
import io.jvectorize.samples.Ufuncs;
import io.jvectorize.samples.UfuncsVectorized;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ufunc methods' reduce and one gufunc against their floors. Reduce of {@code add}: the
 * generated left fold ({@code addReduce}, a chain of dependent additions) and the parallel
 * reduce ({@code addReduceParallel}, vector lanes per fixed chunk), against a hand-written
 * Vector API sum (one accumulator, as the generated chunk fold has) and the plain scalar loop.
 * The gufunc {@code movingMean} over rows, serial and parallel, against the same method called
 * per row by hand and the copy kernel over the same rows.
 *
 * <p>The fork runs with {@code -Djvectorize.threads=1}, so the parallel methods show the cost of
 * their chunking on one thread; pass {@code -jvmArgsAppend -Djvectorize.threads=2} to JMH for two.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms4g", "-Xmx4g",
    "-XX:+UseTransparentHugePages", "-Djvectorize.threads=1"})
@State(Scope.Benchmark)
public class UfuncBenchmarks {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Elements in all: one array for reduce, rows of {@link #ROW_LENGTH} for the gufunc. */
    @Param({"10000000"})
    public int size;

    static final int ROW_LENGTH = 10_000;
    static final long WINDOW = 20;

    private double[] x;
    private double[] plusOne;
    private double[][] rows;
    private double[][] rowsOut;

    @Setup(Level.Trial)
    public void setUp() {
        if (!Simd.ENABLED) {
            throw new IllegalStateException("the Vector API is off in this fork");
        }
        Random random = new Random(42);
        x = random.doubles(size).toArray();
        plusOne = new double[size];
        rows = new double[size / ROW_LENGTH][];
        rowsOut = new double[rows.length][ROW_LENGTH];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = random.doubles(ROW_LENGTH).toArray();
        }
    }

    /** The memory floor: {@code out[i] = x[i] + 1}, one read and one write per element. */
    @Benchmark
    public double[] copyFloor() {
        double[] in = x;
        double[] out = plusOne;
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] + 1;
        }
        return out;
    }

    /** What a user writes by hand with the Vector API: one accumulator, then its lanes, then the tail. */
    @Benchmark
    public double sumHandWrittenVector() {
        double[] in = x;
        DoubleVector accumulator = DoubleVector.zero(SPECIES);
        int i = 0;
        for (int upper = SPECIES.loopBound(in.length); i < upper; i += SPECIES.length()) {
            accumulator = accumulator.add(DoubleVector.fromArray(SPECIES, in, i));
        }
        double sum = accumulator.reduceLanes(VectorOperators.ADD);
        for (; i < in.length; i++) {
            sum += in[i];
        }
        return sum;
    }

    /** The scalar loop: a chain of dependent additions, which the JIT may not reorder. */
    @Benchmark
    public double sumScalarLoop() {
        double[] in = x;
        double sum = 0;
        for (double value : in) {
            sum = Ufuncs.add(sum, value);
        }
        return sum;
    }

    @Benchmark
    public double addReduce() {
        return UfuncsVectorized.addReduce(x);
    }

    @Benchmark
    public double addReduceParallel() {
        return UfuncsVectorized.addReduceParallel(x);
    }

    @Benchmark
    public double maximumReduceParallel() {
        return UfuncsVectorized.maximumReduceParallel(x);
    }

    /** The copy kernel over the gufunc's rows: the memory floor of a pass that reads and writes each row. */
    @Benchmark
    public double[][] rowsCopy() {
        for (int r = 0; r < rows.length; r++) {
            double[] in = rows[r];
            double[] out = rowsOut[r];
            for (int i = 0; i < in.length; i++) {
                out[i] = in[i] + 1;
            }
        }
        return rowsOut;
    }

    /** The gufunc's method called per row by hand: what the generated row loop must match. */
    @Benchmark
    public double[][] movingMeanByHand() {
        for (int r = 0; r < rows.length; r++) {
            Gufuncs.movingMean(rows[r], WINDOW, rowsOut[r]);
        }
        return rowsOut;
    }

    @Benchmark
    public double[][] movingMean() {
        GufuncsVectorized.movingMean(rows, WINDOW, rowsOut);
        return rowsOut;
    }

    @Benchmark
    public double[][] movingMeanParallel() {
        GufuncsVectorized.movingMeanParallel(rows, WINDOW, rowsOut);
        return rowsOut;
    }
}
