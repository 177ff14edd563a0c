package io.jvectorize.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * {@code @Vectorize} calls on Spark: the seed's poly and Gaussian as UDFs of the scalar method,
 * against the runtime's calls of the generated kernels; the overload the runtime picks; missing
 * values; unknown names.
 */
class SparkKernelsTest {

    @Test
    void polyAndGaussianGiveTheKernelsValues() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("x", Values.special(DType.FLOAT64));
        columns.put("f", Values.special(DType.FLOAT32));
        Dataset<Row> data = SharedSpark.table(SharedSpark.session(), columns);
        NumPyColumn x = NumPyColumn.of(data, "x");
        NumPyColumn f = NumPyColumn.of(data, "f");
        // Arithmetic is bit for bit; the SIMD kernel's exp lies within the vector-math bound of Math.exp.
        check(data, columns, SparkKernels.call("poly", x), 0);
        check(data, columns, SparkKernels.call("Seed.poly", f), 0);
        check(data, columns, SparkKernels.call("gaussian", x), Compute.VECTOR_MATH_ULPS);
        check(data, columns, NumPyColumn.apply(SparkOperator.ADD, SparkKernels.call("poly", f), NumPyColumn.literal(0.5)), 0);
    }

    @Test
    void theOverloadIsTheOneTheRuntimePicks() {
        Dataset<Row> data = SharedSpark.table(SharedSpark.session(),
                Map.of("f", new float[] {1.5f}, "i", new int[] {3}));
        NumPyColumn onFloats = SparkKernels.call("poly", NumPyColumn.of(data, "f"));
        assertEquals(DType.FLOAT32, onFloats.dtype());
        assertEquals(DataTypes.FloatType, data.select(onFloats.column()).schema().fields()[0].dataType());
        // int32 does not widen to float32: the float64 overload.
        NumPyColumn onInts = SparkKernels.call("poly", NumPyColumn.of(data, "i"));
        assertEquals(DType.FLOAT64, onInts.dtype());
        assertEquals(58.0, data.select(onInts.column()).first().getDouble(0));
        // A number alone is computed once, by the runtime's kernel, as the runtime types it.
        NumPyColumn ofANumber = SparkKernels.call("poly", NumPyColumn.literal(2.0));
        assertEquals(io.jvectorize.runtime.Expr.call("poly", io.jvectorize.runtime.Expr.literal(2.0)).dtype(),
                ofANumber.dtype());
        assertEquals(SparkTypes.dataType(ofANumber.dtype()), data.select(ofANumber.column()).schema().fields()[0].dataType());
        assertEquals(29.0, ((Number) data.select(ofANumber.column()).first().get(0)).doubleValue());
    }

    @Test
    void aMissingArgumentGivesAMissingResult() {
        Dataset<Row> data = SharedSpark.table(SharedSpark.session(), Map.of("x", new double[] {1.0, 2.0}),
                Map.of("x", new boolean[] {false, true}));
        List<Row> rows = data.select(SparkKernels.call("poly", NumPyColumn.of(data, "x")).column()).collectAsList();
        assertEquals(10.0, rows.get(0).getDouble(0));
        assertNull(rows.get(1).get(0));
    }

    @Test
    void anUnknownFunctionListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkKernels.function("polly"));
        assertTrue(e.getMessage().contains("no @Vectorize function polly") && e.getMessage().contains("Seed.poly"),
                e.getMessage());
    }

    private static void check(Dataset<Row> data, Map<String, Object> columns, NumPyColumn call, int ulps) {
        Object expected = Compute.compute(call.expr(), columns);
        List<Object> actual = new ArrayList<>();
        for (Row row : data.select(call.column()).collectAsList()) {
            actual.add(row.get(0));
        }
        Agreement.assertAgrees(call.expr().toString(), expected, actual, ulps, i -> "row " + i);
    }
}
