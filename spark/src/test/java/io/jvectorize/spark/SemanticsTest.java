package io.jvectorize.spark;

import static org.apache.spark.sql.functions.atan2;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.signum;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.stddev;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.variance;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each way Spark's defaults differ from NumPy's (and the in-JVM engine's), as DESIGN.md lists
 * them: Spark's own expression gives another answer (or raises) in the modes the case names,
 * and the translation gives the engine's answer in ANSI mode and without it.
 */
class SemanticsTest {

    /**
     * One difference: data, the translation, and the expression a Spark user would write.
     *
     * @param defaultDiffersIn the modes where Spark's expression disagrees with the engine
     */
    record Difference(String name, Map<String, Object> data, Function<Dataset<Row>, NumPyColumn> ours,
            Function<Dataset<Row>, Column> sparkDefault, Set<Mode> defaultDiffersIn) {
        /** The same difference, translated otherwise. */
        Difference with(Function<Dataset<Row>, NumPyColumn> translation) {
            return new Difference(name, data, translation, sparkDefault, defaultDiffersIn);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<Mode> BOTH = EnumSet.of(Mode.ANSI, Mode.LEGACY);

    static Stream<Arguments> differences() {
        List<Difference> all = List.of(
                elementwise("NaN > y is true in Spark", doubles(Double.NaN, 1.0), doubles(1.0, Double.NaN),
                        SparkOperator.GT, d -> col("a").gt(col("b")), BOTH),
                elementwise("NaN == NaN is true in Spark", doubles(Double.NaN, 1.0), doubles(Double.NaN, 1.0),
                        SparkOperator.EQ, d -> col("a").equalTo(col("b")), BOTH),
                elementwise("NaN != NaN is false in Spark", doubles(Double.NaN, 1.0), doubles(Double.NaN, 1.0),
                        SparkOperator.NE, d -> col("a").notEqual(col("b")), BOTH),
                elementwise("x <= NaN is true in Spark", doubles(1.0, Double.NaN), doubles(Double.NaN, Double.NaN),
                        SparkOperator.LE, d -> col("a").leq(col("b")), BOTH),
                elementwise("/ by ±0.0: DIVIDE_BY_ZERO under ANSI, null without", doubles(1.0, -1.0, 0.0, 1.0),
                        doubles(0.0, 0.0, 0.0, -0.0), SparkOperator.DIV, d -> col("a").divide(col("b")), BOTH),
                elementwise("% by 0.0: REMAINDER_BY_ZERO under ANSI, null without", doubles(1.0, 5.5),
                        doubles(0.0, -0.0), SparkOperator.MOD, d -> col("a").mod(col("b")), BOTH),
                elementwise("% takes the dividend's sign in Spark", doubles(-5.0, 5.0, -0.0), doubles(3.0, -3.0, 3.0),
                        SparkOperator.MOD, d -> col("a").mod(col("b")), BOTH),
                elementwise("pmod is never negative, and keeps -0.0", doubles(5.0, -0.0, 6.0), doubles(-3.0, 3.0, -3.0),
                        SparkOperator.MOD, d -> pmod(col("a"), col("b")), BOTH),
                elementwise("integer % takes the dividend's sign in Spark", longs(-7, 7, Long.MIN_VALUE),
                        longs(3, -3, -1), SparkOperator.MOD, d -> col("a").mod(col("b")), BOTH),
                elementwise("int64 overflow: ARITHMETIC_OVERFLOW under ANSI", longs(Long.MAX_VALUE, Long.MIN_VALUE, 1L << 62),
                        longs(1, -1, 4), SparkOperator.ADD, d -> col("a").plus(col("b")), EnumSet.of(Mode.ANSI)),
                elementwise("int64 product overflow", longs(Long.MAX_VALUE, 3_037_000_500L, -(1L << 40)),
                        longs(3, 3_037_000_500L, 1L << 40), SparkOperator.MUL, d -> col("a").multiply(col("b")),
                        EnumSet.of(Mode.ANSI)),
                elementwise("int32 overflow", ints(Integer.MAX_VALUE, 46_341), ints(1, 46_341), SparkOperator.MUL,
                        d -> col("a").multiply(col("b")), EnumSet.of(Mode.ANSI)),
                elementwise("-(int64 min) overflows under ANSI", longs(Long.MIN_VALUE, 5), null, SparkOperator.NEG,
                        d -> org.apache.spark.sql.functions.negate(col("a")), EnumSet.of(Mode.ANSI)),
                elementwise("** gives double for integers", longs(3, -3, 7), longs(39, 39, 22), SparkOperator.POW,
                        d -> pow(col("a"), col("b")), BOTH),
                elementwise("least skips NaN", doubles(Double.NaN, 1.0), doubles(1.0, Double.NaN), SparkOperator.MINIMUM,
                        d -> least(col("a"), col("b")), BOTH),
                elementwise("least keeps the first of two zeros", doubles(0.0), doubles(-0.0), SparkOperator.MINIMUM,
                        d -> least(col("a"), col("b")), BOTH),
                elementwise("greatest keeps the first of two zeros", doubles(-0.0), doubles(0.0), SparkOperator.MAXIMUM,
                        d -> greatest(col("a"), col("b")), BOTH),
                elementwise("log is null at 0 and below", doubles(0.0, -0.0, -1.0, Double.NEGATIVE_INFINITY), null,
                        SparkOperator.LOG, d -> log(col("a")), BOTH),
                elementwise("log10 is null at 0 and below", doubles(0.0, -2.0), null, SparkOperator.LOG10,
                        d -> log10(col("a")), BOTH),
                elementwise("log1p is null at -1 and below", doubles(-1.0, -2.0), null, SparkOperator.LOG1P,
                        d -> log1p(col("a")), BOTH),
                elementwise("atan2(-0.0, x < 0) loses the sign", doubles(-0.0, -0.0, 0.0), doubles(-1.0, -0.0, -0.0),
                        SparkOperator.ATAN2, d -> atan2(col("a"), col("b")), BOTH),
                new Difference("float32 times a Python float stays float32 (NEP 50)", columns(floats(0.1f, 3.3f), null),
                        d -> NumPyColumn.apply(SparkOperator.MUL, NumPyColumn.of(d, "a"), NumPyColumn.literal(0.1)),
                        d -> col("a").multiply(lit(0.1)), BOTH),
                new Difference("int32 plus a Python int stays int32, wrapping", columns(ints(Integer.MAX_VALUE, 5), null),
                        d -> NumPyColumn.apply(SparkOperator.ADD, NumPyColumn.of(d, "a"), NumPyColumn.literal(1L)),
                        d -> col("a").plus(lit(1L)), BOTH),
                elementwise("floor gives bigint: no NaN, infinities, -0.0, large values",
                        doubles(Double.NaN, Double.NEGATIVE_INFINITY, -0.0, -0.5, 1e300, 2.5), null, SparkOperator.FLOOR,
                        d -> floor(col("a")), BOTH),
                elementwise("ceil gives bigint: ceil(-0.5) is 0, not -0.0", doubles(-0.5, 0.5, Double.NaN), null,
                        SparkOperator.CEIL, d -> ceil(col("a")), BOTH),
                elementwise("round is half up in Spark, half to even in NumPy", doubles(2.5, -0.5, 3.5), null,
                        SparkOperator.ROUND, d -> round(col("a")), BOTH),
                elementwise("signum keeps -0.0; NumPy's sign is 0.0", doubles(-0.0, Double.NaN, -3.0), null,
                        SparkOperator.SIGN, d -> signum(col("a")), BOTH),
                elementwise("float // is floor(a / b) in NumPy's way: no bigint, inf by zero, -1 for -1 // inf",
                        doubles(-7.0, 1.0, -1.0, -0.0), doubles(2.0, 0.0, Double.POSITIVE_INFINITY, 5.0),
                        SparkOperator.FLOOR_DIVIDE, d -> floor(col("a").divide(col("b"))), BOTH),
                elementwise("integer div truncates; // rounds down", longs(-7, 7, Long.MIN_VALUE), longs(2, -2, -1),
                        SparkOperator.FLOOR_DIVIDE, d -> call_function("div", col("a"), col("b")), BOTH),
                elementwise("fmod by 0.0: REMAINDER_BY_ZERO under ANSI, null without", doubles(1.0, -5.5),
                        doubles(0.0, -0.0), SparkOperator.FMOD, d -> col("a").mod(col("b")), BOTH),
                elementwise("shifts by 64 or more: Spark takes the count modulo 64", longs(1, 16, -16), longs(64, 65, 200),
                        SparkOperator.LEFT_SHIFT, d -> call_function("shiftleft", col("a"), col("b").cast("int")), BOTH),
                elementwise("right shift by 64 or more keeps the sign", longs(16, -16), longs(65, 70),
                        SparkOperator.RIGHT_SHIFT, d -> call_function("shiftright", col("a"), col("b").cast("int")), BOTH),
                elementwise("clip: greatest and least skip NaN", doubles(Double.NaN, 5.0), doubles(0.0, Double.NaN),
                        SparkOperator.CLIP, d -> least(greatest(col("a"), col("b")), lit(1.0)), BOTH)
                        .with(d -> NumPyColumn.apply(SparkOperator.CLIP, NumPyColumn.of(d, "a"), NumPyColumn.of(d, "b"),
                                NumPyColumn.literal(1.0))),
                elementwise("log2 is ln(x) / ln(2) in Spark, null at 0", doubles(536870912.0, 0.0, -1.0), null,
                        SparkOperator.LOG2, d -> log2(col("a")), BOTH),
                new Difference("x ** 3 is x * x * x, where pow differs", columns(doubles(4.1, 0.06, 9.4), null),
                        d -> NumPyColumn.apply(SparkOperator.POW, NumPyColumn.of(d, "a"), NumPyColumn.literal(3L)),
                        d -> pow(col("a"), lit(3.0)), BOTH),
                new Difference("a bool is 1 in arithmetic; Spark refuses boolean + int", columns(new boolean[] {true, false}, null),
                        d -> NumPyColumn.apply(SparkOperator.ADD, NumPyColumn.of(d, "a"), NumPyColumn.literal(1L)),
                        d -> col("a").plus(lit(1L)), BOTH),
                reduction("min orders NaN above numbers", doubles(1.0, Double.NaN, -2.0), SparkReduction.MIN,
                        x -> min(x), BOTH),
                reduction("min of two zeros keeps the first", doubles(0.0, -0.0), SparkReduction.MIN, x -> min(x), BOTH),
                reduction("max of two zeros keeps the first", doubles(-0.0, 0.0), SparkReduction.MAX, x -> max(x), BOTH),
                reduction("var is the sample variance", doubles(1.0, 2.0, 4.0, 8.0), SparkReduction.VAR,
                        x -> variance(x), BOTH),
                reduction("std is the sample deviation", doubles(1.0, 2.0, 4.0, 8.0), SparkReduction.STD,
                        x -> stddev(x), BOTH),
                reduction("nanmax: max is NaN with a NaN", doubles(1.0, Double.NaN, 3.0), SparkReduction.NANMAX,
                        x -> max(x), BOTH),
                reduction("nansum: sum is NaN with a NaN", doubles(1.0, Double.NaN, 3.0), SparkReduction.NANSUM,
                        x -> sum(x), BOTH),
                reduction("nancount: count counts NaN", doubles(1.0, Double.NaN, 3.0), SparkReduction.NANCOUNT,
                        x -> count(x), BOTH),
                reduction("int64 sum overflow: ARITHMETIC_OVERFLOW under ANSI", longs(Long.MAX_VALUE, 1, 2),
                        SparkReduction.SUM, x -> sum(x), EnumSet.of(Mode.ANSI)));
        List<Arguments> arguments = new ArrayList<>();
        for (Difference difference : all) {
            for (Mode mode : BOTH) {
                arguments.add(Arguments.of(difference, mode));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("differences")
    void theTranslationGivesTheEnginesAnswerWhereSparksDefaultDoesNot(Difference difference, Mode mode) {
        Dataset<Row> data = SharedSpark.table(SharedSpark.session(mode), difference.data());
        NumPyColumn ours = difference.ours().apply(data);
        Object expected = Compute.compute(ours.expr(), difference.data(), false);
        if (ours.expr().isReduction()) {
            assertTrue(Agreement.agrees(expected, ours.valueOn(data), 1), ours + " gives " + ours.valueOn(data)
                    + ", the engine " + expected);
            if (difference.defaultDiffersIn().contains(mode)) {
                Object plain = sparkValueOrError(() -> data.agg(difference.sparkDefault().apply(data)).first().get(0));
                assertFalse(expected.equals(plain), "Spark's default gives the engine's " + expected + " too");
            }
            return;
        }
        List<Object> got = column(data, ours.column());
        Agreement.assertAgrees(ours.toString(), expected, got, 1, i -> "row " + i);
        if (difference.defaultDiffersIn().contains(mode)) {
            Object plain = sparkValueOrError(() -> column(data, difference.sparkDefault().apply(data)));
            boolean same = plain instanceof List<?> values && values.size() == got.size()
                    && sameValues(expected, values);
            assertFalse(same, "Spark's default gives the engine's answer too: " + plain);
        }
    }

    @Test
    void whereWithAMissingConditionIsMissingWhereSparksCaseTakesTheElseBranch() {
        Map<String, Object> data = columns(doubles(1.0, 2.0), doubles(10.0, 20.0));
        data.put("c", new boolean[] {true, true});
        for (Mode mode : BOTH) {
            Dataset<Row> table = SharedSpark.table(SharedSpark.session(mode), data,
                    Map.of("c", new boolean[] {false, true}));
            NumPyColumn where = NumPyColumn.apply(SparkOperator.WHERE, NumPyColumn.of(table, "c"),
                    NumPyColumn.of(table, "a"), NumPyColumn.of(table, "b"));
            assertEquals(java.util.Arrays.asList(1.0, null), column(table, where.column()));
            assertEquals(List.of(1.0, 20.0), column(table, when(col("c"), col("a")).otherwise(col("b"))));
        }
    }

    @Test
    void integerModuloByZeroAndNegativePowersAreErrorsInBothModes() {
        Map<String, Object> data = columns(longs(7, 8), longs(2, 0));
        Map<String, Object> powers = columns(longs(7, 8), longs(2, -1));
        for (Mode mode : BOTH) {
            Dataset<Row> table = SharedSpark.table(SharedSpark.session(mode), data);
            NumPyColumn modulo = NumPyColumn.apply(SparkOperator.MOD, NumPyColumn.of(table, "a"), NumPyColumn.of(table, "b"));
            assertThrows(ArithmeticException.class, () -> Compute.compute(modulo.expr(), data, false));
            Exception e = assertThrows(Exception.class, () -> column(table, modulo.column()));
            assertTrue(e.getMessage().contains(WrappingIntegers.MODULO_BY_ZERO), e.getMessage());

            Dataset<Row> powerTable = SharedSpark.table(SharedSpark.session(mode), powers);
            NumPyColumn power = NumPyColumn.apply(SparkOperator.POW, NumPyColumn.of(powerTable, "a"),
                    NumPyColumn.of(powerTable, "b"));
            assertThrows(ArithmeticException.class, () -> Compute.compute(power.expr(), powers, false));
            e = assertThrows(Exception.class, () -> column(powerTable, power.column()));
            assertTrue(e.getMessage().contains(WrappingIntegers.NEGATIVE_POWER), e.getMessage());
        }
    }

    @Test
    void integerFloorDivisionFmodAndReciprocalOfZeroAreErrorsInBothModesButNotWhereMissing() {
        Map<String, Object> data = columns(longs(7, 8, 9), longs(2, 0, 0));
        Map<SparkOperator, String> words = Map.of(SparkOperator.FLOOR_DIVIDE, WrappingIntegers.FLOOR_DIVISION_BY_ZERO,
                SparkOperator.FMOD, WrappingIntegers.FMOD_BY_ZERO, SparkOperator.RECIPROCAL, WrappingIntegers.RECIPROCAL_OF_ZERO);
        for (Mode mode : BOTH) {
            Dataset<Row> table = SharedSpark.table(SharedSpark.session(mode), data);
            Dataset<Row> zerosMissing = SharedSpark.table(SharedSpark.session(mode), data,
                    Map.of("b", new boolean[] {false, true, true}));
            for (Map.Entry<SparkOperator, String> op : words.entrySet()) {
                Function<Dataset<Row>, NumPyColumn> translate = d -> op.getKey().arity() == 1
                        ? NumPyColumn.apply(op.getKey(), NumPyColumn.of(d, "b"))
                        : NumPyColumn.apply(op.getKey(), NumPyColumn.of(d, "a"), NumPyColumn.of(d, "b"));
                NumPyColumn ours = translate.apply(table);
                ArithmeticException engine = assertThrows(ArithmeticException.class,
                        () -> Compute.compute(ours.expr(), data, false));
                assertTrue(engine.getMessage().contains(op.getValue()), engine.getMessage());
                Exception e = assertThrows(Exception.class, () -> column(table, ours.column()));
                assertTrue(e.getMessage().contains(op.getValue()), e.getMessage());
                List<Object> values = column(zerosMissing, translate.apply(zerosMissing).column());
                assertEquals(java.util.Arrays.asList(null, null), values.subList(1, 3), op.getKey() + ": " + values);
            }
        }
    }

    // ---- building the cases -------------------------------------------------------------------

    private static Difference elementwise(String name, Object a, Object b, SparkOperator op,
            Function<Dataset<Row>, Column> sparkDefault, Set<Mode> differsIn) {
        return new Difference(name, columns(a, b), d -> b == null ? NumPyColumn.apply(op, NumPyColumn.of(d, "a"))
                : NumPyColumn.apply(op, NumPyColumn.of(d, "a"), NumPyColumn.of(d, "b")), sparkDefault, differsIn);
    }

    private static Difference reduction(String name, Object a, SparkReduction kind, Function<Column, Column> sparkDefault,
            Set<Mode> differsIn) {
        return new Difference(name, columns(a, null), d -> NumPyColumn.of(d, "a").reduce(kind),
                d -> sparkDefault.apply(col("a")), differsIn);
    }

    private static Map<String, Object> columns(Object a, Object b) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("a", a);
        if (b != null) {
            columns.put("b", b);
        }
        return columns;
    }

    private static double[] doubles(double... v) {
        return v;
    }

    private static float[] floats(float... v) {
        return v;
    }

    private static long[] longs(long... v) {
        return v;
    }

    private static int[] ints(int... v) {
        return v;
    }

    private static List<Object> column(Dataset<Row> data, Column column) {
        List<Object> values = new ArrayList<>();
        for (Row row : data.select(column).collectAsList()) {
            values.add(row.get(0));
        }
        return values;
    }

    private static boolean sameValues(Object expected, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!Agreement.agrees(Array.get(expected, i), values.get(i), 0)) {
                return false;
            }
        }
        return true;
    }

    /** Spark's value, or the exception Spark raised instead. */
    private static Object sparkValueOrError(java.util.function.Supplier<Object> value) {
        try {
            return value.get();
        } catch (Exception e) { // AnalysisException too, which Scala throws unchecked
            return e;
        }
    }
}
