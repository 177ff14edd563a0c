package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Functions;
import io.jvectorize.runtime.Simd;
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

    /** A float64 array times an int64 one, as price times quantity. */
    public static final String MIXED = "x * q";
    /** A float64 array where an int64 one is positive: a comparison of another type as the condition. */
    public static final String FILTERED = "where(q > 500, x, 0)";
    /** int32 arithmetic, wrapping around as Java's. */
    public static final String INT32 = "i * j - 1";
    /** A float32 expression with a math function. */
    public static final String FLOAT32 = "exp(-f * f)";

    /** The number of elements. */
    @Param({"1000", "100000", "10000000"})
    public int size;

    /** The input. */
    public double[] x;
    /** Inputs of the other types, as many: int64 quantities, int32 values, float32 values. */
    public long[] q;
    public int[] i;
    public int[] j;
    public float[] f;

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
    /** {@link #MIXED}, {@link #INT32} and {@link #FLOAT32}, their symbols typed. */
    public Expr mixedExpression;
    public Expr filteredExpression;
    public Expr int32Expression;
    public Expr float32Expression;

    /** The fused engine without its generated loops: one pass over each block per operator. */
    static final Compute.Options BLOCK_BY_BLOCK = Compute.Options.defaults().generateLoops(false);

    /** Makes the data, parses the expressions and checks that each call runs the engine it is named for. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        x = random.doubles(size, -4.0, 2.0).toArray();
        q = random.longs(size, 0, 1000).toArray();
        i = random.ints(size).toArray();
        j = random.ints(size).toArray();
        f = new float[size];
        for (int k = 0; k < size; k++) {
            f[k] = (float) random.nextDouble(-3.0, 3.0);
        }
        data = Map.of("x", x, "mu", Seed.MU, "sigma", Seed.SIGMA, "q", q, "i", i, "j", j, "f", f);
        Functions.register(ReflectiveSeed.class);
        polyExpression = Expr.parse(POLY);
        gaussianExpression = Expr.parse(GAUSSIAN);
        polyGenerated = Expr.parse("Seed.poly(x)");
        gaussianGenerated = Expr.parse("Seed.gaussian(x)");
        polyReflective = Expr.parse("ReflectiveSeed.poly(x)");
        polyPlusOneGenerated = Expr.parse("Seed.poly(x) + 1");
        gaussianReflective = Expr.parse("ReflectiveSeed.gaussian(x)");
        mixedExpression = Expr.parse(MIXED, Map.of("q", DType.INT64));
        filteredExpression = Expr.parse(FILTERED, Map.of("q", DType.INT64));
        int32Expression = Expr.parse(INT32, Map.of("i", DType.INT32, "j", DType.INT32));
        float32Expression = Expr.parse(FLOAT32, Map.of("f", DType.FLOAT32));
        requirePlan(polyGenerated, "generated");
        requirePlan(gaussianGenerated, "generated");
        requirePlan(polyReflective, "reflective fallback");
        requirePlan(gaussianReflective, "reflective fallback");
        for (Expr e : new Expr[] {mixedExpression, filteredExpression, int32Expression, float32Expression}) {
            // Optimized, these variants measure Compute's generated loop, which needs the Vector
            // API (the scalar path's forks, which share this state, run none of them) and wide vectors.
            if (Simd.ENABLED && !Compute.explain(e, data).contains("generated Vector API loop")) {
                throw new IllegalStateException(e + " should run in a generated loop, but its plan is:\n"
                        + Compute.explain(e, data));
            }
        }
    }

    private void requirePlan(Expr e, String engine) {
        String plan = Compute.explain(e, data);
        if (!plan.contains(engine)) {
            throw new IllegalStateException(e + " should run a " + engine + " kernel, but its plan is:\n" + plan);
        }
    }
}
