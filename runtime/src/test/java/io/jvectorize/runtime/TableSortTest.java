package io.jvectorize.runtime;

import static io.jvectorize.runtime.TableTest.columns;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvectorize.runtime.Table.SortKey;
import io.jvectorize.runtime.table.DuckDb;
import io.jvectorize.runtime.table.RandomTables;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Table.sort: stable, missing values last and NaN after numbers in both directions; checked against DuckDB's ORDER BY. */
class TableSortTest {

    private static DuckDb duckdb;
    private static Table random;

    @BeforeAll
    static void load() throws SQLException {
        random = RandomTables.of(5_000, 16);
        duckdb = DuckDb.open();
        duckdb.load("t", random);
    }

    @AfterAll
    static void close() throws SQLException {
        duckdb.close();
    }

    private static long[] ids(Table sorted) {
        return (long[]) sorted.column("id").values();
    }

    @Test
    void ascendingWithMissingLastAndNaNAfterNumbers() {
        Table t = Table.of(columns("x", new Double[] {3.0, null, Double.NaN, -1.0, Double.NEGATIVE_INFINITY, 0.0, -0.0,
                Double.POSITIVE_INFINITY, null, Double.NaN}, "id", new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertArrayEquals(new long[] {4, 3, 5, 6, 0, 7, 2, 9, 1, 8}, ids(t.sort("x")), "-0.0 ties with 0.0, in row order");
        assertArrayEquals(new long[] {7, 0, 5, 6, 3, 4, 2, 9, 1, 8}, ids(t.sort("x", false)));
        Table sorted = t.sort("x", false);
        assertEquals(t.column("x").missingCount(), sorted.column("x").missingCount());
        assertEquals("var * {x: ?float64, id: int64}", sorted.schema());
    }

    @Test
    void stableInBothDirections() {
        Table t = Table.of(columns("k", new long[] {2, 1, 2, 1, 2}, "id", new long[] {0, 1, 2, 3, 4}));
        assertArrayEquals(new long[] {1, 3, 0, 2, 4}, ids(t.sort("k", true)));
        assertArrayEquals(new long[] {0, 2, 4, 1, 3}, ids(t.sort("k", false)));
    }

    @Test
    void stringsBoolsAndMultipleKeys() {
        Table t = Table.of(columns("s", new String[] {"b", "B", null, "a", "", "b"}, "ok",
                new Boolean[] {true, null, false, true, false, false}, "id", new long[] {0, 1, 2, 3, 4, 5}));
        assertArrayEquals(new long[] {4, 1, 3, 0, 5, 2}, ids(t.sort("s")), "by String.compareTo: \"\" < \"B\" < \"a\"");
        assertArrayEquals(new long[] {0, 5, 3, 1, 4, 2}, ids(t.sort("s", false)));
        assertArrayEquals(new long[] {2, 4, 5, 0, 3, 1}, ids(t.sort("ok")));
        assertArrayEquals(new long[] {5, 4, 2, 0, 3, 1}, ids(t.sort(SortKey.ascending("ok"), SortKey.descending("s"))));
    }

    @Test
    void everyColumnMovesWithItsRow() {
        Table t = Table.of(columns("x", new Long[] {3L, null, 1L}, "s", new String[] {"c", "missing x", null},
                "f", new float[] {3f, 0f, 1f}));
        Table sorted = t.sort("x");
        assertEquals(Table.of(columns("x", new Long[] {1L, 3L, null}, "s", new String[] {null, "c", "missing x"},
                "f", new float[] {1f, 3f, 0f})), sorted);
        assertEquals(t, Table.of(columns("x", new Long[] {3L, null, 1L}, "s", new String[] {"c", "missing x", null},
                "f", new float[] {3f, 0f, 1f})), "sorting leaves the table as it was");
    }

    @Test
    void emptyAndSingleRowTables() {
        Table empty = Table.of(columns("x", new double[0]));
        assertEquals(empty, empty.sort("x"));
        Table one = Table.of(columns("x", new Double[] {null}));
        assertEquals(one, one.sort("x", false));
    }

    @Test
    void badKeys() {
        Table t = Table.of(columns("x", new double[1]));
        assertEquals("sort needs at least one key: a column name",
                assertThrows(IllegalArgumentException.class, () -> t.sort(new SortKey[0])).getMessage());
        assertThrows(NullPointerException.class, () -> SortKey.ascending(null));
    }

    /** Every column alone, both ways, as DuckDB's ORDER BY ... NULLS LAST, then the row number. */
    @Test
    void eachColumnAsDuckDbOrdersIt() throws SQLException {
        for (String column : List.of("f", "g", "i", "k", "b", "s")) {
            for (boolean ascending : new boolean[] {true, false}) {
                assertOrder(random.sort(column, ascending), new SortKey(column, ascending));
            }
        }
    }

    @Test
    void severalKeysAsDuckDbOrdersThem() throws SQLException {
        List<SortKey[]> keys = List.of(
                new SortKey[] {SortKey.ascending("s"), SortKey.descending("i")},
                new SortKey[] {SortKey.descending("b"), SortKey.ascending("f"), SortKey.descending("s")},
                new SortKey[] {SortKey.descending("g"), SortKey.descending("k")},
                new SortKey[] {SortKey.ascending("i"), SortKey.ascending("b"), SortKey.descending("f"), SortKey.ascending("s")});
        for (SortKey[] key : keys) {
            assertOrder(random.sort(key), key);
        }
    }

    /**
     * Asserts the sorted ids equal DuckDB's. DuckDB orders NaN above every number, as this
     * sort does ascending; descending it would put NaN first, where this sort keeps it after
     * the numbers, so a descending float key orders by isnan first.
     */
    private static void assertOrder(Table sorted, SortKey... keys) throws SQLException {
        StringJoiner order = new StringJoiner(", ", "SELECT id FROM t ORDER BY ", ", id");
        List<String> description = new ArrayList<>();
        for (SortKey key : keys) {
            String name = DuckDb.quote(key.column());
            boolean floating = random.column(key.column()).typeName().startsWith("float");
            if (floating && !key.ascending()) {
                order.add(name + " IS NULL, isnan(" + name + ")");
            }
            order.add(name + (key.ascending() ? " ASC" : " DESC") + " NULLS LAST");
            description.add(key.toString());
        }
        assertArrayEquals(duckdb.longs(order.toString()), ids(sorted), order + " for " + description);
    }
}
