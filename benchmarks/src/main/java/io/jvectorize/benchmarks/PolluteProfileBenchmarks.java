package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
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
 * Rounding mixes in the generated loop in a JVM whose Vector API profiles have seen vectors of
 * two shapes ({@code pollute = true}: preferred and half-size float and double vectors sent
 * through the methods a loop uses, before anything else runs), as a long-running service that
 * mixes shapes would have them; against the copy kernel ({@code out[i] = x[i] + 1}) in the same
 * fork. docs/simd.md ("A profile that has seen two vector shapes") says why a loop could box there.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g",
    "-XX:+UseTransparentHugePages"})
@State(Scope.Benchmark)
public class PolluteProfileBenchmarks {

    @Param({"10000000"})
    public int size;

    @Param({"false", "true"})
    public boolean pollute;

    private double[] x;
    private double[] out;
    private float[] outFloats;
    private Map<String, Object> data;
    private Expr floatRounding;
    private Expr rounding;

    @Setup(Level.Trial)
    public void setUp() {
        if (pollute) {
            pollute();
        }
        SplittableRandom random = new SplittableRandom(42);
        x = random.doubles(size, -4.0, 2.0).toArray();
        float[] f = new float[size];
        for (int i = 0; i < size; i++) {
            f[i] = (float) x[i];
        }
        out = new double[size];
        outFloats = new float[size];
        data = Map.of("x", x, "f", f);
        floatRounding = Expr.parse("trunc(f) + ceil(f * 2) - sign(f)", Map.of("f", DType.FLOAT32));
        rounding = Expr.parse("floor(x) + ceil(x * 2) - sign(x)");
    }

    private static void pollute() {
        VectorShape half = VectorShape.forBitSize(Math.max(64, FloatVector.SPECIES_PREFERRED.vectorBitSize() / 2));
        List<VectorSpecies<Float>> floats = List.of(FloatVector.SPECIES_PREFERRED, VectorSpecies.of(float.class, half));
        List<VectorSpecies<Double>> doubles = List.of(DoubleVector.SPECIES_PREFERRED, VectorSpecies.of(double.class, half));
        float[] f = new float[64];
        double[] d = new double[64];
        for (int k = 0; k < 20_000; k++) {
            int s = k & 1;
            FloatVector fv = FloatVector.fromArray(floats.get(s), f, 0);
            fv.add(fv).abs().blend(fv.neg(), fv.compare(VectorOperators.LT, 0f)).intoArray(f, 16);
            DoubleVector dv = DoubleVector.fromArray(doubles.get(s), d, 0);
            dv.add(dv).abs().blend(dv.neg(), dv.compare(VectorOperators.LT, 0.0)).intoArray(d, 16);
        }
    }

    /** {@code out[i] = x[i] + 1}: the speed of memory, which every other time is divided by. */
    @Benchmark
    public double[] copyInto() {
        double[] a = x;
        double[] o = out;
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] + 1;
        }
        return o;
    }

    @Benchmark
    public float[] floatRoundingComputeInto() {
        Compute.computeInto(floatRounding, data, outFloats);
        return outFloats;
    }

    @Benchmark
    public double[] roundingComputeInto() {
        Compute.computeInto(rounding, data, out);
        return out;
    }
}
