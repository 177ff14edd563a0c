package io.jvectorize.spark;

import io.jvectorize.runtime.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A {@link SparkTable}'s rows grouped by key columns, as {@link io.jvectorize.runtime.Table}'s
 * {@code groupBy} groups them: rows with a missing key form one group of their own, NaN keys one
 * group, {@code -0.0} and {@code 0.0} one key; the result's rows are ordered by the keys (each
 * ascending, NaN after the numbers, the missing key last).
 */
public final class SparkGroupBy {
    private final SparkTable table;
    private final List<String> keys;

    SparkGroupBy(SparkTable table, List<String> keys) {
        this.table = table;
        this.keys = keys;
    }

    /**
     * A table of one row per group: the key columns under their own names, then each
     * aggregation, a reduction named with {@code as}: {@code "sum(amount) as total"},
     * {@code "count(amount) as n"} (without {@code as}, named by its text). Reductions skip
     * missing values and compute as {@link SparkCompute} computes them; over a group with no
     * present values, {@code sum} and {@code count} are 0 and the others missing, as in
     * {@link io.jvectorize.runtime.GroupedTable#agg}.
     *
     * @throws IllegalArgumentException for an expression that is not a reduction, a reduction
     *     inside an elementwise expression, or a name given twice
     */
    public SparkTable agg(String... aggregations) {
        Objects.requireNonNull(aggregations, "aggregations");
        if (aggregations.length == 0) {
            throw new IllegalArgumentException("agg needs at least one aggregation, such as \"sum(amount) as total\"");
        }
        Dataset<Row> data = table.dataset();
        Set<String> names = new HashSet<>(keys);
        List<Column> columns = new ArrayList<>();
        for (String text : aggregations) {
            NamedExpr named = NamedExpr.parse(Objects.requireNonNull(text, "an aggregation is null"), data.schema());
            Expr expr = named.expr();
            if (!names.add(named.name())) {
                throw new IllegalArgumentException("agg names column " + named.name() + " twice (the keys are "
                        + keys + "); name one of them with as");
            }
            columns.add(SparkCompute.tableAggregate(expr, data, named.bindings()).as(named.name()));
        }
        Column[] keyColumns = keys.stream().map(k -> data.col(SparkTable.quoted(k))).toArray(Column[]::new);
        Dataset<Row> grouped = data.groupBy(keyColumns)
                .agg(columns.get(0), columns.subList(1, columns.size()).toArray(Column[]::new));
        Column[] order = keys.stream().map(k -> grouped.col(SparkTable.quoted(k)).asc_nulls_last()).toArray(Column[]::new);
        return SparkTable.of(grouped.orderBy(order));
    }

    @Override
    public String toString() {
        return "grouped by " + keys;
    }
}
