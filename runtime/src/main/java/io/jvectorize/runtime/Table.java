package io.jvectorize.runtime;

import io.jvectorize.runtime.table.ColumnArrays;
import io.jvectorize.runtime.table.ColumnData;
import io.jvectorize.runtime.table.ColumnNames;
import io.jvectorize.runtime.table.CsvReader;
import io.jvectorize.runtime.table.RowOrder;
import io.jvectorize.runtime.table.TablePrinter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Named, typed columns of one length: Blaze's {@code Data}, pandas' {@code DataFrame}.
 * Immutable: every operation returns a new table (or this one, where nothing changes).
 *
 * <pre>{@code
 * Table t = Table.readCsv(Path.of("accounts.csv"));
 * t.schema();                 // var * {name: string, amount: ?float64}
 * t.sort("amount", false).head(10);
 * }</pre>
 *
 * <h2>Columns</h2>
 * Each {@link Column} holds float64, float32, int64, int32, bool or string values, any of
 * them possibly missing (null). A float NaN is a value, not a missing one.
 *
 * <h2>Column names</h2>
 * A name is any non-empty text without backticks or control characters (line breaks, tabs,
 * zero-width and other invisible characters), and it does not start or end with white space.
 * Names are case-sensitive. Expression text refers to a column whose name is an identifier
 * ({@code amount}, {@code unit_price}) by that name; other names ({@code first name}) are
 * meant to be written between backticks there, as in pandas' {@code query}, which is why a
 * name holds no backtick.
 */
public final class Table {

    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final int rowCount;
    /**
     * The filters not applied yet (text or Expr), in order: a filtered table is its base's
     * columns and these, so that a reduction or select after filter reads the base in one pass.
     * Empty for a table of its own rows.
     */
    private final List<Object> filters;
    /** The filtered rows, gathered on first need. */
    private volatile Table gathered;

    private Table(Table base, List<Object> filters) {
        this.columns = base.columns;
        this.byName = base.byName;
        this.rowCount = base.rowCount;
        this.filters = List.copyOf(filters);
    }

    private Table(List<Column> columns) {
        this.filters = List.of();
        Map<String, Column> byName = new HashMap<>();
        for (Column column : columns) {
            if (byName.putIfAbsent(column.name(), column) != null) {
                throw new IllegalArgumentException("two columns are named " + ColumnNames.quoted(column.name())
                        + "; give every column its own name");
            }
        }
        this.columns = List.copyOf(columns);
        this.byName = byName;
        this.rowCount = columns.isEmpty() ? 0 : columns.get(0).length();
        for (Column column : columns) {
            if (column.length() != rowCount) {
                StringJoiner lengths = new StringJoiner(", ");
                for (Column c : columns) {
                    lengths.add(c.name() + " has " + c.length());
                }
                throw new IllegalArgumentException("columns have different lengths: " + lengths
                        + "; every column needs one value (or null) per row");
            }
        }
    }

    // ---- building -----------------------------------------------------------------------------

    /**
     * A table of the arrays in {@code columns}, in the map's order (use a
     * {@link LinkedHashMap}; {@code Map.of} has no fixed order).
     *
     * <p>Each value is a primitive array ({@code double[]}, {@code float[]}, {@code long[]},
     * {@code int[]}, {@code boolean[]}), which has no missing values and which the table uses
     * as it is, <b>not copied</b>: the caller must not change it afterwards; or a boxed array
     * ({@code Double[]}, {@code Float[]}, {@code Long[]}, {@code Integer[]}, {@code Boolean[]})
     * or a {@code String[]}, where {@code null} is a missing value: these are copied (unboxed
     * once into a primitive array and a mask), so changing them later changes nothing.
     *
     * @throws IllegalArgumentException if a name is not a valid column name (see the class
     *     comment), a value is null or of another type, or the arrays differ in length (the
     *     message names every column's length)
     */
    public static Table of(Map<String, ?> columns) {
        Objects.requireNonNull(columns, "columns");
        List<Column> list = new ArrayList<>();
        for (Map.Entry<String, ?> entry : columns.entrySet()) {
            String name = checkName(entry.getKey());
            list.add(new Column(name, ColumnArrays.toColumn(name, entry.getValue())));
        }
        return new Table(list);
    }

    /**
     * A table of these columns, in this order (see {@link Column#of(String, Object, boolean[])}).
     *
     * @throws IllegalArgumentException if two have one name or their lengths differ
     */
    public static Table of(Column... columns) {
        return of(Arrays.asList(columns));
    }

