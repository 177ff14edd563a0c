package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Simd;
import io.jvectorize.samples.SeedVectorized;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generated kernels on their scalar path: the same calls as {@link SeedBenchmarks}'
 * {@code *GeneratedSimd}, in forks started with {@code -Djvectorize.simd=false}. Whether
 * kernels run SIMD loops is {@link Simd#ENABLED}, a constant per JVM (so that the JIT drops the
 * untaken path), hence a class of its own whose {@code @Fork} sets the property; JMH cannot give
 * one benchmark class different JVM arguments per parameter. The Vector API module is present in
 * these forks too, so only the property differs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms4g", "-Xmx4g",
        "-Djvectorize.simd=false"})
@State(Scope.Benchmark)
public class ScalarPathBenchmarks {

    /** Fails the fork if generated kernels would run their SIMD loops here. */
    @Setup(Level.Trial)
    public void requireScalarPath() {
        if (Simd.ENABLED) {
            throw new IllegalStateException("generated kernels run SIMD loops in this fork: start it with -D"
                    + Simd.PROPERTY + "=false");
        }
    }

    @Benchmark
    public double[] polyGeneratedScalar(SeedData d) {
        return SeedVectorized.poly(d.x);
    }

    @Benchmark
    public double[] gaussianGeneratedScalar(SeedData d) {
        return SeedVectorized.gaussian(d.x);
    }
}
