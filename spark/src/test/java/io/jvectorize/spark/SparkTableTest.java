package io.jvectorize.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Table;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkTable}'s operations against the in-JVM answers on a table of every column type
 * with NaN, signed zeros, infinities and missing values: filter and select against
 * {@link Compute} row by row, groupBy against {@link Compute} on each group's rows, sort,
 * printing and the schema against {@link Table}'s own.
 */
class SparkTableTest {
    private static final int ROWS = 150;
    private static final String[] NAMES = {"Alice", "Bob", "Carol", "Dan"};

    private static Object[][] rows;
    private static Dataset<Row> data;
    private static SparkTable table;

    @BeforeAll
    static void data() {
        SplittableRandom random = new SplittableRandom(31);
        double[] specials = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5, -2.25};
        rows = new Object[ROWS][];
        for (int r = 0; r < ROWS; r++) {
            rows[r] = new Object[] {
                missing(random) ? null : NAMES[random.nextInt(NAMES.length)],
                missing(random) ? null : random.nextInt(-1, 3),
                missing(random) ? null : specials[random.nextInt(specials.length)],
                // Quarters: float sums of them are exact in any order, so groups compare bit for bit.
                missing(random) ? null : random.nextInt(-400, 400) / 4.0 + (random.nextInt(9) == 0 ? Double.NaN : 0),
                missing(random) ? null : random.nextLong(-1_000_000, 1_000_000),
                missing(random) ? null : random.nextBoolean(),
            };
        }
        StructType schema = new StructType().add("name", DataTypes.StringType).add("k", DataTypes.IntegerType)
                .add("x", DataTypes.DoubleType).add("amount", DataTypes.DoubleType).add("n", DataTypes.LongType)
                .add("flag", DataTypes.BooleanType);
        List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
        data = SharedSpark.session().createDataFrame(list, schema);
        table = SparkCompute.table(data);
    }

    private static boolean missing(SplittableRandom random) {
        return random.nextInt(8) == 0;
    }

    @Test
    void filterKeepsTheRowsWhereTheEnginesConditionIsTrue() {
        for (String condition : List.of("x > 0", "x != x", "x == 0", "amount >= x", "n % 3 == 1",
                "where(flag, x, amount) <= 1", "abs(amount) < mean(amount)")) {
            List<String> expected = new ArrayList<>();
            Expr e = Expr.parse(condition, table.columnTypes());
            Object values = engineColumn(e);
            for (int r = 0; r < ROWS; r++) {
                if (Boolean.TRUE.equals(Array.get(values, r))) {
                    expected.add(Arrays.toString(rows[r]));
                }
            }
            assertEquals(expected, texts(table.filter(condition)), condition);
        }
    }

    @Test
    void selectComputesEachExpressionAndNamesIt() {
        SparkTable selected = table.select("name", "x * 2 as doubled", "n + 1", "amount - mean(amount) as centered");
        assertEquals(List.of("name", "doubled", "n + 1", "centered"), selected.columnNames());
        List<Row> got = selected.dataset().collectAsList();
        Object doubled = engineColumn(Expr.parse("x * 2"));
        Object next = engineColumn(Expr.parse("n + 1", Map.of("n", DType.INT64)));
        Object centered = engineColumn(Expr.parse("amount - mean(amount)"));
        for (int r = 0; r < ROWS; r++) {
            assertEquals(rows[r][0], got.get(r).get(0));
            assertTrue(Agreement.agrees(Array.get(doubled, r), got.get(r).get(1), 0), "row " + r);
            assertEquals(Array.get(next, r), got.get(r).get(2), "row " + r);
            // mean adds in another order on Spark: the quarters here make it exact anyway.
            assertTrue(Agreement.agrees(Array.get(centered, r), got.get(r).get(3), 0), "row " + r);
        }
    }

    @Test
    void badSelectionsSayWhatToChange() {
        assertMessage(() -> table.select("sum(x)"), "use groupBy(...).agg(\"sum(x)\")");
        assertMessage(() -> table.select("x", "x"), "select names column x twice");
        assertMessage(() -> table.select("x + 1 as 2x"), "must be an identifier");
        assertMessage(() -> table.select("y + 1"), "symbol y is not a column: the dataset has [name, k, x");
        assertMessage(() -> table.select("name + 1"), "name is a string; strings on Spark are compared");
        assertMessage(() -> table.filter("x + 1"), "filter needs a condition");
        assertMessage(() -> table.groupBy("nope"), "no column nope; the table has [name, k, x");
        assertMessage(() -> table.groupBy("k").agg("x + 1"), "agg takes reductions");
        assertMessage(() -> table.groupBy("k").agg("sum(x) as k"), "agg names column k twice");
        assertMessage(() -> table.sort("nope"), "no column nope");
        assertMessage(() -> table.head(-1), "head(-1): the number of rows must be 0 or more");
    }

    @Test
    void groupByGivesEachGroupTheEnginesReductionsInKeyOrder() {
        String[] aggregations = {"sum(amount) as total", "count(amount) as count", "max(x) as top",
            "nanmin(amount) as low", "mean(n) as average", "sum(n) as n_total", "nancount(x) as numbers"};
        for (List<String> keys : List.of(List.of("k"), List.of("x"), List.of("name"), List.of("name", "flag"))) {
            SparkTable grouped = table.groupBy(keys.toArray(String[]::new)).agg(aggregations);
            List<String> names = new ArrayList<>(keys);
            Arrays.stream(aggregations).map(a -> a.substring(a.indexOf(" as ") + 4)).forEach(names::add);
            assertEquals(names, grouped.columnNames());
            assertEquals(expectedGroups(keys, aggregations), texts(grouped), "groupBy " + keys);
        }
    }

    @Test
    void sortIsTableSortWithNaNAndMissingValuesLastInBothDirections() {
        Table local = table.toTable();
        for (Table.SortKey[] keys : List.of(
                new Table.SortKey[] {Table.SortKey.ascending("x")},
                new Table.SortKey[] {Table.SortKey.descending("x")},
                new Table.SortKey[] {Table.SortKey.descending("name"), Table.SortKey.ascending("amount")},
                new Table.SortKey[] {Table.SortKey.ascending("flag"), Table.SortKey.descending("k"),
                    Table.SortKey.descending("x")})) {
            assertEquals(local.sort(keys), table.sort(keys).toTable(), Arrays.toString(keys));
        }
        assertEquals(local.sort("n", false).head(7), table.sort("n", false).head(7).toTable());
    }

    @Test
    void printingSchemaAndCountsAreTables() {
        Table local = table.toTable();
        assertEquals(ROWS, local.rowCount());
        assertEquals(ROWS, table.rowCount());
        assertEquals(local.schema(), table.schema());
        assertEquals("var * {name: ?string, k: ?int32, x: ?float64, amount: ?float64, n: ?int64, flag: ?bool}",
                table.schema());
        assertEquals("var * {k: int32, total: float64}", table.filter("k == k").groupBy("k")
                .agg("nansum(amount) as total").schema());
        assertEquals(local.toString(), table.toString());
        assertEquals(local.head(3).toString(), table.head(3).toString());
        assertEquals(local.head(11).toString(), table.head(11).toString());
        assertEquals(local.head(0).toString(), table.head(0).toString());
    }

    @Test
    void theChainOfTheDocsRuns() {
        // docs/spark.md's application, with the samples' function for its own.
        SparkTable result = table.filter("x == x")
                .select("name", "Seed.gaussian(x) as p", "x - mean(x) as centered")
                .groupBy("name").agg("sum(p) as total", "nanmax(centered) as spread", "count(p) as n");
        assertEquals(List.of("name", "total", "spread", "n"), result.columnNames());
        Table local = result.toTable();
        assertEquals(NAMES.length + 1, local.rowCount()); // and the missing name, last
        assertTrue(local.column("name").isMissing(NAMES.length));
        for (int g = 0; g < NAMES.length; g++) {
            double total = 0;
            long n = 0;
            for (Object[] row : rows) {
                if (NAMES[g].equals(row[0]) && row[2] != null && !Double.isNaN((Double) row[2])) {
                    total += io.jvectorize.samples.Seed.gaussian((Double) row[2]);
                    n++;
                }
            }
            assertEquals(n, local.column("n").get(g));
            assertEquals(total, (Double) local.column("total").get(g), 1e-12 * n);
        }
    }

    /** The engine's value of an elementwise expression at each row, null where an input is missing. */
    private static Object engineColumn(Expr e) {
        List<Integer> present = new ArrayList<>();
        List<String> columns = table.columnNames();
        for (int r = 0; r < ROWS; r++) {
            int row = r;
            if (e.symbols().keySet().stream().allMatch(s -> rows[row][columns.indexOf(s)] != null)) {
                present.add(r);
            }
        }
        Object[] result = new Object[ROWS];
        Object computed = Compute.compute(e, bind(e, present), false);
        int length = Array.getLength(computed);
        for (int k = 0; k < present.size(); k++) {
            result[present.get(k)] = Array.get(computed, Math.min(k, length - 1));
        }
        return result;
    }

    /** The symbols of {@code e} bound to the values of {@code present} rows (reductions skip the others). */
    private static Map<String, Object> bind(Expr e, List<Integer> present) {
        Map<String, Object> bound = new LinkedHashMap<>();
        List<String> columns = table.columnNames();
        for (Map.Entry<String, DType> symbol : e.symbols().entrySet()) {
            int c = columns.indexOf(symbol.getKey());
            DType type = table.columnTypes().get(symbol.getKey());
            Object values = Array.newInstance(type.arrayType().getComponentType(), present.size());
            for (int k = 0; k < present.size(); k++) {
                Array.set(values, k, rows[present.get(k)][c]);
            }
            bound.put(symbol.getKey(), values);
        }
        return bound;
    }

    /** Each group's row as text: its keys, then each aggregation by the engine over the group's present values. */
    private static List<String> expectedGroups(List<String> keys, String[] aggregations) {
        List<String> columns = table.columnNames();
        Comparator<List<Object>> keyOrder = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = compareKeys(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Map<List<Object>, List<Integer>> groups = new TreeMap<>(keyOrder);
        for (int r = 0; r < ROWS; r++) {
            List<Object> key = new ArrayList<>();
            for (String k : keys) {
                Object v = rows[r][columns.indexOf(k)];
                key.add(v instanceof Double d && d == 0.0 ? 0.0 : v); // -0.0 and 0.0 are one key
            }
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
        }
        List<String> expected = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Integer>> group : groups.entrySet()) {
            List<Object> row = new ArrayList<>(group.getKey());
            for (String aggregation : aggregations) {
                Expr e = Expr.parse(aggregation.substring(0, aggregation.indexOf(" as ")), table.columnTypes());
                String symbol = e.symbols().keySet().iterator().next();
                List<Integer> present = group.getValue().stream()
                        .filter(r -> rows[r][columns.indexOf(symbol)] != null).toList();
                Object value;
                try {
                    value = Compute.compute(e, bind(e, present), false);
                } catch (IllegalArgumentException noValues) {
                    value = null; // min/max of no values: Spark's null in a group
                }
                row.add(value);
            }
            expected.add(row.toString().replace(", ", ","));
        }
        return expected;
    }

    /** Group key order: numbers ascending (-0.0 = 0.0), then NaN, then missing; false before true; strings. */
    @SuppressWarnings("unchecked")
    private static int compareKeys(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.equals(y) || x == 0.0 && y == 0.0 ? 0 : Double.isNaN(x) ? 1 : Double.isNaN(y) ? -1 : Double.compare(x, y);
        }
        return ((Comparable<Object>) a).compareTo(b);
    }

    private static List<String> texts(SparkTable t) {
        List<String> texts = new ArrayList<>();
        for (Row row : t.dataset().collectAsList()) {
            Object[] values = new Object[row.length()];
            for (int c = 0; c < values.length; c++) {
                values[c] = row.get(c);
            }
            texts.add(t.columnNames().size() == table.columnNames().size() && t.columnNames().equals(table.columnNames())
                    ? Arrays.toString(values) : Arrays.asList(values).toString().replace(", ", ","));
        }
        return texts;
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(Objects.requireNonNull(e.getMessage()).contains(words), e.getMessage());
    }
}
