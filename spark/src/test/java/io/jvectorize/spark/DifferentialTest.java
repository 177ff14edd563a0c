package io.jvectorize.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Lowering;
import io.jvectorize.runtime.internal.plan.Term;
import io.jvectorize.spark.SharedSpark.Mode;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SparkCompute} against the in-JVM reference engine on random expression trees
 * ({@link RandomTrees}) over columns of every type full of NaN, infinities, signed zeros,
 * subnormals and extreme integers, with and without missing values, in every session mode:
 * value by value, bit for bit, except {@code exp}, {@code log}, {@code log10} and float
 * {@code **} at the root (within 1 ulp: Spark calls {@code StrictMath}) and float sums, means
 * and variances (within the rounding bound of reordered addition). An expression that is an
 * error in the engine (integer modulo by zero, a negative integer power, {@code min} of no
 * values) must be an error on Spark, with the same words.
 *
 * <p>Fast: each batch of trees is one Spark job for the elementwise ones and one for the
 * reductions, over the one shared session.
 */
class DifferentialTest {
    /** Batches in ANSI mode, the default; half as many in the other modes, which change less. */
    private static final int BATCHES = 4;
    private static final int TREES = 60;
    private static final int ROWS = 40;
    private static final Compute.Options REFERENCE = Compute.Options.defaults().optimize(false);

    /** What the engine gives for a tree: a value per row (null where missing), one value, or an error. */
    private record Outcome(Object[] rows, Object value, String error) {}

    @ParameterizedTest
    @EnumSource(Mode.class)
    void randomTreesAgreeValueByValue(Mode mode) {
        SplittableRandom random = new SplittableRandom(1700 + mode.ordinal());
        int trees = 0;
        int errors = 0;
        int bounded = 0;
        long values = 0;
        int batches = mode == Mode.ANSI ? BATCHES : BATCHES / 2;
        for (int batch = 0; batch < batches; batch++) {
            boolean withMissing = batch % 2 == 1;
            RandomTrees generator = new RandomTrees(random, withMissing);
            Map<String, Object> data = RandomTrees.data(random, ROWS);
            Map<String, boolean[]> missing = withMissing ? missing(random) : Map.of();
            Dataset<Row> table = SharedSpark.table(SharedSpark.session(mode), data, missing);

            List<Expr> elementwise = new ArrayList<>();
            List<Expr> reductions = new ArrayList<>();
            Map<Expr, Outcome> expected = new HashMap<>();
            List<Expr> batchTrees = new ArrayList<>();
            for (int t = 0; t < TREES; t++) {
                batchTrees.add(generator.tree());
            }
            // Errors for sure in every batch, beside the random ones: integer modulo, floor division, fmod and
            // reciprocal by zero, a negative power.
            batchTrees.add(Expr.parse("l % (j - j)", RandomTrees.SYMBOLS));
            batchTrees.add(Expr.parse("i ** (e - 100)", RandomTrees.SYMBOLS));
            batchTrees.add(Expr.parse("l // (j - j)", RandomTrees.SYMBOLS));
            batchTrees.add(Expr.parse("fmod(i, e - e)", RandomTrees.SYMBOLS));
            batchTrees.add(Expr.parse("reciprocal(i - i)", RandomTrees.SYMBOLS));
            for (Expr e : batchTrees) {
                Outcome outcome = reference(e, data, missing);
                expected.put(e, outcome);
                trees++;
                if (outcome.error() != null) {
                    errors++;
                    checkSparkFails(e, table, outcome.error());
                } else {
                    (e.isReduction() ? reductions : elementwise).add(e);
                }
            }
            values += checkElementwise(elementwise, expected, table);
            int[] counts = checkReductions(reductions, expected, table, data, missing);
            values += counts[0];
            bounded += counts[1];
        }
        assertTrue(values > batches * TREES * ROWS / 3, "values compared: " + values);
        assertTrue(errors >= 2 * batches && errors < trees / 3, "trees that are errors: " + errors + " of " + trees);
        assertTrue(bounded > 0, "float sums compared within their bound: " + bounded);
    }

