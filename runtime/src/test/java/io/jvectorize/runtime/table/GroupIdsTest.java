package io.jvectorize.runtime.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvectorize.runtime.Column;
import io.jvectorize.runtime.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** Rows to dense group ids, groups in key order with missing keys last; checked against DuckDB's GROUP BY. */
class GroupIdsTest {

    private static GroupIds groups(Object... keys) {
        List<ColumnData> columns = new ArrayList<>();
        for (Object key : keys) {
            columns.add(ColumnArrays.toColumn("k", key));
        }
        return GroupIds.of(columns, columns.get(0).length());
    }

    @Test
    void int64KeysInOrderWithMissingLast() {
        GroupIds g = groups((Object) new Long[] {30L, null, 10L, 30L, 20L, null, 10L});
        assertEquals(4, g.count());
        assertArrayEquals(new int[] {2, 3, 0, 2, 1, 3, 0}, g.ids());
        assertArrayEquals(new int[] {2, 4, 0, 1}, g.firstRows());
    }

    @Test
    void int32AndBoolKeys() {
        GroupIds g = groups((Object) new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, Integer.MIN_VALUE});
        assertArrayEquals(new int[] {2, 0, 1, 0}, g.ids());
        GroupIds b = groups((Object) new Boolean[] {true, null, false, true});
        assertEquals(3, b.count());
        assertArrayEquals(new int[] {1, 2, 0, 1}, b.ids());
    }

    @Test
    void stringKeys() {
        GroupIds g = groups((Object) new String[] {"b", "a", null, "", "b", "B"});
        assertEquals(5, g.count());
        assertArrayEquals(new int[] {3, 2, 4, 0, 3, 1}, g.ids());
        assertArrayEquals(new int[] {3, 5, 1, 0, 2}, g.firstRows());
    }

    @Test
    void floatKeysGroupNaNTogetherAndBothZeros() {
        GroupIds g = groups((Object) new Double[] {Double.NaN, 0.0, -0.0, null, 1.5, Double.NaN, Double.NEGATIVE_INFINITY});
        assertEquals(5, g.count());
        assertArrayEquals(new int[] {3, 1, 1, 4, 2, 3, 0}, g.ids());
        GroupIds f = groups((Object) new float[] {Float.NaN, -0f, 2f, 0f});
        assertArrayEquals(new int[] {2, 0, 1, 0}, f.ids());
    }

    @Test
    void severalKeysInLexicographicOrder() {
        GroupIds g = groups(new String[] {"x", "y", "x", null, "x", "y"}, new Long[] {2L, 1L, 1L, 1L, 2L, null});
        assertEquals(5, g.count());
        // (x, 1) (x, 2) (y, 1) (y, null) (null, 1)
        assertArrayEquals(new int[] {1, 2, 0, 4, 1, 3}, g.ids());
        assertArrayEquals(new int[] {2, 0, 1, 5, 3}, g.firstRows());
    }

    @Test
    void noRowsAndBadInput() {
        assertEquals(0, groups((Object) new long[0]).count());
        assertEquals("grouping needs at least one key column",
                assertThrows(IllegalArgumentException.class, () -> GroupIds.of(List.of(), 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> GroupIds.of(List.of(ColumnData.of(new long[2])), 3));
    }

    @Test
    void manyDistinctKeysGrowTheTables() {
        Random random = new Random(7);
        int n = 200_000;
        long[] keys = new long[n];
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = random.nextInt(50_000) * 1024L;
            words[i] = Long.toString(keys[i], 36);
        }
        GroupIds byLong = groups((Object) keys);
        GroupIds byWord = groups((Object) words);
        long distinct = java.util.Arrays.stream(keys).distinct().count();
        assertEquals(distinct, byLong.count());
        assertEquals(distinct, byWord.count());
        for (int i = 1; i < n; i++) {
            assertEquals(Long.compare(keys[i - 1], keys[i]), Integer.compare(byLong.ids()[i - 1], byLong.ids()[i]));
            assertEquals(Integer.signum(words[i - 1].compareTo(words[i])),
                    Integer.compare(byWord.ids()[i - 1], byWord.ids()[i]));
        }
    }

    /** Integer keys of a small range are indexed directly, wider ones hashed: both number groups by key. */
    @Test
    void directAndHashedIntegerKeysAgree() {
        Random random = new Random(11);
        for (long span : new long[] {1, 1000, 1024, 5000, (1 << 20) - 1, 1 << 20, Long.MAX_VALUE}) {
            int n = 3000;
            Long[] keys = new Long[n];
            for (int i = 0; i < n; i++) {
                long offset = span == Long.MAX_VALUE ? random.nextLong() : (long) (random.nextDouble() * (span + 1));
                keys[i] = random.nextInt(10) == 0 ? null : -17 + Math.min(offset, span);
            }
            keys[0] = -17L;
            keys[1] = span == Long.MAX_VALUE ? Long.MAX_VALUE : -17 + span;
            GroupIds g = groups((Object) keys);
            java.util.TreeSet<Long> distinct = new java.util.TreeSet<>();
            for (Long key : keys) {
                if (key != null) {
                    distinct.add(key);
                }
            }
            List<Long> ordered = new ArrayList<>(distinct);
            assertEquals(distinct.size() + 1, g.count(), "span " + span);
            for (int i = 0; i < n; i++) {
                int expected = keys[i] == null ? distinct.size() : java.util.Collections.binarySearch(ordered, keys[i]);
                assertEquals(expected, g.ids()[i], "span " + span + " row " + i);
            }
        }
    }

    /** Group sizes and first rows in key order, as DuckDB's GROUP BY ... ORDER BY keys NULLS LAST gives them. */
    @Test
    void asDuckDbGroupsRandomTables() throws SQLException {
        Table t = RandomTables.of(20_000, 61);
        List<List<String>> keySets = List.of(List.of("i"), List.of("k"), List.of("b"), List.of("s"), List.of("f"),
                List.of("g"), List.of("s", "i"), List.of("b", "f", "s"), List.of("k", "g", "b", "i"));
        try (DuckDb duckdb = DuckDb.open()) {
            duckdb.load("t", t);
            for (List<String> keys : keySets) {
                List<ColumnData> columns = new ArrayList<>();
                StringJoiner names = new StringJoiner(", ");
                StringJoiner order = new StringJoiner(", ");
                for (String key : keys) {
                    Column column = t.column(key);
                    columns.add(ColumnArrays.toColumn(key, column.values(), column.validity().orElse(null)));
                    names.add(DuckDb.quote(key));
                    order.add(DuckDb.quote(key) + " ASC NULLS LAST");
                }
                GroupIds groups = GroupIds.of(columns, t.rowCount());
                List<Object[]> expected = duckdb.rows("SELECT min(id), count(*) FROM t GROUP BY " + names + " ORDER BY " + order);
                assertEquals(expected.size(), groups.count(), keys.toString());
                long[] sizes = new long[groups.count()];
                for (int id : groups.ids()) {
                    sizes[id]++;
                }
                for (int g = 0; g < groups.count(); g++) {
                    assertEquals(((Number) expected.get(g)[0]).longValue(), groups.firstRows()[g], keys + " group " + g);
                    assertEquals(((Number) expected.get(g)[1]).longValue(), sizes[g], keys + " group " + g);
                }
            }
        }
    }
}
