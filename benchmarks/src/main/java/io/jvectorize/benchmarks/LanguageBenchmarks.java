package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.VectorMath;
import java.util.Map;
import java.util.SplittableRandom;
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
 * The expression language's costly functions computed into an output array, against the copy
 * kernel into an output array ({@code out[i] = x[i] + 1}, one read and one write per element):
 * {@code x ** 3} by multiplication (a written small integer power) and by {@code Math.pow}
 * (the same power with the exponent bound as a number, how every power ran before), and
 * {@code tanh(x)} on the vector library and on {@code Math.tanh} ({@code vectorMath = false}).
 * Run with {@code -jvmArgsAppend -XX:UseAVX=2} too: on AVX2 machines there is no vector pow.
 * The floor of {@code tanh}: the same loop written by hand with the Vector API around
 * {@link VectorMath#tanh} ({@link #tanhVectorInto}), and around the library's {@code EXPM1} alone
 * ({@link #expm1VectorInto}), which the AVX2 formula computes once per element besides its
 * polynomial and division.
 *
 * Issue #14's lane forms: rounding ({@code floor(x) + ceil(x) + trunc(x)}), {@code sign},
 * {@code clip}, and three tanh, in the generated loop and block by block ({@link #BLOCKS}).
 *
 * <p>Into an output array, so that no variant allocates: each method makes one call and returns
 * the array, which JMH consumes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g",
    "-XX:+UseTransparentHugePages"})
@State(Scope.Benchmark)
public class LanguageBenchmarks {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final Compute.Options MATH_ONLY = Compute.Options.defaults().vectorMath(false);
    private static final Compute.Options BLOCKS = Compute.Options.defaults().generateLoops(false);

    @Param({"10000000"})
    public int size;

    private double[] x;
    private double[] out;
    private Map<String, Object> data;
    private Expr cube;
    private Expr cubeByPow;
    private Expr tanh;
    private Expr rounding;
    private Expr sign;
    private Expr clip;
    private Expr threeTanh;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        x = random.doubles(size, -4.0, 2.0).toArray();
        out = new double[size];
        data = Map.of("x", x, "n", 3.0);
        cube = Expr.parse("x ** 3");
        cubeByPow = Expr.parse("x ** n");
        tanh = Expr.parse("tanh(x)");
        rounding = Expr.parse("floor(x) + ceil(x) + trunc(x)");
        sign = Expr.parse("sign(x)");
        clip = Expr.parse("clip(x, -1, 1)");
        threeTanh = Expr.parse("tanh(x) + tanh(x * 3) + tanh(x * 5)");
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
    public double[] cubeComputeInto() {
        Compute.computeInto(cube, data, out);
        return out;
    }

    @Benchmark
    public double[] cubeByPowComputeInto() {
        Compute.computeInto(cubeByPow, data, out);
        return out;
    }

    @Benchmark
    public double[] tanhComputeInto() {
        Compute.computeInto(tanh, data, out);
        return out;
    }

    @Benchmark
    public double[] tanhMathComputeInto() {
        Compute.computeInto(tanh, data, out, MATH_ONLY);
        return out;
    }

    @Benchmark
    public double[] roundingComputeInto() {
        Compute.computeInto(rounding, data, out);
        return out;
    }

    @Benchmark
    public double[] roundingBlocksComputeInto() {
        Compute.computeInto(rounding, data, out, BLOCKS);
        return out;
    }

    @Benchmark
    public double[] signComputeInto() {
        Compute.computeInto(sign, data, out);
        return out;
    }

    @Benchmark
    public double[] signBlocksComputeInto() {
        Compute.computeInto(sign, data, out, BLOCKS);
        return out;
    }

    @Benchmark
    public double[] clipComputeInto() {
        Compute.computeInto(clip, data, out);
        return out;
    }

    @Benchmark
    public double[] clipBlocksComputeInto() {
        Compute.computeInto(clip, data, out, BLOCKS);
        return out;
    }

    @Benchmark
    public double[] threeTanhComputeInto() {
        Compute.computeInto(threeTanh, data, out);
        return out;
    }

    @Benchmark
    public double[] threeTanhBlocksComputeInto() {
        Compute.computeInto(threeTanh, data, out, BLOCKS);
        return out;
    }

    /** {@code tanh} written by hand: a Vector API loop over {@link VectorMath#tanh}, then a scalar tail. */
    @Benchmark
    public double[] tanhVectorInto() {
        double[] a = x;
        double[] o = out;
        int i = 0;
        for (int bound = SPECIES.loopBound(a.length); i < bound; i += SPECIES.length()) {
            VectorMath.tanh(DoubleVector.fromArray(SPECIES, a, i)).intoArray(o, i);
        }
        for (; i < a.length; i++) {
            o[i] = Math.tanh(a[i]);
        }
        return o;
    }

    /** The library's {@code EXPM1} alone, by hand: what any tanh computed from it costs at least. */
    @Benchmark
    public double[] expm1VectorInto() {
        double[] a = x;
        double[] o = out;
        int i = 0;
        for (int bound = SPECIES.loopBound(a.length); i < bound; i += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, a, i).lanewise(VectorOperators.EXPM1).intoArray(o, i);
        }
        for (; i < a.length; i++) {
            o[i] = Math.expm1(a[i]);
        }
        return o;
    }
}
