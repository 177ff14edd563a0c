package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table.of, Column, schema, head and the errors of bad columns. */
class TableTest {

    static Map<String, Object> columns(Object... namesAndArrays) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndArrays.length; i += 2) {
            map.put((String) namesAndArrays[i], namesAndArrays[i + 1]);
        }
        return map;
    }

    private static String error(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    @Test
    void primitiveArraysAreUsedAsTheyAre() {
        double[] amount = {1.5, -2, Double.NaN};
        long[] id = {1, 2, 3};
        Table t = Table.of(columns("amount", amount, "id", id, "f", new float[3], "i", new int[3],
                "ok", new boolean[] {true, false, true}));
        assertSame(amount, t.column("amount").values());
        assertSame(id, t.column("id").values());
        assertEquals(3, t.rowCount());
        assertEquals(5, t.columnCount());
        assertEquals(List.of("amount", "id", "f", "i", "ok"), t.columnNames());
        assertEquals(DType.FLOAT64, t.column("amount").dtype());
        assertEquals(DType.FLOAT32, t.column("f").dtype());
        assertEquals(DType.INT64, t.column("id").dtype());
        assertEquals(DType.INT32, t.column("i").dtype());
        assertEquals(DType.BOOLEAN, t.column("ok").dtype());
        assertFalse(t.column("amount").hasMissing());
        assertTrue(t.column("amount").validity().isEmpty());
        // NaN is a value, not a missing one.
        assertEquals(Double.NaN, t.column("amount").get(2));
        assertFalse(t.column("amount").isMissing(2));
    }

    @Test
    void boxedArraysAreUnboxedOnceWithNullsMissing() {
        Double[] amount = {1.5, null, -0.0};
        Table t = Table.of(columns("amount", amount, "f", new Float[] {null, 2f, 3f}, "id", new Long[] {1L, 2L, null},
                "i", new Integer[] {null, null, 7}, "ok", new Boolean[] {true, null, false},
                "name", new String[] {"Ann", null, ""}));
        Column a = t.column("amount");
        assertArrayEquals(new double[] {1.5, 0, -0.0}, (double[]) a.values());
        assertArrayEquals(new boolean[] {true, false, true}, a.validity().orElseThrow());
        assertEquals(1, a.missingCount());
        assertTrue(a.isMissing(1));
        assertNull(a.get(1));
        assertEquals(-0.0, a.get(2));
        amount[0] = 99.0;
        assertEquals(1.5, a.get(0), "a boxed array is copied");
        assertArrayEquals(new float[] {0, 2, 3}, (float[]) t.column("f").values());
        assertArrayEquals(new long[] {1, 2, 0}, (long[]) t.column("id").values());
        assertArrayEquals(new int[] {0, 0, 7}, (int[]) t.column("i").values());
        assertArrayEquals(new boolean[] {true, false, false}, (boolean[]) t.column("ok").values());
        assertArrayEquals(new boolean[] {true, false, true}, t.column("ok").validity().orElseThrow());
        Column name = t.column("name");
        assertTrue(name.isString());
        assertEquals("string", name.typeName());
        assertArrayEquals(new String[] {"Ann", null, ""}, (String[]) name.values());
        assertEquals("", name.get(2), "an empty string is a value");
        assertEquals(2, t.column("i").missingCount());
    }

    @Test
    void aBoxedArrayWithoutNullsHasNoMask() {
        Table t = Table.of(columns("x", new Double[] {1.0, 2.0}, "s", new String[] {"a", "b"}));
        assertFalse(t.column("x").hasMissing());
        assertTrue(t.column("x").validity().isEmpty());
        assertEquals("var * {x: float64, s: string}", t.schema());
    }

    @Test
    void stringColumnsHaveNoDTypeYet() {
        Column name = Table.of(columns("name", new String[] {"a"})).column("name");
        IllegalStateException e = assertThrows(IllegalStateException.class, name::dtype);
        assertEquals("column name holds strings, which have no DType; check isString() or typeName() first", e.getMessage());
    }

    @Test
    void schemaIsDatashape() {
        Table t = Table.of(columns("name", new String[] {"Ann", "Bob"}, "amount", new Double[] {1.0, null},
                "n", new int[2], "f", new float[2], "id", new long[2], "ok", new Boolean[] {null, true}));
        assertEquals("var * {name: string, amount: ?float64, n: int32, f: float32, id: int64, ok: ?bool}", t.schema());
        assertEquals("var * {}", Table.of(columns()).schema());
        assertEquals("var * {\"first name\": string, \"a\\\"b\": int64, größe: int64, _x1: int64, \"1x\": int64}",
                Table.of(columns("first name", new String[0], "a\"b", new long[0], "größe", new long[0],
                        "_x1", new long[0], "1x", new long[0])).schema());
    }

    @Test
    void columnNamesMayHoldSpacesButNotBackticksOrControlCharacters() {
        Table t = Table.of(columns("first name", new String[] {"Ann"}, "Betrag (€)", new double[] {1}, "1st", new long[] {1}));
        assertEquals(List.of("first name", "Betrag (€)", "1st"), t.columnNames());
        String rule = "; a column name is any non-empty text without backticks or control characters that does not"
                + " start or end with white space";
        assertEquals("column name is empty" + rule, error(() -> Table.of(columns("", new double[0]))));
        assertEquals("column name \" amount\" starts with white space" + rule,
                error(() -> Table.of(columns(" amount", new double[0]))));
        assertEquals("column name \"amount\t\" ends with white space" + rule,
                error(() -> Table.of(columns("amount\t", new double[0]))));
        assertEquals("column name \"a`b\" has a backtick, which expression text uses to quote names" + rule,
                error(() -> Table.of(columns("a`b", new double[0]))));
        assertEquals("column name \"a\nb\" has the control or invisible character U+000A" + rule,
                error(() -> Table.of(columns("a\nb", new double[0]))));
        assertEquals("column name \"x\u200b\" has the control or invisible character U+200B" + rule,
                error(() -> Table.of(columns("x\u200b", new double[0]))));
        Map<String, Object> nullName = new HashMap<>();
        nullName.put(null, new double[0]);
        assertEquals("column name is null" + rule, error(() -> Table.of(nullName)));
    }

    @Test
    void raggedColumnsNameEveryLength() {
        assertEquals("columns have different lengths: id has 3, name has 2, amount has 3; every column needs one"
                        + " value (or null) per row",
                error(() -> Table.of(columns("id", new long[3], "name", new String[2], "amount", new Double[3]))));
    }

    @Test
    void unsupportedAndNullArrays() {
        String supported = "double[], float[], long[], int[], boolean[] (no missing values), Double[], Float[], Long[],"
                + " Integer[], Boolean[] or String[] (null is a missing value)";
        assertEquals("column x is a short[]; Table.of takes " + supported
                + " (copy short and byte values into an int[] or Integer[])",
                error(() -> Table.of(columns("x", new short[1]))));
        assertEquals("column x is a java.lang.Object[]; Table.of takes " + supported,
                error(() -> Table.of(columns("x", new Object[] {1.0}))));
        assertEquals("column x is a java.util.ArrayList; Table.of takes " + supported
                + " (turn the collection into an array, e.g. list.toArray(new Double[0]))",
                error(() -> Table.of(columns("x", new ArrayList<>(List.of(1.0))))));
        assertEquals("column x is a java.lang.Double; Table.of takes " + supported,
                error(() -> Table.of(columns("x", 1.0))));
        assertEquals("column x is null: pass an array (" + supported + "); a column of missing values is an array of"
                + " nulls, such as new Double[n]", error(() -> Table.of(columns("x", null))));
        assertThrows(NullPointerException.class, () -> Table.of((Map<String, ?>) null));
    }

    @Test
    void unknownColumnsListTheTablesColumns() {
        Table t = Table.of(columns("name", new String[0], "amount", new double[0], "id", new long[0]));
        assertEquals("unknown column \"amout\" (did you mean \"amount\"?): the table has columns name, amount, id",
                error(() -> t.column("amout")));
        assertEquals("unknown column \"Name\" (did you mean \"name\"?): the table has columns name, amount, id",
                error(() -> t.column("Name")));
        assertEquals("unknown column \"total\": the table has columns name, amount, id", error(() -> t.column("total")));
        assertEquals("unknown column \"total\": the table has columns name, amount, id", error(() -> t.sort("total")));
        assertEquals("unknown column \"x\": the table has no columns", error(() -> Table.of(columns()).column("x")));
        assertFalse(t.hasColumn("total"));
        assertTrue(t.hasColumn("id"));
    }

    @Test
    void anUnknownColumnInAWideTableListsTheFirstFifty() {
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            wide.put("c" + i, new double[0]);
        }
        String message = error(() -> Table.of(wide).column("zzzz"));
        assertTrue(message.endsWith("c48, c49, ... (60 in all)"), message);
    }

    @Test
    void columnsWithAMask() {
        double[] values = {1, 99, 3};
        boolean[] valid = {true, false, true};
        Column c = Column.of("x", values, valid);
        assertArrayEquals(new double[] {1, 0, 3}, (double[]) c.values(), "the missing slot is cleared in a copy");
        assertArrayEquals(new double[] {1, 99, 3}, values, "the caller's array is never written");
        double[] clean = {1, 0, 3};
        assertSame(clean, Column.of("x", clean, valid).values(), "no copy where the missing slots are zero");
        assertSame(valid, Column.of("x", clean, valid).validity().orElseThrow());
        assertTrue(Column.of("x", clean, new boolean[] {true, true, true}).validity().isEmpty());
        String[] names = {"a", null};
        Column s = Column.of("s", names, null);
        assertSame(names, s.values());
        assertTrue(s.isMissing(1));
        assertEquals("column s has null at row 1, which its validity mask calls present; set the flag to false, or"
                + " give a string", error(() -> Column.of("s", names, new boolean[] {true, true})));
        assertEquals("column x has 3 values but a validity mask of 2; give one flag per value",
                error(() -> Column.of("x", clean, new boolean[2])));
        assertEquals("column x is a java.lang.Double[]: with a validity mask, pass double[], float[], long[], int[],"
                + " boolean[] or String[] values", error(() -> Column.of("x", new Double[1], null)));
        Table t = Table.of(Column.of("x", values, valid), Column.of("s", new String[] {"a", "b", null}));
        assertEquals("var * {x: ?float64, s: ?string}", t.schema());
        assertEquals("two columns are named \"x\"; give every column its own name",
                error(() -> Table.of(Column.of("x", new double[0]), Column.of("x", new long[0]))));
    }

    @Test
    void headTakesThePrefix() {
        Table t = Table.of(columns("x", new Double[] {1.0, 2.0, null, 4.0}, "s", new String[] {"a", "b", "c", "d"}));
        Table two = t.head(2);
        assertEquals(2, two.rowCount());
        assertArrayEquals(new double[] {1, 2}, (double[]) two.column("x").values());
        assertFalse(two.column("x").hasMissing(), "a head without missing values has no mask");
        assertEquals("var * {x: float64, s: string}", two.schema());
        assertEquals("var * {x: ?float64, s: string}", t.head(3).schema());
        assertSame(t, t.head(4));
        assertSame(t, t.head(10));
        assertEquals(0, t.head(0).rowCount());
        assertEquals("head(-1): the number of rows must be 0 or more", error(() -> t.head(-1)));
    }

    @Test
    void equalityIsByValue() {
        Table a = Table.of(columns("x", new double[] {Double.NaN, 1}, "s", new String[] {"a", null}));
        Table b = Table.of(columns("x", new Double[] {Double.NaN, 1.0}, "s", new String[] {"a", null}));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Table.of(columns("x", new double[] {Double.NaN, 1}, "s", new String[] {"a", ""})));
        assertNotEquals(a, Table.of(columns("y", new double[] {Double.NaN, 1}, "s", new String[] {"a", null})));
        assertNotEquals(Table.of(columns("x", new double[] {0.0})), Table.of(columns("x", new double[] {-0.0})));
        assertNotEquals(Table.of(columns("x", new double[] {0.0})), Table.of(columns("x", new float[] {0f})));
        assertEquals("x: float64, 2 rows", a.column("x").toString());
        assertEquals("s: ?string, 2 rows", a.column("s").toString());
    }

    @Test
    void anEmptyTable() {
        Table t = Table.of(columns());
        assertEquals(0, t.rowCount());
        assertEquals(0, t.columnCount());
        Table noRows = Table.of(columns("x", new double[0]));
        assertEquals(0, noRows.rowCount());
        assertEquals("var * {x: float64}", noRows.schema());
    }

    @Test
    void columnsAreImmutableViews() {
        Table t = Table.of(columns("x", new double[] {1}));
        assertThrows(UnsupportedOperationException.class, () -> t.columns().clear());
        assertThrows(UnsupportedOperationException.class, () -> t.columnNames().clear());
        assertThrows(IndexOutOfBoundsException.class, () -> t.column("x").get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.column("x").isMissing(-1));
    }
}
