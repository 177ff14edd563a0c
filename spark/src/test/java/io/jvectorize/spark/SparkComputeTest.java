package io.jvectorize.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.samples.Seed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** {@link SparkCompute}'s API: what it returns, how it binds columns, and what it refuses. */
class SparkComputeTest {

    private static Dataset<Row> data() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("x", new double[] {-1.33, 0.0, -0.0, 2.5, Double.NaN, Double.POSITIVE_INFINITY, 1e-310});
        columns.put("n", new int[] {1, 2, 3, Integer.MAX_VALUE, -4, 0, 7});
        columns.put("l", new long[] {Long.MAX_VALUE, 1, 2, 3, 4, 5, 6});
        return SharedSpark.table(SharedSpark.session(), columns);
    }

    @Test
    void anElementwiseExpressionIsADatasetOfOneColumnWithTheEnginesValues() {
        Dataset<Row> data = data();
        double[] x = {-1.33, 0.0, -0.0, 2.5, Double.NaN, Double.POSITIVE_INFINITY, 1e-310};
        Expr gaussian = Expr.parse("Seed.gaussian(x) + n / 0");
        @SuppressWarnings("unchecked")
        Dataset<Row> result = (Dataset<Row>) SparkCompute.compute(gaussian, data);
        assertEquals(List.of(SparkCompute.RESULT), List.of(result.columns()));
        List<Row> rows = result.collectAsList();
        for (int i = 0; i < x.length; i++) {
            int n = new int[] {1, 2, 3, Integer.MAX_VALUE, -4, 0, 7}[i];
            double want = Seed.gaussian(x[i]) + (double) n / 0.0; // n / 0 is ±inf, and NaN for 0 / 0
            assertTrue(Agreement.agrees(want, rows.get(i).get(0), 0), "row " + i + ": " + rows.get(i));
        }
    }

    @Test
    void aReductionIsItsNumber() {
        Dataset<Row> data = data();
        assertEquals(Double.NaN, SparkCompute.compute(Expr.parse("max(x)"), data));
        assertEquals(Double.POSITIVE_INFINITY, SparkCompute.compute(Expr.parse("nanmax(x)"), data));
        // int64 sums wrap as Java's and NumPy's do (Spark in ANSI mode: ARITHMETIC_OVERFLOW).
        assertEquals(Long.MAX_VALUE + 21, SparkCompute.compute(Expr.parse("sum(l)", Map.of("l", DType.INT64)), data));
        assertEquals(7L, SparkCompute.compute(Expr.parse("count(n)"), data));
        // A reduction of one number folds one element, as NumPy's: not once per row.
        assertEquals(Compute.compute(Expr.parse("sum(3 + min(n))"), Map.of("n", new double[] {1, 2, 3, 2147483647, -4, 0, 7})),
                SparkCompute.compute(Expr.parse("sum(3 + min(n))"), data));
    }

    @Test
    void aReductionInsideAnElementwiseExpressionIsComputedFirst() {
        Dataset<Row> data = data();
        Expr centered = Expr.parse("l - max(l)", Map.of("l", DType.INT64));
        @SuppressWarnings("unchecked")
        List<Row> rows = ((Dataset<Row>) SparkCompute.compute(centered, data)).collectAsList();
        long[] l = {Long.MAX_VALUE, 1, 2, 3, 4, 5, 6};
        for (int i = 0; i < l.length; i++) {
            assertEquals(l[i] - Long.MAX_VALUE, rows.get(i).getLong(0));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkCompute.column(centered));
        assertTrue(e.getMessage().contains("has a reduction, max(l), inside an elementwise expression"), e.getMessage());
    }

    @Test
    void columnsBindAsComputeBindsArrays() {
        Dataset<Row> data = data();
        // An int32 column for a float64 symbol widens, as an int[] bound to it does.
        assertEquals(Compute.compute(Expr.parse("sum(n * 0.5)"), Map.of("n", new int[] {1, 2, 3, Integer.MAX_VALUE, -4, 0, 7})),
                SparkCompute.compute(Expr.parse("sum(n * 0.5)"), data));
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> SparkCompute.compute(Expr.parse("y + 1"), data));
        assertEquals("symbol y is not a column: the dataset has [x, n, l]", absent.getMessage());
        IllegalArgumentException narrower = assertThrows(IllegalArgumentException.class,
                () -> SparkCompute.column(Expr.parse("x + 1", Map.of("x", DType.INT32)), data));
        assertEquals("symbol x is declared int32 but column x is float64 (Spark double), which does not widen to"
                + " int32; cast the column to int, or declare the symbol as float64", narrower.getMessage());
    }

    @Test
    void aReductionColumnAggregatesPerGroup() {
        Dataset<Row> data = data();
        List<Row> rows = data.groupBy(data.col("n").gt(2).as("big"))
                .agg(SparkCompute.column(Expr.parse("min(x)")).as("low")).orderBy("big").collectAsList();
        assertEquals(Double.NaN, rows.get(0).getDouble(1)); // -1.33, 0.0, NaN, inf: NaN, as NumPy's min
        assertEquals(-0.0, rows.get(1).getDouble(1));       // -0.0, 2.5, 1e-310: -0.0, below 0.0 as Math.min
    }

    @Test
    void complexNumbersAreRefusedSayingTheyRunInTheJvm() {
        Dataset<Row> data = data();
        for (String text : List.of("real(x * 1j)", "abs(complex(x, 1.0))", "sum(imag(x + 2j))")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SparkCompute.compute(Expr.parse(text), data), text);
            assertTrue(e.getMessage().startsWith("complex numbers run in the JVM only: compute"), e.getMessage());
            assertTrue(e.getMessage().contains("Compute"), e.getMessage());
        }
        // Of a real operand, real, imag and conj translate: the value, 0, the value.
        @SuppressWarnings("unchecked")
        Dataset<Row> parts = (Dataset<Row>) SparkCompute.compute(Expr.parse("real(x) + 10 * imag(x) + conj(x)"), data);
        assertEquals(5.0, parts.collectAsList().get(3).getDouble(0));
    }

    @Test
    void everyOperatorOfTheRuntimeButComplexHasATranslation() {
        for (io.jvectorize.runtime.internal.op.Operator op : io.jvectorize.runtime.internal.op.Operator.values()) {
            if (op != io.jvectorize.runtime.internal.op.Operator.COMPLEX) {
                assertEquals(op.name(), SparkOperator.of(op, op.text()).name());
                assertEquals(op.arity(), SparkOperator.of(op, op.text()).arity(), op.name());
            }
        }
    }
}
