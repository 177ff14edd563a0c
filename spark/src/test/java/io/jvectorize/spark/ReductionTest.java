package io.jvectorize.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.spark.SharedSpark.Mode;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every reduction on every type against the in-JVM engine: over whole datasets and per group,
 * with NaN, signed zeros, missing values (skipped), no elements and integer sums that wrap
 * around. Float sums, means and variances are added in another order on Spark, so they agree
 * within {@link #RELATIVE} of the magnitude of what is added (a sum's error bound scales with
 * the sum of the absolute values, not with the result); everything else bit for bit.
 */
class ReductionTest {

    /** Spark adds float partial sums in partition order, the engine in blocks of four lanes. */
    static final double RELATIVE = 1e-13;

    private static final Set<SparkReduction> REASSOCIATED = EnumSet.of(SparkReduction.SUM, SparkReduction.MEAN,
            SparkReduction.VAR, SparkReduction.STD, SparkReduction.NANSUM, SparkReduction.NANMEAN);

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ANSI", "LEGACY"})
    void everyReductionOfEveryTypeOverSpecialAndRandomData(Mode mode) {
        for (DType type : Values.REAL_TYPES) {
            if (mode == Mode.LEGACY && !type.isIntegral()) {
                continue; // ANSI mode changes only integer overflow in aggregates
            }
            for (Object values : datasets(type)) {
                check(mode, values, null);
                check(mode, values, everyFifth(Array.getLength(values)));
            }
        }
    }

