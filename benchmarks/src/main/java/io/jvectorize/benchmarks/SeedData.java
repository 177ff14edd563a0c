package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Functions;
import io.jvectorize.samples.Seed;
import java.util.Map;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The data every variant computes on: {@link #size} float64 values drawn uniformly from
 * [-4, 2) (the range where the Gaussian is not negligible), with a fixed seed, so that every
 * variant and every fork sees the same numbers; and the expressions that the {@link Compute}
 * variants evaluate, parsed once here rather than in the timed code.
 *
 * <p>Three sizes: 1,000 elements (8 KB, in L1 cache: per-call overhead shows), 100,000 (800 KB,
 * in L2 or L3 cache) and 10,000,000 (80 MB, far beyond cache: the memory-bound regime).
 */
@State(Scope.Benchmark)
public class SeedData {

    /** {@code (5 * x + 4) * x + 1}, the seed's poly, written out with operators. */
    public static final String POLY = "(5 * x + 4) * x + 1";

    /** The seed's Gaussian, written out with operators and built-in functions. */
    public static final String GAUSSIAN = "1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))";

    /** The number of elements. */
    @Param({"1000", "100000", "10000000"})
    public int size;

    /** The input. */
    public double[] x;

    /** The expressions' bindings: {@code x}, {@code mu} and {@code sigma}. */
    public Map<String, Object> data;

    /** {@link #POLY}, evaluated by the fused engine or operator by operator. */
    public Expr polyExpression;
    /** {@link #GAUSSIAN}, evaluated by the fused engine or operator by operator. */
    public Expr gaussianExpression;
    /** {@code Seed.poly(x)}: a call of the generated kernel, found by name. */
    public Expr polyGenerated;
    /** {@code Seed.gaussian(x)}: a call of the generated kernel, found by name. */
    public Expr gaussianGenerated;
    /** {@code ReflectiveSeed.poly(x)}: the same function through the reflective fallback. */
    public Expr polyReflective;
    /** {@code Seed.poly(x) + 1}: a call and an operator in one pass. */
    public Expr polyPlusOneGenerated;
    /** {@code ReflectiveSeed.gaussian(x)}: the same function through the reflective fallback. */
    public Expr gaussianReflective;

    /** The fused engine without its generated loops: one pass over each block per operator. */
    static final Compute.Options BLOCK_BY_BLOCK = Compute.Options.defaults().generateLoops(false);

    /** Makes the data, parses the expressions and checks that each call runs the engine it is named for. */
    @Setup(Level.Trial)
    public void setUp() {
        x = new SplittableRandom(42).doubles(size, -4.0, 2.0).toArray();
        data = Map.of("x", x, "mu", Seed.MU, "sigma", Seed.SIGMA);
        Functions.register(ReflectiveSeed.class);
        polyExpression = Expr.parse(POLY);
        gaussianExpression = Expr.parse(GAUSSIAN);
        polyGenerated = Expr.parse("Seed.poly(x)");
        gaussianGenerated = Expr.parse("Seed.gaussian(x)");
        polyReflective = Expr.parse("ReflectiveSeed.poly(x)");
        polyPlusOneGenerated = Expr.parse("Seed.poly(x) + 1");
        gaussianReflective = Expr.parse("ReflectiveSeed.gaussian(x)");
        requirePlan(polyGenerated, "generated");
        requirePlan(gaussianGenerated, "generated");
        requirePlan(polyReflective, "reflective fallback");
        requirePlan(gaussianReflective, "reflective fallback");
    }

    private void requirePlan(Expr e, String engine) {
        String plan = Compute.explain(e, data);
        if (!plan.contains(engine)) {
            throw new IllegalStateException(e + " should run a " + engine + " kernel, but its plan is:\n" + plan);
        }
    }
}
