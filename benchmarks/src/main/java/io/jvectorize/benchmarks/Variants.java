package io.jvectorize.benchmarks;

import java.util.List;
import java.util.Optional;

/**
 * The benchmark methods as the report shows them: in the report's order, each with its label.
 * A test checks that every {@code @Benchmark} method of this module is listed here.
 */
final class Variants {
    private Variants() {}

    /** The copy kernel's method: the report divides every time by its time at the same size. */
    static final String COPY = "copy";

    /**
     * One variant.
     *
     * @param method the benchmark method's name
     * @param label what it computes and how, as the table and the chart show it
     * @param function the @Vectorize function of {@code io.jvectorize.samples.Seed} it computes, or null
     * @param needsSimdLoop whether its label claims that the generated kernel runs a SIMD loop
     */
    record Variant(String method, String label, String function, boolean needsSimdLoop) {}

    /**
     * Every variant, in the report's order: the floor, then from most temporaries to fewest, then
     * Compute's; last, Compute on other types.
     */
    static final List<Variant> ALL = List.of(
            new Variant(COPY, "x + 1 (copy kernel)", null, false),
            new Variant("polyNumpyWay", "poly: NumPy way, a temporary per operator", "poly", false),
            new Variant("polyComputeUnoptimized", "poly: Compute, optimize = false", "poly", false),
            new Variant("polyGeneratedScalar", "poly: generated, scalar path", "poly", false),
            new Variant("polyGeneratedSimd", "poly: generated, SIMD", "poly", true),
            new Variant("polyGeneratedParallel", "poly: generated, SIMD, parallel", "poly", true),
            new Variant("polyComputeBlocks", "poly: Compute, optimize = true, block by block", "poly", false),
            new Variant("polyComputeOptimized", "poly: Compute, optimize = true", "poly", false),
            new Variant("polyComputeGenerated", "poly: Compute, calling the generated kernel", "poly", false),
            new Variant("polyPlusOneComputeGenerated", "poly: Compute, poly(x) + 1 calling the generated kernel",
                    "poly", false),
            new Variant("polyComputeReflective", "poly: Compute, reflective fallback", "poly", false),
            new Variant("gaussianNumpyWay", "Gaussian: NumPy way, a temporary per operator", "gaussian", false),
            new Variant("gaussianComputeUnoptimized", "Gaussian: Compute, optimize = false", "gaussian", false),
            new Variant("gaussianGeneratedScalar", "Gaussian: generated, scalar path", "gaussian", false),
            new Variant("gaussianGeneratedSimd", "Gaussian: generated, SIMD", "gaussian", true),
            new Variant("gaussianGeneratedParallel", "Gaussian: generated, SIMD, parallel", "gaussian", true),
            new Variant("gaussianComputeBlocks", "Gaussian: Compute, optimize = true, block by block", "gaussian",
                    false),
            new Variant("gaussianComputeOptimized", "Gaussian: Compute, optimize = true", "gaussian", false),
            new Variant("gaussianComputeGenerated", "Gaussian: Compute, calling the generated kernel", "gaussian", false),
            new Variant("gaussianComputeReflective", "Gaussian: Compute, reflective fallback", "gaussian", false),
            new Variant("mixedComputeBlocks", "x * q, q int64: Compute, optimize = true, block by block", null, false),
            new Variant("mixedComputeOptimized", "x * q, q int64: Compute, optimize = true", null, false),
            new Variant("filteredComputeBlocks",
                    "where(q > 500, x, 0), q int64: Compute, optimize = true, block by block", null, false),
            new Variant("filteredComputeOptimized", "where(q > 500, x, 0), q int64: Compute, optimize = true", null,
                    false),
            new Variant("int32ComputeBlocks", "i * j - 1, int32: Compute, optimize = true, block by block", null,
                    false),
            new Variant("int32ComputeOptimized", "i * j - 1, int32: Compute, optimize = true", null, false),
            new Variant("float32ComputeBlocks", "exp(-f * f), float32: Compute, optimize = true, block by block",
                    null, false),
            new Variant("float32ComputeOptimized", "exp(-f * f), float32: Compute, optimize = true", null, false));

    /** The variant of a benchmark method, if listed. */
    static Optional<Variant> of(String method) {
        return ALL.stream().filter(v -> v.method().equals(method)).findFirst();
    }
}
