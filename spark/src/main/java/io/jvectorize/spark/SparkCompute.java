package io.jvectorize.spark;

import static org.apache.spark.sql.functions.lit;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Lowering;
import io.jvectorize.runtime.internal.plan.Term;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * jvectorize expressions and tables computed on Apache Spark, with the in-JVM engine's answers
 * ({@link Compute}'s, which are NumPy's): the same NaN, signed zeros and wrapping integers, in
 * ANSI mode or not. Built-in operators and functions become Spark functions, so that Catalyst
 * plans and fuses them (whole-stage codegen); {@code @Vectorize} calls become UDFs of the scalar
 * method. Missing values (nulls) give missing elementwise results and are skipped by reductions.
 *
 * <pre>{@code
 * Expr density = Expr.parse("exp(-(x - mu)**2 / (2 * sigma**2)) / (sigma * sqrt(2 * pi))");
 * Dataset<Row> result = (Dataset<Row>) SparkCompute.compute(density, readings);  // one column, "result"
 * double top = (Double) SparkCompute.compute(Expr.parse("max(x)"), readings);   // NaN if any x is NaN
 * readings.withColumn("density", SparkCompute.column(density));
 * }</pre>
 */
public final class SparkCompute {
    /** The name of the column {@link #compute} gives for an elementwise expression. */
    public static final String RESULT = "result";

    private SparkCompute() {}

    /**
     * The Spark column computing {@code expr}: its symbols are the columns of the same names, of
     * the symbols' types or of types that widen to them (they are converted, as {@link Compute}
     * converts bound data); a reduction gives an aggregate column, for {@code select} or
     * {@code groupBy(...).agg}.
     *
     * @throws IllegalArgumentException for a reduction inside an elementwise expression (such as
     *     {@code x - mean(x)}: use {@link #compute}, which computes the reduction first), or an
     *     operator that has no translation to Spark
     */
    public static Column column(Expr expr) {
        Objects.requireNonNull(expr, "expr");
        return new TermColumns(reduce -> {
            throw new IllegalArgumentException(expr + " has a reduction, " + reduce.source() + ", inside an"
                    + " elementwise expression: a column cannot hold it; use SparkCompute.compute(expr, dataset),"
                    + " which computes the reduction first");
        }).translate(expr).column();
    }

    /**
     * As {@link #column(Expr)}, checking first that {@code data} has the symbols as columns of
     * types that widen to theirs.
     *
     * @throws IllegalArgumentException naming the symbol, for a column that is absent or of
     *     another type, as {@link Compute} says it of bound data
     */
    public static Column column(Expr expr, Dataset<Row> data) {
        checkColumns(Objects.requireNonNull(expr, "expr"), Objects.requireNonNull(data, "data"));
        return column(expr);
    }

    /**
     * {@code expr} computed over {@code data}: for an elementwise expression a dataset of one
     * column, {@value #RESULT}, a row for each row of {@code data} (missing where an input is);
     * for a reduction its value, boxed as {@link Compute} boxes it (Double, Float, Long, Integer,
     * Boolean). A reduction inside an elementwise expression ({@code x - mean(x)}) is computed
     * first, by a Spark job of its own, and acts as a number.
     *
     * @throws IllegalArgumentException naming the symbol, for a column that is absent or of a
     *     type that does not widen to the symbol's; for {@code min} or {@code max} of no elements
     * @throws ArithmeticException where a part without columns is an error ({@code 1 % 0})
     */
    public static Object compute(Expr expr, Dataset<Row> data) {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(data, "data");
        checkColumns(expr, data);
        NumPyColumn result = onData(data).translate(expr);
        if (expr.isReduction()) {
            return result.valueOn(rowsOf((Term.Reduce) Lowering.term(expr), data));
        }
        return data.select(result.column().as(RESULT));
    }

    /**
     * The aggregate column of the reduction {@code expr} over a table's rows, with the tables'
     * rule over no present values (sum and count 0, the others missing).
     *
     * @throws IllegalArgumentException if {@code expr} is not a reduction, or has one inside its operand
     */
    static Column tableAggregate(Expr expr, Dataset<Row> data) {
        return tableAggregate(expr, data, SparkTableText.Bindings.NONE);
    }

