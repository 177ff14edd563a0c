package io.jvectorize.spark;

import static org.apache.spark.sql.functions.col;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Lowering;
import io.jvectorize.runtime.internal.plan.Term;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;

/**
 * A Spark {@link Column} together with the jvectorize {@link Expr} it computes: built in
 * lockstep, so that the runtime types each step by NumPy's rules (NEP 50 weak literals
 * included) and the Spark column computes the runtime's answer ({@link SparkOperator},
 * {@link SparkReduction}). Parts without columns ({@code 2 ** -1}, {@code 1 / 3}) are computed
 * by the runtime, once, and become literals.
 *
 * <pre>{@code
 * NumPyColumn x = NumPyColumn.of(data, "x");                       // typed from data's schema
 * NumPyColumn y = NumPyColumn.apply(SparkOperator.MUL, x, NumPyColumn.literal(2.0));
 * data.select(y.column().as("y"));                                 // float32 stays float32
 * }</pre>
 */
public final class NumPyColumn {
    private final Column column;
    private final Expr expr;

    private NumPyColumn(Column column, Expr expr) {
        this.column = column;
        this.expr = expr;
    }

    /** The column {@code name} of {@code data}, typed by its Spark type ({@link SparkTypes#dtype}). */
    public static NumPyColumn of(Dataset<?> data, String name) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(name, "name");
        List<String> names = Arrays.asList(data.columns());
        if (!names.contains(name)) {
            throw new IllegalArgumentException("unknown column " + name + "; the dataset has " + names);
        }
        return column(name, SparkTypes.dtype(data.schema().apply(name).dataType(), "column " + name));
    }

    /** {@code column}, computing {@code expr}: for the translations of this package. */
    static NumPyColumn of(Column column, Expr expr) {
        return new NumPyColumn(column, expr);
    }

    /** The column {@code name}, holding values of {@code type} (of Spark type {@link SparkTypes#dataType}). */
    public static NumPyColumn column(String name, DType type) {
        return new NumPyColumn(col(Objects.requireNonNull(name, "name")), Expr.symbol(name, type));
    }

    /** A float64 number, weak: it takes the type of what it meets, as a Python float does in NumPy. */
    public static NumPyColumn literal(double value) {
        return constant(Expr.literal(value));
    }

    /** An integer number, weak: it takes the type of what it meets, as a Python int does in NumPy. */
    public static NumPyColumn literal(long value) {
        return constant(Expr.literal(value));
    }

    /**
     * {@code op} applied to {@code operands}, typed by the runtime and computed as it computes.
     *
     * @throws IllegalArgumentException where the types do not fit the operator, with the runtime's message
     * @throws ArithmeticException where the operands are numbers and the runtime refuses them ({@code 1 % 0})
     */
    public static NumPyColumn apply(SparkOperator op, NumPyColumn... operands) {
        Objects.requireNonNull(op, "op");
        List<Expr> exprs = Arrays.stream(operands).map(o -> Objects.requireNonNull(o, "an operand").expr).toList();
        Expr expr = op.build(exprs);
        if (expr.symbols().isEmpty()) {
            return constant(expr);
        }
        // The runtime's typing chose the operator (nextafter of float32 values is its own), its
        // operand types (comparisons promote; integers divide as float64) and any conversions.
        TermColumns.requireReal(Lowering.term(expr), expr);
        Term.Apply term = (Term.Apply) Lowering.term(expr);
        // The planner's powers (SparkOperator.CUBE) build x ** 3: the exponent is a term of its own.
        Column[] columns = new Column[term.operands().size()];
        for (int i = 0; i < columns.length; i++) {
            NumPyColumn operand = i < operands.length ? operands[i] : constant((Expr) term.operands().get(i).source());
            columns[i] = SparkTypes.convert(operand.column, operand.dtype(), term.operandTypes().get(i));
        }
        return new NumPyColumn(TermColumns.apply(term, columns), expr);
    }

    /** The reduction {@code kind} of this column, as an aggregate column ({@link #valueOn} computes it). */
    public NumPyColumn reduce(SparkReduction kind) {
        Objects.requireNonNull(kind, "kind");
        Expr reduced = kind.build(expr);
        if (expr.symbols().isEmpty()) {
            return constant(reduced);
        }
        DType input = kind.inputType(dtype());
        return new NumPyColumn(kind.aggregate(input, SparkTypes.convert(column, dtype(), input)), reduced);
    }

    /** The Spark column. */
    public Column column() {
        return column;
    }

    /** The jvectorize expression it computes, over symbols named as the columns. */
    public Expr expr() {
        return expr;
    }

    /** The element type of its values ({@link SparkTypes#dataType} is the column's Spark type). */
    public DType dtype() {
        return expr.dtype();
    }

    /**
     * The value of this reduction over {@code data}, boxed as {@link Compute} boxes it (Double,
     * Float, Long, Integer or Boolean).
     *
     * @throws IllegalStateException if it is not a reduction
     * @throws IllegalArgumentException for {@code min} or {@code max} of no elements, as NumPy
     */
    public Object valueOn(Dataset<?> data) {
        if (!expr.isReduction()) {
            throw new IllegalStateException(expr + " is elementwise: select its column() instead");
        }
        if (expr.symbols().isEmpty()) {
            return Compute.compute(expr, Map.of());
        }
        Object value = data.select(column).first().get(0);
        if (value == null) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + expr
                    + " which has no identity: no elements that are not missing");
        }
        return value;
    }

    @Override
    public String toString() {
        return expr + " as " + column;
    }

    /** An expression without columns, computed once by the runtime: a literal of its value and type. */
    static NumPyColumn constant(Expr expr) {
        Object value;
        if (expr.isReduction()) {
            value = Compute.compute(expr, Map.of());
        } else {
            Object out = Array.newInstance(expr.dtype().arrayType().getComponentType(), 1);
            Compute.computeInto(expr, Map.of(), out);
            value = Array.get(out, 0);
        }
        return new NumPyColumn(value instanceof Boolean b ? org.apache.spark.sql.functions.lit(b)
                : SparkTypes.literal(expr.dtype(), (Number) value), expr);
    }
}
