package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import io.jvectorize.runtime.table.ColumnData;
import io.jvectorize.runtime.table.ColumnNames;
import io.jvectorize.runtime.table.ColumnType;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Expressions over one table's columns, computed by the fused engine: every column bound as
 * a symbol (its values array, as it is), missing values and filters turned into conditions
 * of {@code where}, so that a filter followed by a reduction is one pass of the engine (a
 * generated loop where the engine has one) with no filtered copy.
 *
 * <ul>
 *   <li>A column whose name is an expression name is the symbol of that name; any other gets
 *       an internal name. String columns are bound as their {@link
 *       io.jvectorize.runtime.table.StringCodes int64 codes}; a comparison with a string
 *       literal compares codes.
 *   <li>A value's <em>validity</em> is a list of bool expressions, all true where it is present:
 *       the masks of the columns it reads (but through {@code fillnull}). An elementwise result
 *       is missing where one is false; a reduction reads only rows where all hold.
 *   <li>The row conditions (the filters so far, each with its own validity) select the rows
 *       every reduction and result reads. A reduction inside an expression is computed over
 *       them first and bound as a number.
 *   <li>Integer {@code %} and {@code **}, which throw for a zero divisor or a negative
 *       exponent, get 1 where their right operand is missing or the row is filtered out.
 * </ul>
 *
 * <p>A reduction's conditions nest as {@code where(c1, where(c2, x, 0), 0)} rather than joining with {@code &},
 * so that the engine's generated loops, which take bool arrays and comparisons as masks, keep
 * the whole operand in one loop.
 */
final class TableScope {

    /** An expression over the scope's symbols: its value and when it is present. */
    record Resolved(Expr value, List<Expr> validity, Column stringColumn, String literal) {
        static Resolved of(Expr value, List<Expr> validity) {
            return new Resolved(value, validity, null, null);
        }
    }

    /** The operators that throw for some integer right operands (0, negative), by their text. */
    private static final Set<String> THROWING = Set.of("%", "**", "//");

    /** The condition fillnull's node holds while it is parsed, replaced by the value's validity when resolved. */
    private static final Symbol FILL_MARKER = new Symbol("fillnull", DType.BOOLEAN);

    private final List<Column> columns;
    private final Map<String, Integer> byName = new HashMap<>();
    private final int rowCount;
    private final String prefix;
    private final Compute.Options options;
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final List<Expr> rowConditions = new ArrayList<>();
    private int scalars;

    TableScope(List<Column> columns, int rowCount, Compute.Options options) {
        this.columns = columns;
        this.rowCount = rowCount;
        this.options = options;
        for (int i = 0; i < columns.size(); i++) {
            byName.put(columns.get(i).name(), i);
        }
        String prefix = "_t";
        while (startsAnyName(prefix)) {
            prefix += "_";
        }
        this.prefix = prefix;
    }