    /** As {@link #tableAggregate(Expr, Dataset)}, for an expression read from table text. */
    static Column tableAggregate(Expr expr, Dataset<Row> data, SparkTableText.Bindings bindings) {
        checkColumns(expr, data, bindings);
        if (!expr.isReduction()) {
            throw new IllegalArgumentException("agg takes reductions, such as sum(amount); " + expr + " is a value per row");
        }
        if (expr.symbols().isEmpty()) {
            return NumPyColumn.constant(expr).column();
        }
        return new TermColumns(reduce -> {
            throw new IllegalArgumentException("agg takes one reduction of a value per row; " + expr
                    + " has a reduction, " + reduce.source() + ", inside it");
        }, bindings).tableAggregate((Term.Reduce) Lowering.term(expr));
    }

    /**
     * The column of {@code expr} over {@code data}, its reductions inside elementwise expressions
     * computed first (a Spark job each) as numbers.
     */
    static Column columnOn(Expr expr, Dataset<Row> data) {
        return columnOn(expr, data, SparkTableText.Bindings.NONE);
    }

    /** As {@link #columnOn(Expr, Dataset)}, for an expression read from table text. */
    static Column columnOn(Expr expr, Dataset<Row> data, SparkTableText.Bindings bindings) {
        checkColumns(expr, data, bindings);
        return onData(data, bindings).translate(expr).column();
    }

    private static TermColumns onData(Dataset<Row> data) {
        return onData(data, SparkTableText.Bindings.NONE);
    }

    /** The translation over {@code data}: a nested reduction is computed on it, once, and becomes a literal. */
    private static TermColumns onData(Dataset<Row> data, SparkTableText.Bindings bindings) {
        TermColumns[] translation = new TermColumns[1];
        translation[0] = new TermColumns(reduce -> {
            Object value = NumPyColumn.of(translation[0].aggregate(reduce), (Expr) reduce.source())
                    .valueOn(rowsOf(reduce, data));
            return value instanceof Boolean b ? lit(b) : SparkTypes.literal(reduce.type(), (Number) value);
        }, bindings);
        return translation[0];
    }

    /**
     * The rows a reduction folds: {@code data}'s, or one row where its operand is one number
     * ({@code sum(3 + min(a))} folds one element, as in NumPy), its reductions already literals.
     */
    private static Dataset<Row> rowsOf(Term.Reduce reduce, Dataset<Row> data) {
        return TermColumns.isScalar(reduce.operand()) ? data.sparkSession().range(1).toDF() : data;
    }

    /** {@code data}'s rows as a table whose operations (filter, select, groupBy, sort, head) run on Spark. */
    public static SparkTable table(Dataset<Row> data) {
        return SparkTable.of(data);
    }

    /**
     * Checks that each symbol of {@code expr} is a column of {@code data} whose type widens to
     * the symbol's.
     */
    static void checkColumns(Expr expr, Dataset<Row> data) {
        checkColumns(expr, data, SparkTableText.Bindings.NONE);
    }

    private static void checkColumns(Expr expr, Dataset<Row> data, SparkTableText.Bindings bindings) {
        List<String> names = Arrays.asList(data.columns());
        for (Map.Entry<String, DType> symbol : expr.symbols().entrySet()) {
            String name = symbol.getKey();
            if (bindings.columns().containsKey(name) || name.equals(bindings.fillMarker())
                    || name.equals(bindings.nullMarker())) {
                continue; // stands for a string, a quoted name or a marker of table text
            }
            if (!names.contains(name)) {
                throw new IllegalArgumentException("symbol " + name + " is not a column: the dataset has " + names);
            }
            DType type = SparkTypes.dtype(data.schema().apply(name).dataType(), "column " + name);
            if (!type.widensTo(symbol.getValue())) {
                throw new IllegalArgumentException("symbol " + name + " is declared " + symbol.getValue()
                        + " but column " + name + " is " + type + " (Spark " + SparkTypes.dataType(type).simpleString()
                        + "), which does not widen to " + symbol.getValue() + "; cast the column to "
                        + SparkTypes.dataType(symbol.getValue()).simpleString() + ", or declare the symbol as "
                        + type);
            }
        }
    }
}
