package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Simd;
import io.jvectorize.samples.NumpyStyle;
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
 * The copy kernel {@code x + 1} and every variant of poly and the Gaussian that runs with the
 * Vector API on: the NumPy way, the generated kernels (SIMD), their parallel variants, and
 * {@link Compute} operator by operator, fused, calling the generated kernel by name and
 * calling the reflective fallback; then {@link Compute}'s loops for other types (a float64
 * times an int64 array, a float64 array where an int64 one passes a comparison, int32
 * arithmetic, a float32 math function), fused and block by block. The generated kernels' scalar path needs forks of its own:
 * see {@link ScalarPathBenchmarks}.
 *
 * <p>As JMH advises: inputs come from a {@link SeedData} state made in {@code @Setup}, never
 * from constants the JIT could fold; each method makes one call and returns its result, which
 * JMH consumes with a Blackhole, so no work is dead; no method loops over calls. Every variant
 * allocates and returns a new result array, as NumPy does, so that the gc profiler's bytes per
 * element show what each one allocates beyond its 8-byte output.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class SeedBenchmarks {

    /** Fails the fork unless generated kernels run their SIMD loops here. */
    @Setup(Level.Trial)
    public void requireSimd() {
        if (!Simd.ENABLED) {
            throw new IllegalStateException("the Vector API is off in this fork: start it with --add-modules "
                    + Simd.MODULE + " and without -D" + Simd.PROPERTY + "=false");
        }
    }

    /** {@code x + 1}: one read and one write per element, the speed of memory. */
    @Benchmark
    public double[] copy(SeedData d) {
        return NumpyStyle.plusOne(d.x);
    }

    @Benchmark
    public double[] polyNumpyWay(SeedData d) {
        return NumpyStyle.poly(d.x);
    }

    @Benchmark
    public double[] polyGeneratedSimd(SeedData d) {
        return SeedVectorized.poly(d.x);
    }

    @Benchmark
    public double[] polyGeneratedParallel(SeedData d) {
        return SeedVectorized.polyParallel(d.x);
    }

    @Benchmark
    public Object polyComputeUnoptimized(SeedData d) {
        return Compute.compute(d.polyExpression, d.data, false);
    }

    @Benchmark
    public Object polyComputeBlocks(SeedData d) {
        return Compute.compute(d.polyExpression, d.data, SeedData.BLOCK_BY_BLOCK);
    }

    @Benchmark
    public Object polyComputeOptimized(SeedData d) {
        return Compute.compute(d.polyExpression, d.data, true);
    }

    @Benchmark
    public Object polyComputeGenerated(SeedData d) {
        return Compute.compute(d.polyGenerated, d.data, true);
    }

    @Benchmark
    public Object polyPlusOneComputeGenerated(SeedData d) {
        return Compute.compute(d.polyPlusOneGenerated, d.data, true);
    }

    @Benchmark
    public Object polyComputeReflective(SeedData d) {
        return Compute.compute(d.polyReflective, d.data, true);
    }

    @Benchmark
    public double[] gaussianNumpyWay(SeedData d) {
        return NumpyStyle.gaussian(d.x);
    }

    @Benchmark
    public double[] gaussianGeneratedSimd(SeedData d) {
        return SeedVectorized.gaussian(d.x);
    }

    @Benchmark
    public double[] gaussianGeneratedParallel(SeedData d) {
        return SeedVectorized.gaussianParallel(d.x);
    }

    @Benchmark
    public Object gaussianComputeUnoptimized(SeedData d) {
        return Compute.compute(d.gaussianExpression, d.data, false);
    }

    @Benchmark
    public Object gaussianComputeBlocks(SeedData d) {
        return Compute.compute(d.gaussianExpression, d.data, SeedData.BLOCK_BY_BLOCK);
    }

    @Benchmark
    public Object gaussianComputeOptimized(SeedData d) {
        return Compute.compute(d.gaussianExpression, d.data, true);
    }

    @Benchmark
    public Object gaussianComputeGenerated(SeedData d) {
        return Compute.compute(d.gaussianGenerated, d.data, true);
    }

    @Benchmark
    public Object gaussianComputeReflective(SeedData d) {
        return Compute.compute(d.gaussianReflective, d.data, true);
    }

    @Benchmark
    public Object mixedComputeBlocks(SeedData d) {
        return Compute.compute(d.mixedExpression, d.data, SeedData.BLOCK_BY_BLOCK);
    }

    @Benchmark
    public Object mixedComputeOptimized(SeedData d) {
        return Compute.compute(d.mixedExpression, d.data, true);
    }

    @Benchmark
    public Object filteredComputeBlocks(SeedData d) {
        return Compute.compute(d.filteredExpression, d.data, SeedData.BLOCK_BY_BLOCK);
    }

    @Benchmark
    public Object filteredComputeOptimized(SeedData d) {
        return Compute.compute(d.filteredExpression, d.data, true);
    }

    @Benchmark
    public Object int32ComputeBlocks(SeedData d) {
        return Compute.compute(d.int32Expression, d.data, SeedData.BLOCK_BY_BLOCK);
    }

    @Benchmark
    public Object int32ComputeOptimized(SeedData d) {
        return Compute.compute(d.int32Expression, d.data, true);
    }

    @Benchmark
    public Object float32ComputeBlocks(SeedData d) {
        return Compute.compute(d.float32Expression, d.data, SeedData.BLOCK_BY_BLOCK);
    }

    @Benchmark
    public Object float32ComputeOptimized(SeedData d) {
        return Compute.compute(d.float32Expression, d.data, true);
    }
}