    private boolean startsAnyName(String prefix) {
        for (Column column : columns) {
            if (column.name().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            names.add(column.name());
        }
        return names;
    }

    /** The data every expression of this scope is computed on. */
    Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    List<Expr> rowConditions() {
        return Collections.unmodifiableList(rowConditions);
    }

    // ---- filters ------------------------------------------------------------------------------

    /**
     * Adds a filter (text or an Expr): later rows are those where it is true, and present.
     *
     * @throws IllegalArgumentException if it is not a bool condition on the columns
     */
    void filter(Object predicate) {
        // A row passes a & b where it passes both: each conjunct is a condition of its own,
        // so that missing values need no three-valued logic and the conditions stay masks.
        for (Resolved p : resolve(predicate, true, Resolver::conjuncts)) {
            condition(predicate, p);
        }
    }

    private void condition(Object predicate, Resolved p) {
        if (p.stringColumn != null || p.value.dtype() != DType.BOOLEAN) {
            String type = p.stringColumn != null ? "string" : p.value.dtype().toString();
            throw new IllegalArgumentException("filter needs a condition, such as amount > 0, and " + describe(predicate)
                    + " is " + type);
        }
        if (p.value.isReduction()) {
            throw new IllegalArgumentException("filter needs a condition on each row, such as amount > 0, and "
                    + describe(predicate) + " is a reduction");
        }
        rowConditions.addAll(p.validity);
        rowConditions.add(p.value);
    }

    private static String describe(Object predicate) {
        return predicate instanceof String ? "\"" + predicate + "\"" : String.valueOf(predicate);
    }

    /** Which rows the row conditions keep, in order; null where there is none (all rows). */
    int[] keptRows() {
        if (rowConditions.isEmpty()) {
            return null;
        }
        boolean[] keep = bools(and(rowConditions));
        int count = 0;
        for (boolean k : keep) {
            count += k ? 1 : 0;
        }
        int[] rows = new int[count];
        for (int row = 0, i = 0; row < keep.length; row++) {
            if (keep[row]) {
                rows[i++] = row;
            }
        }
        return rows;
    }

    // ---- resolving text and Expr --------------------------------------------------------------

    /**
     * Text or an Expr over the columns, its reductions computed and bound as numbers but at the
     * root; reductions inside a root reduction are an error unless {@code nested}.
     */
    Resolved resolveRoot(Object expression, boolean nested) {
        return resolve(expression, nested, Resolver::root);
    }

    private <T> T resolve(Object expression, boolean nested, java.util.function.BiFunction<Resolver, Expr, T> how) {
        if (expression instanceof String text) {
            TableText table = TableText.of(text, byName.keySet(), prefix);
            Map<String, DType> types = new HashMap<>();
            for (Column column : columns) {
                if (Symbol.isName(column.name())) {
                    types.put(column.name(), typeOf(column));
                }
            }
            table.quotedNames.forEach((placeholder, name) -> {
                if (byName.containsKey(name)) {
                    types.put(placeholder, typeOf(columns.get(byName.get(name))));
                }
            });
            table.literals.keySet().forEach(placeholder -> types.put(placeholder, DType.INT64));
            Set<Expr> fills = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Expr> nullTests = Collections.newSetFromMap(new IdentityHashMap<>());
            Map<String, Function<List<Expr>, Expr>> functions = Map.of(
                    "fillnull", arguments -> {
                        arity("fillnull", "(x, the value where x is missing)", 2, arguments);
                        Expr fill = Operation.of(Operator.WHERE, List.of(FILL_MARKER, arguments.get(0), arguments.get(1)));
                        fills.add(fill);
                        return fill;
                    },
                    "isnull", arguments -> {
                        arity("isnull", "(x)", 1, arguments);
                        Expr test = Operation.of(Operator.EQ, List.of(arguments.get(0), arguments.get(0)));
                        nullTests.add(test);
                        return test;
                    });
            Expr parsed = ExprParser.parse(table.text, types, functions);
            return how.apply(new Resolver(table, fills, nullTests, nested), parsed);
        }
        return how.apply(new Resolver(null, Set.of(), Set.of(), nested), (Expr) expression);
    }

    private static void arity(String name, String form, int arity, List<Expr> arguments) {
        if (arguments.size() != arity) {
            throw new IllegalArgumentException(name + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + " "
                    + form + ", not " + arguments.size());
        }
    }

    /** The type a column's symbol has: its DType, int64 codes for strings. */
    private static DType typeOf(Column column) {
        return column.isString() ? DType.INT64 : column.dtype();
    }

    /** One resolution: text (null for an Expr) and the parser's fillnull and isnull nodes. */
    private final class Resolver {
        private final TableText text;
        private final Set<Expr> fills;
        private final Set<Expr> nullTests;
        private final boolean nested;

        Resolver(TableText text, Set<Expr> fills, Set<Expr> nullTests, boolean nested) {
            this.text = text;
            this.fills = fills;
            this.nullTests = nullTests;
            this.nested = nested;
        }

        /** The conjuncts of {@code a & b & ...} (bools), each resolved as a root. */
        List<Resolved> conjuncts(Expr e) {
            if (e instanceof Operation operation && operation.op() == Operator.AND && operation.dtype() == DType.BOOLEAN) {
                List<Resolved> all = new ArrayList<>();
                for (Expr child : operation.operands()) {
                    all.addAll(conjuncts(child));
                }
                return all;
            }
            return List.of(root(e));
        }

        Resolved root(Expr e) {
            if (e.dtype().isComplex()) {
                throw error(null, "table columns hold real values, and " + e + " is " + e.dtype()
                        + ": make a column of each part, (" + e + ").real and (" + e + ").imag, or of abs(" + e + ")");
            }
            if (e instanceof Reduction reduction) {
                Resolved operand = resolve(reduction.operand());
                ReductionKind kind = reduction.kind();
                if (operand.stringColumn != null && (kind == ReductionKind.COUNT || kind == ReductionKind.NANCOUNT)) {
                    // Strings are counted as their codes are.
                    return Resolved.of(new Reduction(ReductionKind.COUNT, operand.value), operand.validity);
                }
                noStrings(List.of(operand), kind.text());
                return Resolved.of(new Reduction(kind, operand.value), operand.validity);
            }
            Resolved resolved = resolve(e);
            if (resolved.literal != null) {
                throw error(null, "a string literal alone is not a column: compare a string column with it, as in name == 'Bob'");
            }
            return resolved;
        }

        private Resolved resolve(Expr e) {
            if (e instanceof Symbol symbol) {
                return symbol(symbol);
            }
            if (e instanceof Literal) {
                return Resolved.of(e, List.of());
            }
            if (e instanceof Reduction reduction) {
                if (!nested) {
                    throw error(reduction.kind().text(), "a reduction inside an aggregation (" + reduction
                            + ") is not computed per group: aggregate each reduction on its own");
                }
                Resolved operand = resolve(reduction.operand());
                noStrings(List.of(operand), reduction.kind().text());
                Object value = reduce(reduction.kind(), operand, false);
                String name = prefix + "r" + scalars++;
                data.put(name, value);
                return Resolved.of(new Symbol(name, new Reduction(reduction.kind(), operand.value).dtype()), List.of());
            }
            boolean fill = fills.contains(e);
            List<Resolved> children = new ArrayList<>();
            for (Expr child : e.children()) {
                children.add(fill && children.isEmpty() ? null : resolve(child));
            }
            if (nullTests.contains(e)) {
                List<Expr> validity = children.get(0).validity;
                return Resolved.of(validity.isEmpty() ? constant(false) : not(and(validity)), List.of());
            }
            if (fill) {
                Resolved a = children.get(1);
                Resolved b = children.get(2);
                noStrings(List.of(a, b), "fillnull");
                Expr present = a.validity.isEmpty() ? constant(true) : and(a.validity);
                Expr value = Operation.of(Operator.WHERE, List.of(present, a.value, b.value));
                List<Expr> validity = a.validity.isEmpty() || b.validity.isEmpty() ? List.of()
                        : List.of(or(present, and(b.validity)));
                return Resolved.of(value, validity);
            }
            if (e instanceof Operation operation) {
                return operation(operation, children);
            }
            Call call = (Call) e;
            noStrings(children, call.function().name());
            List<Expr> arguments = new ArrayList<>();
            for (Resolved child : children) {
                arguments.add(child.value);
            }
            return Resolved.of(new Call(call.function(), arguments), validityOf(children));
        }

        private Resolved operation(Operation operation, List<Resolved> children) {
            Operator op = operation.op();
            if (op.rule() == Operator.Rule.COMPARE && children.stream().anyMatch(c -> c.stringColumn != null || c.literal != null)) {
                return stringComparison(op, children.get(0), children.get(1));
            }
            noStrings(children, op.text());
            if ((op == Operator.AND || op == Operator.OR) && operation.dtype() == DType.BOOLEAN
                    && !validityOf(children).isEmpty()) {
                return kleene(op, children.get(0), children.get(1));
            }
            List<Expr> operands = new ArrayList<>();
            for (Resolved child : children) {
                operands.add(child.value);
            }
            if (THROWING.contains(op.text()) && operation.operandType(1).isIntegral()) {
                // Integer % 0 and ** -1 throw: a missing or filtered-out right operand becomes 1.
                List<Expr> guard = new ArrayList<>(rowConditions);
                guard.addAll(children.get(1).validity);
                if (!guard.isEmpty()) {
                    operands.set(1, Operation.of(Operator.WHERE, List.of(and(guard), operands.get(1), Literal.of(1L, true))));
                }
            }
            return Resolved.of(Operation.of(op, operands), validityOf(children));
        }

        /**
         * {@code a & b} and {@code a | b} of conditions with missing values, as SQL's (Kleene's)
         * logic: false & missing is false, true | missing is true, the rest missing where an
         * operand is. The value is true only where the result is true and present.
         */
        private Resolved kleene(Operator op, Resolved a, Resolved b) {
            // Only one side may have missing values; "present" is true where it has none.
            List<Expr> presentA = a.validity.isEmpty() ? List.of() : List.of(and(a.validity));
            List<Expr> presentB = b.validity.isEmpty() ? List.of() : List.of(and(b.validity));
            Expr trueA = and(concat(presentA, a.value));
            Expr trueB = and(concat(presentB, b.value));
            List<Expr> both = new ArrayList<>(presentA);
            both.addAll(presentB);
            if (op == Operator.AND) {
                Expr falseA = and(concat(presentA, not(a.value)));
                Expr falseB = and(concat(presentB, not(b.value)));
                return Resolved.of(and(List.of(trueA, trueB)), List.of(or(or(and(both), falseA), falseB)));
            }
            return Resolved.of(or(trueA, trueB), List.of(or(or(and(both), trueA), trueB)));
        }

        private Resolved stringComparison(Operator op, Resolved left, Resolved right) {
            Resolved column = left.stringColumn != null ? left : right;
            Resolved literal = column == left ? right : left;
            if (column.stringColumn == null || literal.literal == null) {
                Resolved string = left.stringColumn != null || left.literal != null ? left : right;
                Resolved other = string == left ? right : left;
                String at = string.stringColumn != null ? string.stringColumn.name()
                        : other.stringColumn != null ? other.stringColumn.name()
                        : other.value instanceof Symbol symbol ? symbol.name() : null;
                throw error(at, describe(string) + " is compared (" + op.text() + ") with " + describe(other)
                        + ": compare a string column with a string literal, as in name " + op.text() + " 'Bob'");
            }
            int code = column.stringColumn.data().stringCodes().codeOf(literal.literal);
            Expr codeLiteral = Literal.of((long) code, true);
            List<Expr> operands = column == left ? List.of(column.value, codeLiteral) : List.of(codeLiteral, column.value);
            return Resolved.of(Operation.of(op, operands), column.validity);
        }

        private static String describe(Resolved value) {
            if (value.stringColumn != null) {
                return "string column " + value.stringColumn.name();
            }
            if (value.literal != null) {
                return "string literal '" + value.literal + "'";
            }
            return (value.value instanceof Symbol ? value.value.dtype() + " column " : value.value.dtype() + " ") + value.value;
        }

        private void noStrings(List<Resolved> children, String operator) {
            for (Resolved child : children) {
                if (child == null) {
                    continue;
                }
                if (child.stringColumn != null) {
                    throw error(child.stringColumn.name(), "column " + child.stringColumn.name() + " is a string column,"
                            + " which " + operator + " cannot take: strings can only be compared (== != < <= > >=)"
                            + " with a string literal, as in " + child.stringColumn.name() + " == 'Bob'");
                }
                if (child.literal != null) {
                    throw error(null, "string literal '" + child.literal + "' cannot be an operand of " + operator
                            + ": strings can only be compared (== != < <= > >=) with a string column");
                }
            }
        }

        private Resolved symbol(Symbol symbol) {
            String name = symbol.name();
            if (text != null && text.literals.containsKey(name)) {
                return new Resolved(null, List.of(), null, text.literals.get(name));
            }
            String columnName = text != null && text.quotedNames.containsKey(name) ? text.quotedNames.get(name) : name;
            Integer index = byName.get(columnName);
            if (index == null) {
                throw error(name, ColumnNames.unknown(columnName, columnNames()));
            }
            Column column = columns.get(index);
            ColumnData columnData = column.data();
            List<Expr> validity = List.of();
            if (columnData.validity() != null) {
                String mask = prefix + "m" + index;
                data.put(mask, columnData.validity());
                validity = List.of(new Symbol(mask, DType.BOOLEAN));
            }
            if (column.isString()) {
                if (text == null) {
                    throw new IllegalArgumentException("column " + column.name() + " is a string column, which an Expr"
                            + " built in code cannot hold: compare it in text, as in t.filter(\"" + column.name()
                            + " == 'Bob'\")");
                }
                String codes = prefix + "s" + index;
                data.put(codes, columnData.stringCodes().codes());
                return new Resolved(new Symbol(codes, DType.INT64), validity, column, null);
            }
            String bound = Symbol.isName(column.name()) ? column.name() : prefix + "c" + index;
            data.put(bound, column.values());
            DType type = text != null ? column.dtype() : symbol.dtype();
            if (text == null && !column.dtype().widensTo(type)) {
                throw new IllegalArgumentException("column " + column.name() + " is " + column.dtype() + " but the expression"
                        + " declares symbol " + name + " as " + type + ", which " + column.dtype() + " does not widen to;"
                        + " declare it as Expr.symbol(\"" + name + "\", DType." + column.dtype().name() + ")");
            }
            return Resolved.of(new Symbol(bound, type), validity);
        }

        private RuntimeException error(String name, String message) {
            if (text == null) {
                return new IllegalArgumentException(message);
            }
            return text.errorAt(name, message);
        }
    }

    private static List<Expr> concat(List<Expr> conditions, Expr last) {
        List<Expr> all = new ArrayList<>(conditions);
        all.add(last);
        return all;
    }

    private static List<Expr> validityOf(List<Resolved> children) {
        List<Expr> validity = new ArrayList<>();
        for (Resolved child : children) {
            if (child != null) {
                for (Expr condition : child.validity) {
                    if (!validity.contains(condition)) {
                        validity.add(condition);
                    }
                }
            }
        }
        return validity;
    }

    // ---- conditions ---------------------------------------------------------------------------

    private Expr constant(boolean value) {
        String name = prefix + (value ? "true" : "false");
        data.put(name, value);
        return new Symbol(name, DType.BOOLEAN);
    }

    /** Every condition of the list (not empty), as one bool. */
    private static Expr and(List<Expr> conditions) {
        Expr all = conditions.get(0);
        for (int i = 1; i < conditions.size(); i++) {
            all = Operation.of(Operator.AND, List.of(all, conditions.get(i)));
        }
        return all;
    }

    private static Expr or(Expr a, Expr b) {
        return Operation.of(Operator.OR, List.of(a, b));
    }

    private static Expr not(Expr a) {
        return Operation.of(Operator.INVERT, List.of(a));
    }

    /** {@code value} where every condition holds, {@code otherwise} elsewhere: nested wheres, one loop. */
    private static Expr guarded(List<Expr> conditions, Expr value, Expr otherwise) {
        Expr guarded = value;
        for (int i = conditions.size() - 1; i >= 0; i--) {
            guarded = Operation.of(Operator.WHERE, List.of(conditions.get(i), guarded, otherwise));
        }
        return guarded;
    }

    // ---- computing ----------------------------------------------------------------------------

    Object compute(Expr e) {
        return Compute.compute(e, data, options);
    }

    String explain(Expr e) {
        return Compute.explain(e, data, options);
    }

    private boolean[] bools(Expr condition) {
        Object result = compute(condition);
        return Array.getLength(result) == rowCount ? (boolean[]) result : filled((boolean[]) result);
    }

    private boolean[] filled(boolean[] one) {
        boolean[] all = new boolean[rowCount];
        java.util.Arrays.fill(all, one[0]);
        return all;
    }

    /** The number of rows the row conditions and {@code validity} keep. */
    long count(List<Expr> validity) {
        if (conditions(validity).isEmpty()) {
            return rowCount;
        }
        return (Long) compute(pass(ReductionKind.COUNT, Resolved.of(Literal.of(0L, true), validity)));
    }

    private List<Expr> conditions(List<Expr> validity) {
        List<Expr> conditions = new ArrayList<>(rowConditions);
        for (Expr condition : validity) {
            if (!conditions.contains(condition)) {
                conditions.add(condition);
            }
        }
        return conditions;
    }

    /**
     * A reduction of {@code operand} over the kept rows where it is present, as the engine
     * computes it on those values alone: a Long, Double, Float, Integer or Boolean. Over no
     * values, sum and count are 0, mean, var and std NaN, and min and max throw, as NumPy;
     * unless {@code emptyIsMissing}, where all but sum and count are null (as SQL gives NULL).
     */
    Object reduce(ReductionKind kind, Resolved operand, boolean emptyIsMissing) {
        List<Expr> conditions = conditions(operand.validity);
        Expr e = operand.value;
        DType type = e.dtype();
        boolean floating = type.isFloating();
        if (conditions.isEmpty() && !(emptyIsMissing && rowCount == 0)) {
            return compute(new Reduction(kind, e));
        }
        switch (kind) {
            case COUNT:
                return count(operand.validity);
            case SUM:
            case NANSUM:
            case NANCOUNT:
                return compute(pass(kind, operand));
            default:
                break;
        }
        long n = count(operand.validity);
        DType result = new Reduction(kind, e).dtype();
        if (n == 0) {
            if (emptyIsMissing) {
                return null;
            }
            if (kind == ReductionKind.MIN || kind == ReductionKind.MAX || kind == ReductionKind.NANMIN
                    || kind == ReductionKind.NANMAX) {
                throw new IllegalArgumentException(kind.text() + " of no values: every row is filtered out or missing"
                        + " (" + kind.text() + " has no value for none; count them first)");
            }
            return result == DType.FLOAT32 ? (Object) Float.NaN : (Object) Double.NaN;
        }
        switch (kind) {
            case MIN:
            case MAX:
            case NANMIN:
            case NANMAX:
                return compute(pass(kind, operand));
            case MEAN:
            case NANMEAN: {
                Reduction mean = (Reduction) pass(kind, operand);
                if (kind == ReductionKind.MEAN && floating
                        && ((Number) compute(new Reduction(ReductionKind.NANCOUNT, mean.operand()))).longValue() < n) {
                    return result == DType.FLOAT32 ? (Object) Float.NaN : (Object) Double.NaN;
                }
                return compute(mean);
            }
            case VAR:
            case STD: {
                // Two passes, as NumPy: the mean, then the mean squared deviation from it.
                double mean = ((Number) reduce(ReductionKind.MEAN, operand, false)).doubleValue();
                String mu = prefix + "mu" + scalars++;
                data.put(mu, mean);
                Expr deviation = Operation.of(Operator.SUB, List.of(numbers(e), new Symbol(mu, DType.FLOAT64)));
                Expr squared = Operation.of(Operator.MUL, List.of(deviation, deviation));
                double variance = (Double) compute(new Reduction(ReductionKind.SUM,
                        guarded(conditions, squared, Literal.of(0.0, true)))) / n;
                double value = kind == ReductionKind.STD ? Math.sqrt(variance) : variance;
                return result == DType.FLOAT32 ? (Object) (float) value : (Object) value;
            }
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * The pass that computes {@code kind} of {@code operand} over the kept rows where it is
     * present: the reduction itself where nothing is filtered or missing, else the operand
     * guarded by the conditions with a value the reduction ignores (0 for sums, +inf for min,
     * NaN for the nan variants and means, which take nanmean of it). var and std add a second
     * pass, of squared deviations from this mean.
     */
    Expr pass(ReductionKind kind, Resolved operand) {
        List<Expr> conditions = conditions(operand.validity);
        Expr e = operand.value;
        if (conditions.isEmpty()) {
            return new Reduction(kind, e);
        }
        DType type = e.dtype();
        switch (kind) {
            case COUNT:
                return new Reduction(ReductionKind.SUM, guarded(conditions, Literal.of(1L, true), Literal.of(0L, true)));
            case SUM:
            case NANSUM:
                return new Reduction(kind, guarded(conditions, e, type == DType.BOOLEAN ? constant(false) : Literal.of(0L, true)));
            case NANCOUNT:
                return type.isFloating() ? new Reduction(kind, guarded(conditions, e, Literal.of(Double.NaN, true)))
                        : pass(ReductionKind.COUNT, operand);
            case MIN:
            case MAX:
            case NANMIN:
            case NANMAX: {
                boolean min = kind == ReductionKind.MIN || kind == ReductionKind.NANMIN;
                Expr neutral;
                if (type.isFloating()) {
                    neutral = Literal.of(kind.skipsNaN() ? Double.NaN : min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, true);
                } else if (type == DType.BOOLEAN) {
                    neutral = constant(min);
                } else if (type == DType.INT32) {
                    neutral = Literal.of(min ? (long) Integer.MAX_VALUE : Integer.MIN_VALUE, true);
                } else {
                    neutral = Literal.of(min ? Long.MAX_VALUE : Long.MIN_VALUE, true);
                }
                return new Reduction(kind, guarded(conditions, e, neutral));
            }
            default: // the means, and var and std's first pass
                return new Reduction(ReductionKind.NANMEAN, guarded(conditions, numbers(e), Literal.of(Double.NaN, true)));
        }
    }

    /** The passes {@link Compute#explain(Expr, Table)} shows for a resolved root. */
    List<Expr> plannedPasses(Resolved root) {
        if (root.value == null) {
            return List.of();
        }
        if (root.value instanceof Reduction reduction) {
            return List.of(pass(reduction.kind(), Resolved.of(reduction.operand(), root.validity)));
        }
        List<Expr> passes = new ArrayList<>();
        passes.add(root.value);
        if (!root.validity.isEmpty()) {
            passes.add(and(root.validity));
        }
        if (!rowConditions.isEmpty()) {
            passes.add(and(rowConditions));
        }
        return passes;
    }

    /** Numbers of {@code e}: bools as 1 and 0. */
    private static Expr numbers(Expr e) {
        return e.dtype() == DType.BOOLEAN ? Operation.of(Operator.WHERE, List.of(e, Literal.of(1L, true), Literal.of(0L, true))) : e;
    }

    /**
     * The column {@code name} of {@code value} over the kept rows ({@code rows}; null: all):
     * a string column as it is, a column symbol's data gathered, anything else computed.
     */
    Column column(String name, Resolved value, int[] rows) {
        ColumnData result;
        if (value.stringColumn != null) {
            result = value.stringColumn.data();
        } else if (value.value instanceof Symbol symbol && columnOf(symbol) != null
                && columnOf(symbol).dtype() == symbol.dtype()) {
            result = columnOf(symbol).data();
        } else {
            Object values = compute(value.value);
            if (Array.getLength(values) != rowCount) {
                values = io.jvectorize.runtime.internal.op.Conversions.fill(values, rowCount);
            }
            boolean[] mask = value.validity.isEmpty() ? null : bools(and(value.validity));
            result = ColumnData.of(values, mask);
        }
        return new Column(name, rows == null ? result : result.gather(rows));
    }

    /** The column a symbol of this scope binds, or null. */
    private Column columnOf(Symbol symbol) {
        Integer index = byName.get(symbol.name());
        if (index != null && Symbol.isName(symbol.name())) {
            return columns.get(index);
        }
        String internal = prefix + "c";
        if (symbol.name().startsWith(internal)) {
            return columns.get(Integer.parseInt(symbol.name().substring(internal.length())));
        }
        return null;
    }

    /** The type a column of {@code value} would have. */
    static ColumnType columnType(Resolved value) {
        return value.stringColumn != null ? ColumnType.STRING : ColumnType.of(value.value.dtype().arrayType());
    }
}
