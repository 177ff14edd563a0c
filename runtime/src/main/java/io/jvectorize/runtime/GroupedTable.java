package io.jvectorize.runtime;

import io.jvectorize.runtime.table.ColumnData;
import io.jvectorize.runtime.table.ColumnType;
import io.jvectorize.runtime.table.GroupFold;
import io.jvectorize.runtime.table.GroupIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table's rows grouped by key columns ({@link Table#groupBy}), to aggregate:
 * {@code t.groupBy("name").agg("sum(amount) as total", "count(amount) as n")}.
 *
 * <p>Groups: one per distinct combination of key values, in key order (as pandas sorts them,
 * each key ascending as {@link Table#sort} orders it), rows with a missing key in a group of
 * their own, last (SQL's {@code GROUP BY}, pandas' {@code dropna=False}); NaN keys form one
 * group, after the numbers; {@code -0.0} and {@code 0.0} are one key.
 */
public final class GroupedTable {

    private final Table table;
    private final List<String> keys;

    GroupedTable(Table table, List<String> keys) {
        this.table = table;
        this.keys = List.copyOf(keys);
    }

    /** The key columns' names, in order. */
    public List<String> keys() {
        return keys;
    }

    /**
     * One row per group: the key columns under their own names, then each aggregation,
     * {@code "reduction(expression) as name"}, with any reduction of {@link Expr} ({@code sum
     * mean min max count var std nansum nanmean nanmin nanmax nancount}) of a column or an
     * elementwise expression ({@code sum(price * quantity) as revenue}).
     *
     * <p>How: the keys are hashed once into a group id per row (a string key through its
     * column's codes, which order as the strings do, made on its first use and kept with it);
     * an operand that is not a column is computed once by the fused engine (a generated loop
     * where it has one) into an array; then one pass over the rows, block by block, folds every aggregation. Missing
     * values are skipped, as SQL and pandas do: {@code count} counts the present ones; over a
     * group with none, {@code count} and {@code sum} are 0 and the others missing. Float sums
     * add in double in row order, so they can differ from another engine's in the last bits;
     * mean, var and std (population) are NaN where a value is NaN, as NumPy; the nan variants
     * skip NaN.
     *
     * @throws ExprSyntaxException for an item that is not one reduction, malformed text, a
     *     reduction inside the operand, an unknown column, or an operand of the wrong type,
     *     with the column and a caret
     * @throws IllegalArgumentException if a result's name repeats a key's or another result's
     */
    public Table agg(String... aggregations) {
        Objects.requireNonNull(aggregations, "aggregations");
        if (aggregations.length == 0) {
            throw new IllegalArgumentException("agg needs at least one aggregation, such as \"sum(amount) as total\"");
        }
        TableScope scope = table.scope(Compute.Options.defaults());
        List<Aliased> items = new ArrayList<>();
        List<TableScope.Resolved> values = new ArrayList<>();
        for (String aggregation : aggregations) {
            Aliased item = Aliased.of(aggregation);
            items.add(item);
            values.add(TableAggregation.reduction(scope, item, aggregation, false));
        }
        List<ColumnData> keyData = new ArrayList<>();
        List<ColumnData> hashed = new ArrayList<>();
        for (String key : keys) {
            ColumnData data = table.column(key).data();
            keyData.add(data);
            // A string key is grouped by its codes, which order as the strings do: made once per column.
            hashed.add(data.type() == ColumnType.STRING ? ColumnData.of(data.stringCodes().codes(), data.validity()) : data);
        }
        GroupIds groups = GroupIds.of(hashed, table.rowCount());
        List<GroupFold.Aggregation> folds = new ArrayList<>();
        for (TableScope.Resolved value : values) {
            Reduction reduction = (Reduction) value.value();
            ColumnData operand = scope.column("operand", TableScope.Resolved.of(reduction.operand(), value.validity()), null).data();
            folds.add(new GroupFold.Aggregation(reduction.kind(), operand.values(), operand.validity(),
                    ColumnType.of(reduction.dtype().arrayType())));
        }
        List<ColumnData> results = GroupFold.fold(groups.ids(), groups.count(), folds);
        List<Column> columns = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            columns.add(new Column(keys.get(k), keyData.get(k).gather(groups.firstRows())));
        }
        for (int i = 0; i < items.size(); i++) {
            columns.add(new Column(items.get(i).name(), results.get(i)));
        }
        return Table.of(columns);
    }

    /**
     * How {@link #agg} would compute these aggregations, as text: the grouping, then each
     * operand's plan in the fused engine (where it is not a column), without computing anything.
     */
    public String explain(String... aggregations) {
        Objects.requireNonNull(aggregations, "aggregations");
        TableScope scope = table.scope(Compute.Options.defaults());
        StringBuilder plan = new StringBuilder("group by ").append(String.join(", ", keys)).append(" over ")
                .append(table.rowCount()).append(" rows: keys hashed once into a group id per row;")
                .append(" one pass over the rows in blocks folds every aggregation\n");
        for (String aggregation : aggregations) {
            Aliased item = Aliased.of(aggregation);
            Reduction reduction = (Reduction) TableAggregation.reduction(scope, item, aggregation, false).value();
            plan.append("aggregation ").append(item.name()).append(": ").append(reduction.kind().text()).append(" per group of ");
            if (reduction.operand() instanceof Symbol || reduction.operand() instanceof Literal) {
                plan.append("column ").append(reduction.operand()).append(", read as it is\n");
            } else {
                plan.append(reduction.operand()).append(", computed once:\n");
                plan.append(scope.explain(reduction.operand()).indent(2));
            }
        }
        return plan.toString();
    }
}
