package io.jvectorize.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Compute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * How far Spark's math functions (StrictMath's for exp, expm1 and the logarithms, Math's for
 * the others, in Spark 4.2's generated code) lie from the in-JVM engine's, on 20,000 values per
 * function over the ranges where each is interesting: within {@link OperatorTableTest#MATH_ULPS}
 * of the reference engine ({@code Math}), and within that plus the engine's own vector-math bound
 * ({@link Compute#VECTOR_MATH_ULPS}) of the default, fused engine.
 */
class MathAccuracyTest {

    private static final int N = 20_000;

    @Test
    void sparksMathFunctionsAreWithinTheBoundOfTheEngines() {
        SplittableRandom random = new SplittableRandom(3);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            // Magnitudes from 1e-8 to 1e3, both signs: the ranges the series and reductions change over.
            x[i] = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-8, 3));
            y[i] = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-8, 3));
        }
        Dataset<Row> data = SharedSpark.table(SharedSpark.session(), Map.of("a", x, "b", y));
        NumPyColumn a = NumPyColumn.of(data, "a");
        NumPyColumn b = NumPyColumn.of(data, "b");
        List<SparkOperator> ops = new ArrayList<>(OperatorTableTest.MATH);
        List<NumPyColumn> results = new ArrayList<>();
        for (SparkOperator op : ops) {
            results.add(op.arity() == 1 ? NumPyColumn.apply(op, a)
                    : NumPyColumn.apply(op, a, op == SparkOperator.POW ? NumPyColumn.apply(SparkOperator.MUL, b,
                            NumPyColumn.literal(0.01)) : b));
        }
        List<Row> rows = data.select(results.stream().map(NumPyColumn::column).toArray(Column[]::new)).collectAsList();
        StringBuilder report = new StringBuilder();
        for (int k = 0; k < ops.size(); k++) {
            Map<String, Object> bound = Map.of("a", x, "b", y);
            double[] reference = (double[]) Compute.compute(results.get(k).expr(), bound, false);
            double[] fused = (double[]) Compute.compute(results.get(k).expr(), bound);
            long worstReference = 0;
            long worstFused = 0;
            for (int i = 0; i < N; i++) {
                double spark = rows.get(i).getDouble(k);
                worstReference = Math.max(worstReference, Agreement.ulpsApart(reference[i], spark));
                worstFused = Math.max(worstFused, Agreement.ulpsApart(fused[i], spark));
            }
            report.append(String.format("%-6s %d ulp from Math, %d from Compute%n", ops.get(k), worstReference, worstFused));
            assertTrue(worstReference <= OperatorTableTest.MATH_ULPS, ops.get(k) + ": " + worstReference + " ulps");
            assertTrue(worstFused <= OperatorTableTest.MATH_ULPS + Compute.VECTOR_MATH_ULPS,
                    ops.get(k) + ": " + worstFused + " ulps from the fused engine");
        }
        System.out.print(report);
    }
}