    @Test
    void everyReductionPerGroup() {
        SplittableRandom random = new SplittableRandom(5);
        for (DType type : Values.REAL_TYPES) {
            Object values = datasets(type).get(0);
            int n = Array.getLength(values);
            long[] keys = random.longs(n, 0, 7).toArray();
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("k", keys);
            columns.put("a", values);
            Dataset<Row> data = SharedSpark.table(SharedSpark.session(), columns);
            List<NumPyColumn> reductions = reductions(NumPyColumn.of(data, "a"));
            List<Column> aggregates = new ArrayList<>();
            for (NumPyColumn reduction : reductions) {
                aggregates.add(reduction.column());
            }
            List<Row> groups = data.groupBy(col("k")).agg(aggregates.get(0), aggregates.subList(1, aggregates.size())
                    .toArray(Column[]::new)).collectAsList();
            assertEquals(7, groups.size());
            for (Row group : groups) {
                long key = group.getLong(0);
                List<Integer> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (keys[i] == key) {
                        rows.add(i);
                    }
                }
                Map<String, Object> subset = Map.of("a", pick(values, rows));
                for (int k = 0; k < reductions.size(); k++) {
                    assertAgrees(reductions.get(k), Compute.compute(reductions.get(k).expr(), subset, false),
                            group.get(k + 1), "group " + key + " of " + type,
                            magnitude(kind(reductions.get(k)), subset.get("a")));
                }
            }
        }
    }

    @Test
    void minimumOfNoElementsIsAnErrorAsInNumPy() {
        Map<String, Object> columns = Map.of("a", new double[] {1.0});
        Dataset<Row> none = SharedSpark.table(SharedSpark.session(), columns).where(lit(false));
        NumPyColumn min = NumPyColumn.of(none, "a").reduce(SparkReduction.MIN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> min.valueOn(none));
        assertTrue(e.getMessage().startsWith("zero-size array to reduction operation min(a)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Compute.compute(min.expr(), Map.of("a", new double[0])));
        assertEquals(0.0, NumPyColumn.of(none, "a").reduce(SparkReduction.SUM).valueOn(none));
        assertEquals(Double.NaN, NumPyColumn.of(none, "a").reduce(SparkReduction.MEAN).valueOn(none));
        assertEquals(0L, NumPyColumn.of(none, "a").reduce(SparkReduction.COUNT).valueOn(none));
    }

    @Test
    void aReductionOfNumbersIsTheEnginesValue() {
        Dataset<Row> data = SharedSpark.table(SharedSpark.session(), Map.of("a", new double[] {1, 2, 3}));
        NumPyColumn two = NumPyColumn.apply(SparkOperator.MUL, NumPyColumn.literal(2L), NumPyColumn.literal(1L));
        assertEquals(2L, two.reduce(SparkReduction.SUM).valueOn(data));
        assertEquals(6.0, NumPyColumn.of(data, "a").reduce(SparkReduction.SUM).valueOn(data));
    }

    private static void check(Mode mode, Object values, boolean[] missing) {
        Map<String, Object> columns = Map.of("a", values);
        Dataset<Row> data = SharedSpark.table(SharedSpark.session(mode), columns,
                missing == null ? Map.of() : Map.of("a", missing));
        List<NumPyColumn> reductions = reductions(NumPyColumn.of(data, "a"));
        int n = Array.getLength(values);
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (missing == null || !missing[i]) {
                present.add(i);
            }
        }
        Map<String, Object> subset = Map.of("a", pick(values, present));
        Row row = data.agg(reductions.get(0).column(), reductions.stream().skip(1).map(NumPyColumn::column)
                .toArray(Column[]::new)).first();
        for (int k = 0; k < reductions.size(); k++) {
            NumPyColumn reduction = reductions.get(k);
            Object expected;
            try {
                expected = Compute.compute(reduction.expr(), subset, false);
            } catch (IllegalArgumentException noElements) {
                expected = null; // Spark's null: valueOn turns it into the same error
            }
            assertAgrees(reduction, expected, row.get(k), describe(values, missing), magnitude(kind(reduction), subset.get("a")));
        }
    }

    /** The scale of a float reduction's rounding error: the sum of |x| for sums, its mean for means, of x² for variances. */
    private static double magnitude(SparkReduction kind, Object values) {
        int n = Array.getLength(values);
        double absolute = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            Object v = Array.get(values, i);
            double x = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
            if (!Double.isNaN(x)) {
                absolute += Math.abs(x);
                squares += x * x;
            }
        }
        switch (kind) {
            case SUM: case NANSUM: return absolute;
            case MEAN: case NANMEAN: return absolute / Math.max(1, n);
            case VAR: return squares / Math.max(1, n);
            default: return Math.sqrt(squares / Math.max(1, n));
        }
    }

    private static void assertAgrees(NumPyColumn reduction, Object expected, Object actual, String where,
            double magnitude) {
        String message = reduction.expr() + " over " + where + ": the in-JVM engine gives " + expected + ", Spark " + actual;
        boolean reassociated = REASSOCIATED.contains(kind(reduction)) && expected instanceof Double | expected instanceof Float;
        if (reassociated && actual instanceof Number a && expected instanceof Number e
                && Double.isFinite(e.doubleValue()) && Double.isFinite(a.doubleValue())) {
            double tolerance = RELATIVE * magnitude + (expected instanceof Float ? Math.ulp(e.floatValue()) : 0);
            assertTrue(Math.abs(e.doubleValue() - a.doubleValue()) <= tolerance, message);
        } else {
            assertTrue(Agreement.agrees(expected, actual, 0), message);
        }
    }

    private static SparkReduction kind(NumPyColumn reduction) {
        String name = reduction.expr().toString();
        return SparkReduction.valueOf(name.substring(0, name.indexOf('(')).toUpperCase());
    }

    private static List<NumPyColumn> reductions(NumPyColumn operand) {
        List<NumPyColumn> reductions = new ArrayList<>();
        for (SparkReduction kind : SparkReduction.values()) {
            reductions.add(operand.reduce(kind));
        }
        return reductions;
    }

    /** Random values (int64 ones of full range, whose sums wrap around), NaN among them, signed zeros, all NaN, none. */
    private static List<Object> datasets(DType type) {
        SplittableRandom random = new SplittableRandom(11 + type.ordinal());
        int n = 1000;
        switch (type) {
            case FLOAT64: {
                double[] plain = random.doubles(n, -100, 100).toArray();
                double[] withNaN = plain.clone();
                withNaN[17] = Double.NaN;
                withNaN[400] = Double.NaN;
                return List.of(plain, withNaN, new double[] {0.0, -0.0, 3.0}, new double[] {-0.0, 0.0, -1.0},
                        new double[] {-0.0, 0.0}, new double[] {0.0, -0.0}, new double[] {-0.0, -0.0},
                        new double[] {Double.NaN, Double.NaN}, new double[] {Double.NEGATIVE_INFINITY, 1.0},
                        new double[] {Double.MIN_VALUE, 4.9e-324, -2e-310}, new double[0]);
            }
            case FLOAT32: {
                float[] plain = new float[n];
                for (int i = 0; i < n; i++) {
                    plain[i] = (float) random.nextDouble(-100, 100);
                }
                float[] withNaN = plain.clone();
                withNaN[3] = Float.NaN;
                return List.of(plain, withNaN, new float[] {0f, -0f}, new float[] {-0f, 0f},
                        new float[] {Float.NaN}, new float[0]);
            }
            case INT64:
                return List.of(random.longs(n).toArray(), random.longs(n, -1000, 1000).toArray(),
                        new long[] {Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, -1}, new long[0]);
            case INT32:
                return List.of(random.ints(n).toArray(), new int[] {Integer.MIN_VALUE, -1, Integer.MAX_VALUE},
                        new int[0]);
            default: {
                boolean[] flags = new boolean[n];
                for (int i = 0; i < n; i++) {
                    flags[i] = random.nextBoolean();
                }
                return List.of(flags, new boolean[] {false, false}, new boolean[0]);
            }
        }
    }

    private static boolean[] everyFifth(int n) {
        boolean[] missing = new boolean[n];
        for (int i = 0; i < n; i += 5) {
            missing[i] = true;
        }
        return missing;
    }

    private static String describe(Object values, boolean[] missing) {
        int n = Array.getLength(values);
        StringBuilder text = new StringBuilder(values.getClass().getSimpleName()).append(" of ").append(n);
        if (n <= 4) {
            text.append(" ").append(java.util.Arrays.deepToString(new Object[] {values}));
        }
        return text.append(missing == null ? "" : ", every fifth missing").toString();
    }

    private static Object pick(Object array, List<Integer> rows) {
        Object out = Array.newInstance(array.getClass().getComponentType(), rows.size());
        for (int j = 0; j < rows.size(); j++) {
            Array.set(out, j, Array.get(array, rows.get(j)));
        }
        return out;
    }
}
