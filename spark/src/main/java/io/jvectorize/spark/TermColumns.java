package io.jvectorize.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Lowering;
import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.plan.Term;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * Translates an expression to a Spark {@link Column} by walking the typed terms the runtime's
 * engines read ({@link Lowering#term}): each operator through {@link SparkOperator}, each
 * reduction through {@link SparkReduction}, each {@code @Vectorize} call through
 * {@link SparkKernels}, with the operand conversions the runtime's typing chose. Parts without
 * symbols are computed once by the runtime and become literals, as {@link NumPyColumn} does.
 */
final class TermColumns {
    private final Function<Term.Reduce, Column> nestedReduction;
    private final SparkTableText.Bindings bindings;

    /**
     * @param nestedReduction the column standing for a reduction inside an elementwise expression
     *     (as in {@code x - mean(x)}): a literal of its value, or an error where it has none
     */
    TermColumns(Function<Term.Reduce, Column> nestedReduction) {
        this(nestedReduction, SparkTableText.Bindings.NONE);
    }

    /** @param bindings what the stand-in symbols of table text are on Spark ({@link SparkTableText}) */
    TermColumns(Function<Term.Reduce, Column> nestedReduction, SparkTableText.Bindings bindings) {
        this.nestedReduction = nestedReduction;
        this.bindings = bindings;
    }

    /**
     * The column computing {@code expr} (an aggregate column for a reduction), its symbols read as
     * the columns of the same names, each converted to the symbol's type.
     *
     * @throws IllegalArgumentException for an operator or a call that has no translation to Spark
     */
    NumPyColumn translate(Expr expr) {
        if (expr.symbols().isEmpty()) {
            return NumPyColumn.constant(expr); // sum(3) is 3, whatever the rows
        }
        Term term = Lowering.term(expr);
        requireReal(term, expr);
        if (term instanceof Term.Reduce reduce) {
            return NumPyColumn.of(aggregate(reduce), expr);
        }
        return NumPyColumn.of(elementwise(term), expr);
    }

    /** The aggregate column of a reduction, folding its operand in the type the engine folds it in. */
    Column aggregate(Term.Reduce reduce) {
        SparkReduction kind = SparkReduction.valueOf(reduce.kind().name());
        Term operand = reduce.operand();
        DType input = kind.inputType(operand.type());
        return kind.aggregate(input, SparkTypes.convert(elementwise(operand), operand.type(), input));
    }

    /**
     * Whether an elementwise term is one number rather than a value per row: it has no symbol
     * outside a reduction (as {@code 3 + min(a)}), so that a reduction of it folds one element.
     */
    static boolean isScalar(Term term) {
        if (term instanceof Term.Symbol) {
            return false;
        }
        List<Term> children = term instanceof Term.Apply apply ? apply.operands()
                : term instanceof Term.Invoke invoke ? invoke.arguments() : List.of();
        return children.stream().allMatch(TermColumns::isScalar);
    }

    /**
     * As {@link #aggregate}, with the rule of jvectorize's tables over no present values (all
     * missing, or no rows): {@code sum} and {@code count} are 0, the others missing.
     */
    Column tableAggregate(Term.Reduce reduce) {
        Column value = aggregate(reduce);
        switch (SparkReduction.valueOf(reduce.kind().name())) {
            case SUM: case NANSUM: case COUNT: case NANCOUNT:
                return value;
            default:
                return when(count(elementwise(reduce.operand())).gt(lit(0)), value);
        }
    }

    private Column elementwise(Term term) {
        if (term.source() instanceof Expr source && source.symbols().isEmpty()) {
            return NumPyColumn.constant(source).column();
        }
        if (term instanceof Term.Symbol symbol && bindings.columns().containsKey(symbol.name())) {
            return bindings.columns().get(symbol.name()); // a string literal, a string column, a quoted name
        }
        if (term instanceof Term.Symbol symbol) {
            return col("`" + symbol.name() + "`").cast(SparkTypes.dataType(symbol.type()));
        }
        if (term instanceof Term.Reduce reduce) {
            return nestedReduction.apply(reduce);
        }
        if (term instanceof Term.Invoke invoke) {
            return call(invoke);
        }
        if (term instanceof Term.Apply apply) {
            return operation(apply);
        }
        throw new IllegalArgumentException("no translation to Spark of " + term.source());
    }

    /** Complex values have no Spark column type: an error naming the expression, before anything is built. */
    static void requireReal(Term term, Expr expr) {
        if (term.type().isComplex()) {
            throw new IllegalArgumentException(COMPLEX_IN_THE_JVM_ONLY + ": compute " + expr + " with Compute (" + term.source()
                    + " is complex; Spark columns hold real values)");
        }
        List<Term> children = term instanceof Term.Apply apply ? apply.operands()
                : term instanceof Term.Invoke invoke ? invoke.arguments()
                : term instanceof Term.Reduce reduce ? List.of(reduce.operand()) : List.of();
        children.forEach(child -> requireReal(child, expr));
    }

    static final String COMPLEX_IN_THE_JVM_ONLY = "complex numbers run in the JVM only";

    private Column operation(Term.Apply apply) {
        List<Term> operands = apply.operands();
        if (apply.op() == Operator.WHERE && bindings.isFill(operands.get(0))) {
            // fillnull(x, v): x where present, else v (NaN is a value, not missing).
            DType type = apply.operandTypes().get(1);
            return coalesce(SparkTypes.convert(elementwise(operands.get(1)), operands.get(1).type(), type),
                    SparkTypes.convert(elementwise(operands.get(2)), operands.get(2).type(), type));
        }
        if (apply.op() == Operator.ISNAN && operands.get(0) instanceof Term.Apply sum
                && bindings.isNullMarker(sum.operands().get(0))) {
            return elementwise(sum.operands().get(1)).isNull(); // isnull(x)
        }
        Column[] columns = new Column[operands.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = SparkTypes.convert(elementwise(operands.get(i)), operands.get(i).type(),
                    apply.operandTypes().get(i));
        }
        return apply(apply, columns);
    }

    /**
     * The column computing the runtime's operation {@code apply} from its operands' columns,
     * already converted to its operand types: the entry of {@link SparkOperator} for the operator
     * the runtime's typing chose, or for the one its planner computes a power by a written number
     * with ({@code x ** 3} is {@code x * x * x}, bit for bit).
     */
    static Column apply(Term.Apply apply, Column[] columns) {
        if (apply.op() == Operator.POW && apply.operands().get(1) instanceof Term.Number exponent) {
            DType base = apply.operandTypes().get(0);
            Operator lowered = Operator.loweredPower(exponent.doubleValue(), base).orElse(null);
            if (lowered != null) {
                return SparkOperator.of(lowered, apply.source()).apply(base, columns[0]);
            }
        }
        // where's operand type is that of its branches; the others' operands share one type.
        return SparkOperator.of(apply.op(), apply.source()).apply(apply.operandTypes().get(columns.length - 1), columns);
    }

    private Column call(Term.Invoke invoke) {
        List<Term> arguments = invoke.arguments();
        if (arguments.size() > 3) {
            throw new IllegalArgumentException(invoke.function().qualifiedName() + " takes " + arguments.size()
                    + " arguments; calls on Spark take at most 3");
        }
        Column[] columns = new Column[arguments.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = SparkTypes.convert(elementwise(arguments.get(i)), arguments.get(i).type(),
                    invoke.overload().argumentTypes().get(i));
        }
        return SparkKernels.apply(invoke.function(), invoke.overload(), columns);
    }
}