    /** Compares every elementwise tree's column, all in one select; returns the number of values compared. */
    private static long checkElementwise(List<Expr> trees, Map<Expr, Outcome> expected, Dataset<Row> table) {
        if (trees.isEmpty()) {
            return 0;
        }
        List<Row> rows = table.select(trees.stream().map(e -> SparkCompute.columnOn(e, table)).toArray(Column[]::new))
                .collectAsList();
        long compared = 0;
        for (int k = 0; k < trees.size(); k++) {
            Expr e = trees.get(k);
            Object[] want = expected.get(e).rows();
            int ulps = strictMathAtRoot(e) ? 1 : 0;
            assertEquals(want.length, rows.size(), e + ": rows");
            for (int r = 0; r < want.length; r++) {
                Object got = rows.get(r).get(k);
                boolean agrees = want[r] == null ? got == null : Agreement.agrees(want[r], got, ulps);
                if (!agrees) {
                    fail(e + " at row " + r + ": the engine gives " + want[r] + ", Spark " + got
                            + (ulps > 0 ? " (bound " + ulps + " ulp)" : ""));
                }
                compared++;
            }
        }
        return compared;
    }

    /**
     * Compares every reduction tree's value, all in one aggregation; returns the values compared
     * and, of them, the float sums compared within their bound.
     */
    private static int[] checkReductions(List<Expr> trees, Map<Expr, Outcome> expected, Dataset<Row> table,
            Map<String, Object> data, Map<String, boolean[]> missing) {
        if (trees.isEmpty()) {
            return new int[2];
        }
        Column[] columns = trees.stream().map(e -> SparkCompute.columnOn(e, table)).toArray(Column[]::new);
        Row row = table.agg(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length)).first();
        int compared = 0;
        int bounded = 0;
        for (int k = 0; k < trees.size(); k++) {
            Expr e = trees.get(k);
            Object want = expected.get(e).value();
            // A reduction of one number (sum(3 + min(a))) folds one element: compute does that, not an agg column.
            Object got = TermColumns.isScalar(((Term.Reduce) Lowering.term(e)).operand())
                    ? SparkCompute.compute(e, table) : row.get(k);
            Term.Reduce reduce = (Term.Reduce) Lowering.term(e);
            String message = e + ": the engine gives " + want + ", Spark " + got;
            if (RandomTrees.reassociated(reduce) && want instanceof Number w && got instanceof Number g
                    && Double.isFinite(w.doubleValue()) && Double.isFinite(g.doubleValue())) {
                double magnitude = magnitude(reduce, data, missing);
                if (!(magnitude < 1e300)) {
                    continue; // the sum of magnitudes overflows: another order may overflow where this one does not
                }
                double tolerance = ReductionTest.RELATIVE * magnitude + (want instanceof Float ? Math.ulp(w.floatValue()) : 0);
                assertTrue(Math.abs(w.doubleValue() - g.doubleValue()) <= tolerance, message);
                bounded++;
            } else if (RandomTrees.reassociated(reduce) && (want instanceof Number w2 && !Double.isFinite(w2.doubleValue())
                    || got instanceof Number g2 && !Double.isFinite(g2.doubleValue()))) {
                // An infinity or NaN from overflow in one order of addition may be a number in another.
                double magnitude = magnitude(reduce, data, missing);
                assertTrue(!(magnitude < 1e300) || Agreement.agrees(want, got, 0), message);
            } else {
                assertTrue(Agreement.agrees(want, got, 0), message);
            }
            compared++;
        }
        return new int[] {compared, bounded};
    }

    /** The tree computed alone on Spark must fail with the engine's words. */
    private static void checkSparkFails(Expr e, Dataset<Row> table, String error) {
        Object result;
        try {
            result = e.isReduction() ? SparkCompute.compute(e, table)
                    : ((Dataset<?>) SparkCompute.compute(e, table)).collectAsList();
        } catch (Exception thrown) { // SparkException too, which Scala throws unchecked
            String words = sharedWords(error);
            StringBuilder chain = new StringBuilder();
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                chain.append(t.getMessage()).append('\n');
            }
            assertTrue(chain.toString().contains(words), e + ": the engine says " + error + "; Spark says " + chain);
            return;
        }
        fail(e + ": the engine says " + error + ", Spark gives " + result);
    }

    /** The part of the engine's message that the Spark translation repeats. */
    private static String sharedWords(String error) {
        for (String words : List.of(WrappingIntegers.MODULO_BY_ZERO, WrappingIntegers.NEGATIVE_POWER,
                WrappingIntegers.FLOOR_DIVISION_BY_ZERO, WrappingIntegers.FMOD_BY_ZERO, WrappingIntegers.RECIPROCAL_OF_ZERO,
                "zero-size array to reduction operation")) {
            if (error.contains(words)) {
                return words;
            }
        }
        return error;
    }

    /** The engine's outcome over the rows where all of the tree's symbols are present. */
    private static Outcome reference(Expr e, Map<String, Object> data, Map<String, boolean[]> missing) {
        int n = Array.getLength(data.values().iterator().next());
        List<Integer> present = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            boolean complete = true;
            for (String symbol : e.symbols().keySet()) {
                boolean[] mask = missing.get(symbol);
                complete &= mask == null || !mask[r];
            }
            if (complete) {
                present.add(r);
            }
        }
        Map<String, Object> subset = new LinkedHashMap<>();
        data.forEach((name, column) -> subset.put(name, pick(column, present)));
        Object result;
        try {
            result = Compute.compute(e, subset, REFERENCE);
        } catch (ArithmeticException | IllegalArgumentException error) {
            return new Outcome(null, null, error.getMessage());
        }
        if (e.isReduction()) {
            return new Outcome(null, result, null);
        }
        Object[] rows = new Object[n];
        int length = Array.getLength(result); // 1 for an operand that is one number, as 3 + min(a)
        for (int k = 0; k < present.size(); k++) {
            rows[present.get(k)] = Array.get(result, Math.min(k, length - 1));
        }
        return new Outcome(rows, null, null);
    }

    private static boolean strictMathAtRoot(Expr e) {
        return Lowering.term(e) instanceof Term.Apply apply && apply.type().isFloating()
                && List.of("EXP", "LOG", "LOG10", "POW").contains(apply.op().name());
    }

    /** The scale of a float reduction's rounding error, from its operand's values (ReductionTest's rule). */
    private static double magnitude(Term.Reduce reduce, Map<String, Object> data, Map<String, boolean[]> missing) {
        Outcome operand = reference((Expr) reduce.operand().source(), data, missing);
        double absolute = 0;
        double squares = 0;
        int n = 0;
        for (Object v : operand.rows()) {
            if (v == null) {
                continue;
            }
            double x = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
            if (!Double.isNaN(x)) {
                absolute += Math.abs(x);
                squares += x * x;
            }
            n++;
        }
        switch (SparkReduction.valueOf(reduce.kind().name())) {
            case SUM: case NANSUM: return absolute;
            case MEAN: case NANMEAN: return absolute / Math.max(1, n);
            case VAR: return squares / Math.max(1, n);
            default: return Math.sqrt(squares / Math.max(1, n));
        }
    }

    /** A missing-value mask for each column, about one row in six missing. */
    private static Map<String, boolean[]> missing(SplittableRandom random) {
        Map<String, boolean[]> masks = new HashMap<>();
        for (String name : RandomTrees.COLUMNS.keySet()) {
            boolean[] mask = new boolean[ROWS];
            for (int r = 0; r < ROWS; r++) {
                mask[r] = random.nextInt(6) == 0;
            }
            masks.put(name, mask);
        }
        return masks;
    }

    private static Object pick(Object column, List<Integer> rows) {
        Object picked = Array.newInstance(column.getClass().getComponentType(), rows.size());
        for (int k = 0; k < rows.size(); k++) {
            Array.set(picked, k, Array.get(column, rows.get(k)));
        }
        return picked;
    }
}