    /** As {@link #of(Column...)}. */
    public static Table of(List<Column> columns) {
        Objects.requireNonNull(columns, "columns");
        for (Column column : columns) {
            Objects.requireNonNull(column, "a column is null");
        }
        return new Table(columns);
    }

    static String checkName(String name) {
        String problem = ColumnNames.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("column name " + (name == null || name.isEmpty() ? "" : ColumnNames.quoted(name) + " ")
                    + problem + "; " + ColumnNames.RULE);
        }
        return name;
    }

    /**
     * Reads a CSV file in UTF-8 with a comma between fields; see {@link #readCsv(Path, CsvOptions)}.
     */
    public static Table readCsv(Path path) throws IOException {
        return readCsv(path, CsvOptions.defaults());
    }

    /**
     * Reads a CSV file: a header line naming the columns, then one record per row, quoted as
     * RFC 4180 says (a field holding the delimiter, a quote or a line break is quoted with
     * {@code "}, and a quote inside it is doubled). Line ends may be {@code \n} or
     * {@code \r\n}; blank lines are skipped; a byte order mark before the header is dropped,
     * as is white space around a column's name.
     *
     * <p>Each column's type is inferred from all its cells. An empty cell (quoted or not) is a
     * missing value in every type; of the present cells, with spaces and tabs around them
     * ignored:
     * <ol>
     *   <li>int64 if every one is an integer that int64 holds (optional sign, ASCII digits:
     *       {@code 42}, {@code -7}, {@code 007});
     *   <li>else float64 if every one is a number: an integer (also one too large for int64),
     *       a decimal with optional exponent ({@code 1.5}, {@code .5}, {@code 1e5},
     *       {@code -2.5E-3}, {@code -0.0}), or {@code nan}, {@code inf}, {@code infinity}
     *       in any case with an optional sign ({@code NaN}, {@code -inf}, {@code Infinity}),
     *       as NumPy and pandas read them (not Java's {@code 0x1p3} or {@code 1.5d}, nor
     *       Python's {@code 1_000}); rounded to nearest, so {@code 1e400} is infinity;
     *   <li>else bool if every one is {@code true} or {@code false}, in any case, as pandas;
     *   <li>else string: the cells exactly as written, spaces included.
     * </ol>
     * A column with no present cell is a string column of missing values (as DuckDB; pandas
     * makes it float64). pandas and DuckDB read numbers alike, but for these: DuckDB keeps a
     * column with a leading zero ({@code 007}) or a plus sign ({@code +1.5}) as text, and
     * pandas reads {@code NA}, {@code null}, {@code N/A} and the like as missing, where this
     * reader takes them for text. Dates are read as strings.
     *
     * <p>The whole file is read and checked before the table is built: an error leaves
     * nothing behind.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is empty, a header field is not a valid
     *     column name or repeats one, a record has another number of fields than the header
     *     (the message gives the line and both counts), a quote is not closed, or the bytes
     *     are not text in the options' charset
     */
    public static Table readCsv(Path path, CsvOptions options) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        try (Reader reader = Files.newBufferedReader(path, options.charset())) {
            return readCsv(reader, path.toString(), options);
        }
    }

    /**
     * Reads CSV text from {@code reader}, as {@link #readCsv(Path, CsvOptions)} reads a file
     * (the options' charset is the reader's business). The reader is read to its end, not closed.
     */
    public static Table readCsv(Reader reader, CsvOptions options) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(options, "options");
        return readCsv(reader, "the CSV text", options);
    }

    private static Table readCsv(Reader reader, String source, CsvOptions options) throws IOException {
        Map<String, ColumnData> read = new CsvReader(source, options.delimiter()).read(reader);
        List<Column> columns = new ArrayList<>();
        read.forEach((name, data) -> columns.add(new Column(name, data)));
        return new Table(columns);
    }

    // ---- reading ------------------------------------------------------------------------------

    /** The number of rows (of a filtered table: those it keeps, computed once). */
    public int rowCount() {
        return rows().rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            names.add(column.name());
        }
        return Collections.unmodifiableList(names);
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return rows().columns;
    }

    public boolean hasColumn(String name) {
        return byName.containsKey(name);
    }

    /**
     * The column named {@code name}.
     *
     * @throws IllegalArgumentException if there is none: the message lists the table's columns
     */
    public Column column(String name) {
        Column column = rows().byName.get(name);
        if (column == null) {
            throw new IllegalArgumentException(ColumnNames.unknown(name, columnNames()));
        }
        return column;
    }

    /**
     * The table's type in Blaze's datashape: {@code var * {name: string, amount: ?float64}},
     * the columns in order, {@code ?} before the type of a column that has missing values.
     * A name that is not an identifier is quoted, with {@code \} and {@code "} escaped:
     * {@code {"first name": string}}.
     */
    public String schema() {
        StringJoiner fields = new StringJoiner(", ", "var * {", "}");
        for (Column column : rows().columns) {
            String name = ColumnNames.isIdentifier(column.name()) ? column.name() : ColumnNames.quoted(column.name());
            fields.add(name + ": " + (column.hasMissing() ? "?" : "") + column.typeName());
        }
        return fields.toString();
    }

    // ---- operations ---------------------------------------------------------------------------

    /**
     * The first {@code n} rows: this table where it has no more.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public Table head(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("head(" + n + "): the number of rows must be 0 or more");
        }
        if (!filters.isEmpty()) {
            return rows().head(n);
        }
        if (n >= rowCount) {
            return this;
        }
        List<Column> head = new ArrayList<>();
        for (Column column : columns) {
            head.add(new Column(column.name(), column.data().head(n)));
        }
        return new Table(head);
    }

    /** The rows sorted by {@code column}, ascending; see {@link #sort(SortKey...)}. */
    public Table sort(String column) {
        return sort(SortKey.ascending(column));
    }

    /**
     * The rows sorted by {@code column}, ascending or descending ({@code false}); see
     * {@link #sort(SortKey...)}.
     */
    public Table sort(String column, boolean ascending) {
        return sort(new SortKey(column, ascending));
    }

    /**
     * The rows sorted by these keys, the first one most significant:
     * {@code t.sort(SortKey.ascending("name"), SortKey.descending("amount"))}.
     *
     * <p>The sort is stable: rows equal in every key keep their order. In every direction,
     * missing values come last (SQL's {@code NULLS LAST}, pandas' default) and NaN comes after
     * every number, before missing values. {@code -0.0} equals {@code 0.0}; {@code false}
     * comes before {@code true}; strings are ordered by {@link String#compareTo} (UTF-16 code
     * units, case-sensitive).
     *
     * @throws IllegalArgumentException if no key is given, or a key names no column (the
     *     message lists the table's columns)
     */
    public Table sort(SortKey... keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.length == 0) {
            throw new IllegalArgumentException("sort needs at least one key: a column name");
        }
        if (!filters.isEmpty()) {
            return rows().sort(keys);
        }
        List<ColumnData> keyColumns = new ArrayList<>();
        boolean[] ascending = new boolean[keys.length];
        for (int k = 0; k < keys.length; k++) {
            Objects.requireNonNull(keys[k], "a sort key is null");
            keyColumns.add(column(keys[k].column()).data());
            ascending[k] = keys[k].ascending();
        }
        int[] order = RowOrder.sorted(keyColumns, ascending, rowCount);
        List<Column> sorted = new ArrayList<>();
        for (Column column : columns) {
            sorted.add(new Column(column.name(), column.data().gather(order)));
        }
        return new Table(sorted);
    }

    // ---- expressions over the columns ---------------------------------------------------------

    /**
     * The rows where {@code condition} is true: text over the columns, such as
     * {@code "amount > 0"} or {@code "name != 'Bob' & amount > 0"} (see {@link #select} for
     * what text may hold). A row where the condition is missing is dropped, as SQL's
     * {@code WHERE} drops it.
     *
     * <p>Nothing is copied here: the table returned is this one's columns and the condition,
     * checked now. A reduction ({@link Compute#compute(Expr, Table)}, {@link #agg}) or
     * {@link #select} on it reads this table's columns in one pass, the condition folded into
     * it; anything else (its columns, printing, sort, groupBy) gathers the rows once.
     *
     * @throws ExprSyntaxException for text that is not an expression, an unknown column (the
     *     message lists the columns), or an operand of the wrong type, with the column and a caret
     * @throws IllegalArgumentException if the condition is not a bool
     */
    public Table filter(String condition) {
        Objects.requireNonNull(condition, "condition");
        return filtered(condition);
    }

    /**
     * The rows where {@code condition}, an Expr over the columns by name, is true; as
     * {@link #filter(String)}. Its symbols' types must be ones the columns' types widen to.
     */
    public Table filter(Expr condition) {
        Objects.requireNonNull(condition, "condition");
        return filtered(condition);
    }

    private Table filtered(Object condition) {
        List<Object> all = new ArrayList<>(filters);
        all.add(condition);
        Table filtered = new Table(this, all);
        filtered.scope(Compute.Options.defaults()); // checks the condition now
        return filtered;
    }

    /**
     * A table of these columns, each {@code "expression"} or {@code "expression as name"}:
     * {@code t.select("name", "amount * 2 as doubled")}. Only the named columns are kept, in
     * this order.
     *
     * <p>Text is {@link Expr#parse}'s language over the columns, which are symbols of their
     * types; a column whose name is not an identifier is written between backticks
     * ({@code `first name`}). Strings: a string column can be compared with a string literal
     * ({@code 'Bob'} or {@code "Bob"}; {@code == != < <= > >=}, in {@link String#compareTo}
     * order) and nothing else. Missing values: an elementwise result is missing where a value
     * it reads is; {@code fillnull(x, v)} is {@code x} where present, else {@code v}; and
     * {@code isnull(x)} is true where {@code x} is missing. A reduction in an expression
     * ({@code amount - mean(amount)}) skips missing values and reads the kept rows.
     * An expression without a name is named by its text, a column by its name.
     *
     * @throws ExprSyntaxException for text that is not an expression, a missing or bad name
     *     after {@code as}, an unknown column (the message lists the columns), or an operand of
     *     the wrong type (the message names the column and its type), with the column and a caret
     * @throws IllegalArgumentException if two results have one name; nothing is returned then
     */
    public Table select(String... expressions) {
        Objects.requireNonNull(expressions, "expressions");
        if (expressions.length == 0) {
            throw new IllegalArgumentException("select needs at least one column: a name or \"expression as name\"");
        }
        TableScope scope = scope(Compute.Options.defaults());
        List<Aliased> items = new ArrayList<>();
        List<TableScope.Resolved> values = new ArrayList<>();
        for (String expression : expressions) {
            Aliased item = Aliased.of(expression);
            TableScope.Resolved value = item.inItem(expression, () -> scope.resolveRoot(item.expression(), true));
            if (value.value() != null && value.value().isReduction()) {
                throw ExprParser.syntaxError(expression, 0, "select needs an expression per row, and " + item.expression().strip()
                        + " is a reduction: use agg(\"" + expression.strip() + "\") for one row of reductions");
            }
            items.add(item);
            values.add(value);
        }
        int[] rows = scope.keptRows();
        List<Column> selected = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            selected.add(scope.column(items.get(i).name(), values.get(i), rows));
        }
        return new Table(selected);
    }

    /**
     * One row of reductions over the whole table: {@code t.filter("amount > 0").agg("sum(amount)
     * as total", "count(amount) as n")}, each {@code "reduction(expression) as name"} with any
     * reduction of {@link Expr} ({@code sum mean min max count var std nansum nanmean nanmin
     * nanmax nancount}). Each is one pass of the fused engine over this table's columns, a
     * filter folded in (no filtered copy). Missing values are skipped; over no present value,
     * sum and count are 0, the others missing.
     *
     * @throws ExprSyntaxException as {@link #select}, and for an expression that is not one
     *     reduction
     */
    public Table agg(String... aggregations) {
        Objects.requireNonNull(aggregations, "aggregations");
        if (aggregations.length == 0) {
            throw new IllegalArgumentException("agg needs at least one aggregation, such as \"sum(amount) as total\"");
        }
        TableScope scope = scope(Compute.Options.defaults());
        List<Aliased> items = new ArrayList<>();
        List<TableScope.Resolved> values = new ArrayList<>();
        for (String aggregation : aggregations) {
            Aliased item = Aliased.of(aggregation);
            items.add(item);
            values.add(TableAggregation.reduction(scope, item, aggregation, true));
        }
        List<Column> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Reduction reduction = (Reduction) values.get(i).value();
            Object value = scope.reduce(reduction.kind(),
                    TableScope.Resolved.of(reduction.operand(), values.get(i).validity()), true);
            results.add(new Column(items.get(i).name(), TableAggregation.single(value, reduction.dtype())));
        }
        return new Table(results);
    }

    /**
     * The groups of rows with equal values in the key columns, for
     * {@link GroupedTable#agg}: {@code t.groupBy("name").agg("sum(amount) as total")}.
     *
     * @throws IllegalArgumentException if no key is given, or a key names no column (the
     *     message lists the table's columns)
     */
    public GroupedTable groupBy(String... keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.length == 0) {
            throw new IllegalArgumentException("groupBy needs at least one key column; agg(...) aggregates the whole table");
        }
        Table rows = rows();
        for (String key : keys) {
            rows.column(Objects.requireNonNull(key, "a key is null"));
        }
        return new GroupedTable(rows, List.of(keys));
    }

    /** The columns bound for expressions, the filters applied as row conditions. */
    TableScope scope(Compute.Options options) {
        TableScope scope = new TableScope(columns, rowCount, options);
        for (Object filter : filters) {
            scope.filter(filter);
        }
        return scope;
    }

    /** This table's own rows: itself, or its filtered rows gathered (once). */
    Table rows() {
        if (filters.isEmpty()) {
            return this;
        }
        Table rows = gathered;
        if (rows == null) {
            int[] kept = scope(Compute.Options.defaults()).keptRows();
            List<Column> gatheredColumns = new ArrayList<>();
            for (Column column : columns) {
                gatheredColumns.add(new Column(column.name(), column.data().gather(kept)));
            }
            rows = new Table(gatheredColumns);
            gathered = rows;
        }
        return rows;
    }

    // ---- printing and equality ----------------------------------------------------------------

    /**
     * The first 10 rows as an aligned text table, as pandas prints one (without an index),
     * and a line {@code ... N more rows} where there are more:
     * <pre>
     * name     amount
     * Alice    100.50
     * Bob        null
     * Charlie  -20.25
     * </pre>
     * Numbers and bools are right-aligned, strings left-aligned; a missing value is
     * {@code null}, NaN {@code NaN}, infinities {@code inf} and {@code -inf}. Floats are
     * printed as pandas prints them, to 6 decimals at most: a column's values with as many
     * decimals as the most precise of them needs (at least one), and in scientific notation
     * ({@code 1.234000e-07}) where a nonzero value is below 1e-6 in magnitude or one is 1e16
     * or more. Strings are cut to 40 characters, with line breaks and other control
     * characters shown as escapes ({@code \n}).
     */
    @Override
    public String toString() {
        if (!filters.isEmpty()) {
            return rows().toString();
        }
        List<ColumnData> data = new ArrayList<>();
        for (Column column : columns) {
            data.add(column.data());
        }
        return TablePrinter.print(columnNames(), data, rowCount);
    }

    /** Equal column names, types, values (floats by their bits: NaN equals NaN) and missing rows, in order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Table that && rows().columns.equals(that.rows().columns);
    }

    @Override
    public int hashCode() {
        return rows().columns.hashCode();
    }

    // ---- options and keys ---------------------------------------------------------------------

    /** A key of {@link #sort(SortKey...)}: a column and its direction. */
    public record SortKey(String column, boolean ascending) {

        public SortKey {
            Objects.requireNonNull(column, "column");
        }

        public static SortKey ascending(String column) {
            return new SortKey(column, true);
        }

        public static SortKey descending(String column) {
            return new SortKey(column, false);
        }
    }

    /**
     * How {@link #readCsv(Path, CsvOptions)} reads a file: immutable; each setter returns a
     * changed copy. Defaults: a comma between fields, UTF-8.
     */
    public static final class CsvOptions {

        private static final CsvOptions DEFAULTS = new CsvOptions(',', StandardCharsets.UTF_8);

        private final char delimiter;
        private final Charset charset;

        private CsvOptions(char delimiter, Charset charset) {
            this.delimiter = delimiter;
            this.charset = charset;
        }

        public static CsvOptions defaults() {
            return DEFAULTS;
        }

        /**
         * The character between fields, such as {@code ';'} or {@code '\t'}.
         *
         * @throws IllegalArgumentException for a quote, a line break, or a character that is
         *     not a single UTF-16 unit
         */
        public CsvOptions delimiter(char delimiter) {
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the delimiter cannot be U+%04X:"
                        + " quotes and line breaks have their own meaning in CSV", (int) delimiter));
            }
            if (Character.isSurrogate(delimiter)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the delimiter cannot be U+%04X,"
                        + " half of a character beyond U+FFFF: choose a character of one UTF-16 unit", (int) delimiter));
            }
            return new CsvOptions(delimiter, charset);
        }

        /** The file's charset, such as {@link StandardCharsets#ISO_8859_1}. */
        public CsvOptions charset(Charset charset) {
            return new CsvOptions(delimiter, Objects.requireNonNull(charset, "charset"));
        }

        public char delimiter() {
            return delimiter;
        }

        public Charset charset() {
            return charset;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CsvOptions && delimiter == ((CsvOptions) other).delimiter
                    && charset.equals(((CsvOptions) other).charset);
        }

        @Override
        public int hashCode() {
            return 31 * delimiter + charset.hashCode();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "CsvOptions[delimiter=U+%04X, charset=%s]", (int) delimiter, charset);
        }
    }
}
