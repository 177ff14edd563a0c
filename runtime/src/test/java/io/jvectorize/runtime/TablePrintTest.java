package io.jvectorize.runtime;

import static io.jvectorize.runtime.TableTest.columns;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Table.toString: aligned like pandas' frames, floats as pandas formats them (checked against pandas 2.3). */
class TablePrintTest {

    @Test
    void alignedColumnsWithMissingValues() {
        Table t = Table.of(columns("name", new String[] {"Alice", "Bob", "Charlie", null},
                "amount", new Double[] {100.5, null, -20.25, 3.0}, "id", new long[] {1, 2, 3, 40},
                "ok", new Boolean[] {true, false, null, true}));
        assertEquals(""
                + "name     amount  id     ok\n"
                + "Alice    100.50   1   true\n"
                + "Bob        null   2  false\n"
                + "Charlie  -20.25   3   null\n"
                + "null       3.00  40   true\n", t.toString());
    }

    @Test
    void theFirstTenRowsThenACount() {
        long[] ids = new long[1234];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i * 7;
        }
        String text = Table.of(columns("id", ids)).toString();
        assertEquals(""
                + "id\n"
                + " 0\n"
                + " 7\n"
                + "14\n"
                + "21\n"
                + "28\n"
                + "35\n"
                + "42\n"
                + "49\n"
                + "56\n"
                + "63\n"
                + "... 1,224 more rows\n", text);
        assertEquals(" x\n 1\n 2\n 3\n 4\n 5\n 6\n 7\n 8\n 9\n10\n... 1 more row\n",
                Table.of(columns("x", new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})).toString());
    }

    @Test
    void emptyTables() {
        assertEquals("name  x\n(0 rows)\n", Table.of(columns("name", new String[0], "x", new double[0])).toString());
        assertEquals("(no columns, 0 rows)", Table.of(columns()).toString());
    }

    /** Each expected column is what pandas 2.3.3 prints for the same values ({@code to_string(index=False)}). */
    @Test
    void floatsAsPandasPrintsThem() {
        assertColumn(new double[] {1.5, 100.25, 3.0}, "     x", "  1.50", "100.25", "  3.00");
        assertColumn(new double[] {1.5, 0.00001234}, "       x", "1.500000", "0.000012");
        assertColumn(new double[] {1.5, 0.0000001234}, "           x", "1.500000e+00", "1.234000e-07");
        assertColumn(new double[] {123456.7, 0.001234}, "            x", "123456.700000", "     0.001234");
        assertColumn(new double[] {1e16, 1.0}, "           x", "1.000000e+16", "1.000000e+00");
        assertColumn(new double[] {Double.NaN, -0.0, Double.POSITIVE_INFINITY, 2.0}, "   x", " NaN", "-0.0", " inf", " 2.0");
        assertColumn(new double[] {1.0 / 3, 2.0 / 3}, "       x", "0.333333", "0.666667");
        assertColumn(new double[] {1e-7, 1e-8}, "           x", "1.000000e-07", "1.000000e-08");
        assertColumn(new double[] {Double.NEGATIVE_INFINITY, 0.5}, "   x", "-inf", " 0.5");
    }

    @Test
    void float32ValuesAsTheirDoubles() {
        Table t = Table.of(columns("f", new float[] {0.1f, 2.5f}));
        assertEquals("  f\n0.1\n2.5\n", t.toString(), "0.1f is 0.100000001490116..., 0.1 to 6 decimals");
    }

    /** Only the shown rows decide a column's format. */
    @Test
    void onlyShownRowsDecideTheFormat() {
        double[] x = new double[11];
        x[10] = 1e-9;
        assertEquals("  x\n" + "0.0\n".repeat(10) + "... 1 more row\n",
                Table.of(columns("x", x)).toString());
    }

    @Test
    void longAndMultiLineStringsStayOnOneLine() {
        String longText = "a".repeat(39) + "bc";
        Table t = Table.of(columns("s", new String[] {"two\nlines", "tab\there", longText, "a".repeat(40), "\u0001"}));
        assertEquals(""
                + "s\n"
                + "two\\nlines\n"
                + "tab\\there\n"
                + "a".repeat(37) + "...\n"
                + "a".repeat(40) + "\n"
                + "\\u0001\n", t.toString());
    }

    private static void assertColumn(double[] values, String... lines) {
        assertEquals(String.join("\n", lines) + "\n", Table.of(columns("x", values)).toString());
    }
}
