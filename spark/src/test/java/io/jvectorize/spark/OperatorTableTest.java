package io.jvectorize.spark;

import static io.jvectorize.spark.Agreement.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.spark.SharedSpark.Mode;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operator of {@link SparkOperator}, on every combination of operand types the runtime
 * accepts, over special and random values (the cross product of two lists for binary
 * operators), against the in-JVM reference engine: arithmetic and comparisons bit for bit, math
 * functions within {@link #MATH_ULPS}; result types equal; in every {@link Mode}.
 */
class OperatorTableTest {

    /** Spark's math functions are StrictMath's or Math's, the reference engine's Math's: apart by at most this. */
    static final int MATH_ULPS = 1;

    /** The operators computed by a math library (of Spark's, of the JVM's): not exact. */
    static final Set<SparkOperator> MATH = EnumSet.of(SparkOperator.EXP, SparkOperator.EXPM1, SparkOperator.LOG,
            SparkOperator.LOG10, SparkOperator.LOG1P, SparkOperator.SIN, SparkOperator.COS, SparkOperator.TAN,
            SparkOperator.ASIN, SparkOperator.ACOS, SparkOperator.ATAN, SparkOperator.SINH, SparkOperator.COSH,
            SparkOperator.TANH, SparkOperator.ATAN2, SparkOperator.HYPOT, SparkOperator.POW);

    /** The operators that raise for some integer operands (a zero divisor, a negative exponent): SemanticsTest. */
    static final Set<SparkOperator> RAISING = EnumSet.of(SparkOperator.MOD, SparkOperator.FLOOR_DIVIDE, SparkOperator.FMOD,
            SparkOperator.POW, SparkOperator.RECIPROCAL);

    /** Of an integer (or bool) operand, these raise for 0 or as a negative power (SemanticsTest). */
    static final Set<SparkOperator> RAISING_OF_ONE = EnumSet.of(SparkOperator.RECIPROCAL, SparkOperator.INVERSE,
            SparkOperator.INVERSE_SQUARE, SparkOperator.INVERSE_CUBE, SparkOperator.INVERSE_FOURTH);

    @ParameterizedTest
    @EnumSource(Mode.class)
    void unaryOperatorsOnEveryType(Mode mode) {
        SparkSession spark = SharedSpark.session(mode);
        for (DType type : Values.REAL_TYPES) {
            Object a = Values.special(type);
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("a", a);
            List<SparkOperator> ops = new ArrayList<>(operators(1));
            if (!type.isFloating()) {
                ops.removeAll(RAISING_OF_ONE);
            }
            check(spark, columns, ops, i -> "a = " + Array.get(a, i));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void binaryOperatorsOnEveryPairOfTypes(Mode mode) {
        SparkSession spark = SharedSpark.session(mode);
        for (DType[] types : typePairs(mode)) {
            DType left = types[0];
            DType right = types[1];
            // bool meets integers as 0 and 1 (True is 1): a False divisor divides by zero.
            boolean integers = (left.isIntegral() || left == DType.BOOLEAN) && (right.isIntegral() || right == DType.BOOLEAN)
                    && !(left == DType.BOOLEAN && right == DType.BOOLEAN);
            List<SparkOperator> ops = new ArrayList<>(operators(2));
            if (integers) {
                // By zero and to negative powers both raise an error: SemanticsTest.
                ops.removeAll(List.of(SparkOperator.MOD, SparkOperator.FLOOR_DIVIDE, SparkOperator.FMOD, SparkOperator.POW));
                checkPairs(spark, left, right, List.of(SparkOperator.MOD, SparkOperator.FLOOR_DIVIDE, SparkOperator.FMOD),
                        b -> b != 0);
                checkPairs(spark, left, right, List.of(SparkOperator.POW), b -> b >= 0);
            }
            checkPairs(spark, left, right, ops, b -> true);
        }
    }

    private static void checkPairs(SparkSession spark, DType left, DType right, List<SparkOperator> ops,
            java.util.function.LongPredicate divisors) {
        Object b = Values.special(right);
        if (right.isIntegral()) {
            b = right == DType.INT64 ? Arrays.stream((long[]) b).filter(divisors).toArray()
                    : Arrays.stream((int[]) b).filter(v -> divisors.test(v)).toArray();
        } else if (right == DType.BOOLEAN) {
            boolean[] flags = (boolean[]) b;
            int kept = 0;
            boolean[] filtered = new boolean[flags.length];
            for (boolean flag : flags) {
                if (divisors.test(flag ? 1 : 0)) {
                    filtered[kept++] = flag;
                }
            }
            b = Arrays.copyOf(filtered, kept);
        }
        Object[] pairs = Values.crossProduct(Values.special(left), b);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("a", pairs[0]);
        columns.put("b", pairs[1]);
        check(spark, columns, ops, i -> "a = " + Array.get(pairs[0], i) + ", b = " + Array.get(pairs[1], i));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void whereOnEveryPairOfTypes(Mode mode) {
        SparkSession spark = SharedSpark.session(mode);
        for (DType[] types : typePairs(mode)) {
            DType left = types[0];
            DType right = types[1];
            Object[] pairs = Values.crossProduct(Values.special(left), Values.special(right));
            Object[] conditions = Values.crossProduct(Values.special(DType.BOOLEAN), pairs[0]);
            Object[] withB = Values.crossProduct(Values.special(DType.BOOLEAN), pairs[1]);
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("c", conditions[0]);
            columns.put("a", conditions[1]);
            columns.put("b", withB[1]);
            check(spark, columns, List.of(SparkOperator.WHERE), i -> "c = " + Array.get(conditions[0], i)
                    + ", a = " + Array.get(conditions[1], i) + ", b = " + Array.get(withB[1], i));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void weakLiteralsOnEitherSide(Mode mode) {
        SparkSession spark = SharedSpark.session(mode);
        List<NumPyColumn> literals = List.of(NumPyColumn.literal(2.0), NumPyColumn.literal(-0.0),
                NumPyColumn.literal(Double.NaN), NumPyColumn.literal(2L), NumPyColumn.literal(-1L),
                NumPyColumn.literal(3_000_000_000L));
        for (DType type : Values.REAL_TYPES) {
            Object a = Values.special(type);
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("a", a);
            Dataset<Row> data = SharedSpark.table(spark, columns);
            NumPyColumn column = NumPyColumn.of(data, "a");
            List<Case> cases = new ArrayList<>();
            for (NumPyColumn literal : literals) {
                for (SparkOperator op : operators(2)) {
                    tryApply(op, column, literal, cases);
                    tryApply(op, literal, column, cases);
                }
            }
            // Integer % and ** of these literals may raise: binaryOperatorsOnEveryPairOfTypes has them.
            cases.removeIf(c -> RAISING.contains(c.op) && c.result.dtype().isIntegral());
            compare(data, columns, cases, i -> "a = " + Array.get(a, i));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aMissingOperandGivesAMissingResult(Mode mode) {
        SparkSession spark = SharedSpark.session(mode);
        for (DType[] types : typePairs(mode)) {
            DType left = types[0];
            DType right = types[1];
            Object[] pairs = Values.crossProduct(Values.special(left), Values.special(right));
            int n = Array.getLength(pairs[0]);
            boolean[] conditions = new boolean[n];
            boolean[] missingA = new boolean[n];
            boolean[] missingB = new boolean[n];
            boolean[] missingC = new boolean[n];
            for (int i = 0; i < n; i++) {
                conditions[i] = i % 2 == 0;
                missingA[i] = i % 3 != 1;
                missingB[i] = i % 3 != 0;
                missingC[i] = i % 5 == 0;
            }
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("c", conditions);
            columns.put("a", pairs[0]);
            columns.put("b", pairs[1]);
            Dataset<Row> data = SharedSpark.table(spark, columns, Map.of("a", missingA, "b", missingB, "c", missingC));
            NumPyColumn a = NumPyColumn.of(data, "a");
            NumPyColumn b = NumPyColumn.of(data, "b");
            NumPyColumn c = NumPyColumn.of(data, "c");
            List<Case> cases = new ArrayList<>();
            for (SparkOperator op : SparkOperator.values()) {
                if (op.arity() == 1 && RAISING_OF_ONE.contains(op) && !left.isFloating()) {
                    continue; // of one operand, it raises where that is present (an integer 0, a negative power)
                }
                try {
                    cases.add(new Case(op, op.arity() == 1 ? NumPyColumn.apply(op, a)
                            : op.arity() == 2 ? NumPyColumn.apply(op, a, b) : NumPyColumn.apply(op, c, a, b)));
                } catch (IllegalArgumentException refusedByTheRuntime) {
                    // not an operation jvectorize has on these types
                }
            }
            List<Row> rows = data.select(cases.stream().map(k -> k.result.column()).toArray(Column[]::new))
                    .collectAsList();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < cases.size(); k++) {
                    SparkOperator op = cases.get(k).op;
                    boolean missing = missingA[i] || (op.arity() > 1 && missingB[i])
                            || (op == SparkOperator.WHERE && missingC[i]);
                    // & and | of bools follow SQL's (Kleene's) logic, as the tables do: false & missing is
                    // false (SparkTableVsTableTest compares them with Table's).
                    boolean kleene = (op == SparkOperator.AND || op == SparkOperator.OR)
                            && cases.get(k).result.dtype() == DType.BOOLEAN;
                    if (missing && !kleene) {
                        assertNull(rows.get(i).get(k), cases.get(k).result + " of a missing operand, at "
                                + pairs[0].getClass().getSimpleName() + " " + Array.get(pairs[0], i) + ", "
                                + Array.get(pairs[1], i));
                    }
                }
            }
        }
    }

    /**
     * The pairs of operand types a mode runs: all in Spark's default mode; pairs of one type and
     * two mixed ones in the others (mixed pairs add only conversions, which no mode changes).
     */
    private static List<DType[]> typePairs(Mode mode) {
        List<DType[]> pairs = new ArrayList<>();
        for (DType left : Values.REAL_TYPES) {
            for (DType right : Values.REAL_TYPES) {
                if (mode == Mode.ANSI || left == right || (left == DType.INT32 && right == DType.FLOAT64)
                        || (left == DType.FLOAT32 && right == DType.INT64)) {
                    pairs.add(new DType[] {left, right});
                }
            }
        }
        return pairs;
    }

    private static List<SparkOperator> operators(int arity) {
        return Arrays.stream(SparkOperator.values()).filter(op -> op.arity() == arity).toList();
    }

    /** An operator and what it gave on Spark. */
    private record Case(SparkOperator op, NumPyColumn result) {}

    private static void tryApply(SparkOperator op, NumPyColumn a, NumPyColumn b, List<Case> cases) {
        try {
            cases.add(new Case(op, NumPyColumn.apply(op, a, b)));
        } catch (IllegalArgumentException refusedByTheRuntime) {
            assertThrowsToo(op, a.expr(), b.expr());
        }
    }

    private static void assertThrowsToo(SparkOperator op, Expr... operands) {
        try {
            op.build(List.of(operands));
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError(op + " of " + Arrays.toString(operands) + " refused on Spark but not by the runtime");
    }

    /** Applies each of {@code ops} to the columns (in order) where the runtime types it, and compares. */
    private static void check(SparkSession spark, Map<String, Object> columns, List<SparkOperator> ops,
            IntFunction<String> describe) {
        Dataset<Row> data = SharedSpark.table(spark, columns);
        NumPyColumn[] operands = columns.keySet().stream().map(name -> NumPyColumn.of(data, name))
                .toArray(NumPyColumn[]::new);
        List<Case> cases = new ArrayList<>();
        for (SparkOperator op : ops) {
            try {
                cases.add(new Case(op, NumPyColumn.apply(op, operands)));
            } catch (IllegalArgumentException refusedByTheRuntime) {
                assertThrowsToo(op, Arrays.stream(operands).map(NumPyColumn::expr).toArray(Expr[]::new));
            }
        }
        compare(data, columns, cases, describe);
    }

    /** Selects all {@code cases} in one Spark job and compares each with the reference engine on the same data. */
    private static void compare(Dataset<Row> data, Map<String, Object> columns, List<Case> cases,
            IntFunction<String> describe) {
        Dataset<Row> computed = data.select(cases.stream().map(c -> c.result.column()).toArray(Column[]::new));
        List<Row> rows = computed.collectAsList();
        for (int k = 0; k < cases.size(); k++) {
            NumPyColumn result = cases.get(k).result;
            assertEquals(SparkTypes.dataType(result.dtype()), computed.schema().fields()[k].dataType(),
                    result.expr() + ": Spark type");
            Object expected = Compute.compute(result.expr(), columns, false);
            List<Object> actual = new ArrayList<>();
            for (Row row : rows) {
                actual.add(row.get(k));
            }
            int ulps = MATH.contains(cases.get(k).op) && result.dtype().isFloating() ? MATH_ULPS : 0;
            assertAgrees(result.expr().toString(), expected, actual, ulps, describe);
        }
    }
}
