package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * complex128 expressions with optimize = true (the block engine, its complex steps on the
 * complex kernels), serial and in parallel, against the reference engine (optimize = false,
 * whole-array temporaries, which serial optimize = true ran before complex steps joined the
 * block engine), into an output array; the copy kernel over the same doubles
 * ({@code out[i] = x[i] + 1} over the 2n parts) is the speed of memory. {@code z * w + 1j} is
 * arithmetic, {@code exp(z) * w} a math function per element, {@code sum(z * conj(w))} a reduction;
 * {@code y * v + 1j} is complex64 arithmetic (float pairs, each step rounded to float).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g",
    "-XX:+UseTransparentHugePages"})
@State(Scope.Benchmark)
public class ComplexBenchmarks {

    private static final Compute.Options SERIAL = Compute.Options.defaults();
    private static final Compute.Options PARALLEL = Compute.Options.defaults().parallel(true);
    private static final Compute.Options REFERENCE = Compute.Options.defaults().optimize(false);

    @Param({"1000000"})
    public int size;

    private double[] z;
    private double[] out;
    private Map<String, Object> data;
    private Expr arithmetic;
    private Expr exp;
    private Expr dot;
    private float[] narrowOut;
    private Map<String, Object> narrowData;
    private Expr narrow;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        z = random.doubles(2 * size, -2.0, 2.0).toArray();
        out = new double[2 * size];
        data = Map.of("z", z, "w", random.doubles(2 * size, -2.0, 2.0).toArray());
        Map<String, DType> types = Map.of("z", DType.COMPLEX128, "w", DType.COMPLEX128);
        arithmetic = Expr.parse("z * w + 1j", types);
        exp = Expr.parse("exp(z) * w", types);
        dot = Expr.parse("sum(z * conj(w))", types);
        float[] y = new float[2 * size];
        float[] v = new float[2 * size];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextDouble(-2.0, 2.0);
            v[i] = (float) random.nextDouble(-2.0, 2.0);
        }
        narrowOut = new float[2 * size];
        narrowData = Map.of("y", y, "v", v);
        narrow = Expr.parse("y * v + 1j", Map.of("y", DType.COMPLEX64, "v", DType.COMPLEX64));
    }

    /** {@code out[i] = x[i] + 1} over the 2n doubles of the pairs: the speed of memory. */
    @Benchmark
    public double[] copyInto() {
        double[] a = z;
        double[] o = out;
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] + 1;
        }
        return o;
    }

    @Benchmark
    public double[] arithmeticSerial() {
        Compute.computeInto(arithmetic, data, out, SERIAL);
        return out;
    }

    @Benchmark
    public double[] arithmeticParallel() {
        Compute.computeInto(arithmetic, data, out, PARALLEL);
        return out;
    }

    @Benchmark
    public double[] arithmeticReference() {
        Compute.computeInto(arithmetic, data, out, REFERENCE);
        return out;
    }

    @Benchmark
    public double[] expSerial() {
        Compute.computeInto(exp, data, out, SERIAL);
        return out;
    }

    @Benchmark
    public double[] expParallel() {
        Compute.computeInto(exp, data, out, PARALLEL);
        return out;
    }

    @Benchmark
    public double[] expReference() {
        Compute.computeInto(exp, data, out, REFERENCE);
        return out;
    }

    @Benchmark
    public Object dotSerial() {
        return Compute.compute(dot, data, SERIAL);
    }

    @Benchmark
    public Object dotReference() {
        return Compute.compute(dot, data, REFERENCE);
    }

    @Benchmark
    public float[] complex64Serial() {
        Compute.computeInto(narrow, narrowData, narrowOut, SERIAL);
        return narrowOut;
    }

    @Benchmark
    public float[] complex64Reference() {
        Compute.computeInto(narrow, narrowData, narrowOut, REFERENCE);
        return narrowOut;
    }
}
