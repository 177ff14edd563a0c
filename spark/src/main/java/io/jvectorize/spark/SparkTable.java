package io.jvectorize.spark;

import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A table whose operations run on Spark: {@link Table}'s operations with {@link Table}'s
 * semantics, each giving a new {@code SparkTable} over a Spark plan; nothing runs until a result
 * is asked for ({@link #rowCount}, {@link #toTable}, {@link #toString}, {@link #schema}, or the
 * {@link #dataset()} itself).
 *
 * <pre>{@code
 * SparkTable t = SparkCompute.table(spark.read().parquet("accounts.parquet"));
 * t.filter("amount > 0").groupBy("name").agg("sum(amount) as total", "count(amount) as n")
 *  .sort("total", false).head(10).toTable();      // an in-JVM Table of the ten rows
 * }</pre>
 *
 * <p>Columns of Spark type double, float, bigint, int and boolean are float64, float32, int64,
 * int32 and bool; string columns may be selected, grouped by and sorted; a null is a missing
 * value. Expressions compute as {@link SparkCompute} computes them (the in-JVM engine's answers).
 */
public final class SparkTable {
    /** The rows {@link Table#toString()} prints. */
    private static final int PRINTED_ROWS = 10;

    private final Dataset<Row> data;

    private SparkTable(Dataset<Row> data) {
        this.data = data;
    }

    /** The rows of {@code data} as a table. */
    static SparkTable of(Dataset<Row> data) {
        return new SparkTable(Objects.requireNonNull(data, "data"));
    }

    /** The Spark dataset of the table's rows, for what Spark itself does (write, join, cache). */
    public Dataset<Row> dataset() {
        return data;
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        return List.of(data.columns());
    }

    /** The number of rows (a Spark job). */
    public long rowCount() {
        return data.count();
    }

    /**
     * The rows where {@code condition} is true; rows where it is false or missing are dropped.
     *
     * @param condition a boolean expression over the number and bool columns, such as {@code amount > 0}
     * @throws IllegalArgumentException if it is not a boolean elementwise expression, or names no column
     */
    public SparkTable filter(String condition) {
        SparkTableText.Parsed parsed = SparkTableText.parse(Objects.requireNonNull(condition, "condition"), data.schema());
        return filter(parsed.expr(), parsed.bindings());
    }

    /** As {@link #filter(String)}, for an expression built in Java. */
    public SparkTable filter(Expr condition) {
        return filter(Objects.requireNonNull(condition, "condition"), SparkTableText.Bindings.NONE);
    }

    private SparkTable filter(Expr condition, SparkTableText.Bindings bindings) {
        if (condition.isReduction() || condition.dtype() != DType.BOOLEAN) {
            throw new IllegalArgumentException("filter needs a condition, a bool for each row such as amount > 0; "
                    + condition + " is " + (condition.isReduction() ? "a reduction" : condition.dtype()));
        }
        return new SparkTable(data.filter(SparkCompute.columnOn(condition, data, bindings)));
    }

    /**
     * Only the columns {@code columns}, in that order: each a column's name (any type), or an
     * elementwise expression named with {@code as}: {@code "amount * 2 as doubled"} (without
     * {@code as}, named by its text).
     *
     * @throws IllegalArgumentException for a reduction (use {@link #groupBy} or {@link SparkCompute#compute}),
     *     a name given twice, or an expression that names no column
     */
    public SparkTable select(String... columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.length == 0) {
            throw new IllegalArgumentException("select needs at least one column or expression");
        }
        List<Column> selected = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String text : columns) {
            Objects.requireNonNull(text, "a column of select is null");
            String name;
            if (columnNames().contains(text)) {
                name = text;
                selected.add(data.col(quoted(text)));
            } else {
                NamedExpr named = NamedExpr.parse(text, data.schema());
                if (named.expr().isReduction()) {
                    throw new IllegalArgumentException("select takes a value per row; " + text + " is a reduction:"
                            + " use groupBy(...).agg(\"" + text + "\") or SparkCompute.compute");
                }
                name = named.name();
                selected.add(SparkCompute.columnOn(named.expr(), data, named.bindings()).as(name));
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("select names column " + name + " twice; name one of them with as");
            }
        }
        return new SparkTable(data.select(selected.toArray(Column[]::new)));
    }

    /**
     * One row of reductions over the whole table, each named with {@code as}:
     * {@code t.filter("amount > 0").agg("sum(amount) as total", "count(amount) as n")}, as
     * {@link Table#agg}: missing values skipped; over no present values {@code sum} and
     * {@code count} are 0, the others missing.
     *
     * @throws IllegalArgumentException for an expression that is not one reduction, or a name given twice
     */
    public SparkTable agg(String... aggregations) {
        Objects.requireNonNull(aggregations, "aggregations");
        if (aggregations.length == 0) {
            throw new IllegalArgumentException("agg needs at least one aggregation, such as \"sum(amount) as total\"");
        }
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String text : aggregations) {
            NamedExpr named = NamedExpr.parse(Objects.requireNonNull(text, "an aggregation is null"), data.schema());
            if (!names.add(named.name())) {
                throw new IllegalArgumentException("agg names column " + named.name() + " twice; name one of them with as");
            }
            columns.add(SparkCompute.tableAggregate(named.expr(), data, named.bindings()).as(named.name()));
        }
        return new SparkTable(data.agg(columns.get(0), columns.subList(1, columns.size()).toArray(Column[]::new)));
    }

    /**
     * The rows grouped by the values of {@code keys} (columns); {@link SparkGroupBy#agg} says
     * what to compute per group.
     *
     * @throws IllegalArgumentException if no key is given or a key names no column
     */
    public SparkGroupBy groupBy(String... keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.length == 0) {
            throw new IllegalArgumentException("groupBy needs at least one key: a column name");
        }
        for (String key : keys) {
            checkColumn(Objects.requireNonNull(key, "a key of groupBy is null"));
        }
        return new SparkGroupBy(this, List.of(keys));
    }

    /** The rows sorted by {@code column}, ascending; see {@link #sort(Table.SortKey...)}. */
    public SparkTable sort(String column) {
        return sort(Table.SortKey.ascending(column));
    }

    /** The rows sorted by {@code column}, ascending or descending ({@code false}); see {@link #sort(Table.SortKey...)}. */
    public SparkTable sort(String column, boolean ascending) {
        return sort(new Table.SortKey(column, ascending));
    }

    /**
     * The rows sorted by these keys, the first one most significant, as {@link Table#sort}
     * sorts: stable (rows equal in every key keep their order); in every direction missing
     * values last and NaN after every number, before missing values (Spark's descending order
     * puts NaN first); {@code -0.0} equal to {@code 0.0}; {@code false} before {@code true}.
     * Strings are ordered by code point (Spark's order), which differs from
     * {@link String#compareTo} only between characters outside the Basic Multilingual Plane and
     * those from U+E000 to U+FFFF.
     *
     * @throws IllegalArgumentException if no key is given, or a key names no column
     */
    public SparkTable sort(Table.SortKey... keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.length == 0) {
            throw new IllegalArgumentException("sort needs at least one key: a column name");
        }
        String position = freshName("position");
        Dataset<Row> numbered = data.withColumn(position, monotonically_increasing_id());
        List<Column> order = new ArrayList<>();
        for (Table.SortKey key : keys) {
            Objects.requireNonNull(key, "a sort key is null");
            DataType type = checkColumn(key.column()).dataType();
            Column c = numbered.col(quoted(key.column()));
            boolean floating = type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType);
            if (floating && !key.ascending()) {
                // Numbers first, then NaN, then missing values; numbers descending among themselves.
                order.add(when(c.isNull(), lit(2)).when(isnan(c), lit(1)).otherwise(lit(0)).asc());
            }
            order.add(key.ascending() ? c.asc_nulls_last() : c.desc_nulls_last());
        }
        order.add(numbered.col(position).asc());
        return new SparkTable(numbered.sort(order.toArray(Column[]::new)).drop(position));
    }

    /**
     * The first {@code n} rows.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public SparkTable head(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("head(" + n + "): the number of rows must be 0 or more");
        }
        return new SparkTable(data.limit(n));
    }

    /**
     * The table's type in Blaze's datashape, as {@link Table#schema()} writes it: {@code var *
     * {name: string, amount: ?float64}}, {@code ?} before the type of a column with missing
     * values (a Spark job counts them).
     */
    public String schema() {
        StructField[] fields = data.schema().fields();
        Column[] nulls = new Column[fields.length];
        for (int c = 0; c < fields.length; c++) {
            nulls[c] = sum(when(data.col(quoted(fields[c].name())).isNull(), lit(1L)).otherwise(lit(0L)));
        }
        Row counts = fields.length == 0 ? null : data.agg(nulls[0], Arrays.copyOfRange(nulls, 1, nulls.length)).first();
        Map<String, Object> oneRow = new LinkedHashMap<>();
        for (int c = 0; c < fields.length; c++) {
            boolean missing = !counts.isNullAt(c) && counts.getLong(c) > 0;
            oneRow.put(fields[c].name(), RowColumns.oneValue(fields[c], missing));
        }
        return Table.of(oneRow).schema();
    }

    /**
     * The rows as an in-JVM {@link Table}, collected to the driver: bounded by its memory and by
     * {@link Table}'s int row count.
     */
    public Table toTable() {
        return RowColumns.toTable(data.schema(), data.collectAsList());
    }

    /**
     * The first 10 rows as an aligned text table, as {@link Table#toString()} prints them, and a
     * line {@code ... N more rows} where there are more (Spark jobs: the rows, and a count).
     */
    @Override
    public String toString() {
        String first = RowColumns.toTable(data.schema(), data.limit(PRINTED_ROWS).collectAsList()).toString();
        long more = rowCount() - PRINTED_ROWS;
        return more <= 0 ? first : first + "... " + String.format(Locale.ROOT, "%,d", more)
                + (more == 1 ? " more row\n" : " more rows\n");
    }

    /** The number and bool columns with their types, as expressions over the table read them. */
    Map<String, DType> columnTypes() {
        Map<String, DType> types = new LinkedHashMap<>();
        for (StructField field : data.schema().fields()) {
            try {
                types.put(field.name(), SparkTypes.dtype(field.dataType(), "column " + field.name()));
            } catch (IllegalArgumentException notANumber) {
                // strings and other types: an expression naming one is refused by SparkCompute's check
            }
        }
        return types;
    }

    /** The field {@code name}; an error listing the columns if there is none. */
    StructField checkColumn(String name) {
        for (StructField field : data.schema().fields()) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("no column " + name + "; the table has " + columnNames());
    }

    /** {@code name} quoted for Spark's column resolution (a dot in it is not a struct field). */
    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A column name not among the table's, starting with {@code base}. */
    private String freshName(String base) {
        String name = "__jvectorize_" + base;
        while (columnNames().contains(name)) {
            name += "_";
        }
        return name;
    }
}
