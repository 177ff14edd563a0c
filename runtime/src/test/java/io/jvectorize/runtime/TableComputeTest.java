package io.jvectorize.runtime;

import static io.jvectorize.runtime.TableTest.columns;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** compute, filter, select and agg over a table: semantics on small tables, by hand. */
class TableComputeTest {

    /** Blaze's accounts, with a missing amount and a missing name. */
    static Table accounts() {
        return Table.of(columns(
                "name", new String[] {"Alice", "Bob", "Charlie", "Bob", null, "Dan"},
                "amount", new Double[] {100.0, -200.0, 300.0, null, 50.0, Double.NaN},
                "id", new long[] {1, 2, 3, 4, 5, 6},
                "n", new Integer[] {7, null, 0, 2, 3, 1}));
    }

    private static Object compute(String text, Table t) {
        return Compute.compute(Expr.parse(text, types(t)), t);
    }

    /** The symbol types of t's number columns, as a caller declares them. */
    static java.util.Map<String, DType> types(Table t) {
        java.util.Map<String, DType> types = new java.util.HashMap<>();
        for (Column column : t.columns()) {
            if (!column.isString()) {
                types.put(column.name(), column.dtype());
            }
        }
        return types;
    }

    @Test
    void reductionsSkipMissingValues() {
        Table t = accounts();
        assertEquals(5L, compute("count(amount)", t));
        assertEquals(Double.NaN, compute("sum(amount)", t));
        assertEquals(250.0, compute("nansum(amount)", t));
        assertEquals(62.5, compute("nanmean(amount)", t));
        assertEquals(4L, compute("nancount(amount)", t));
        assertEquals(-200.0, compute("nanmin(amount)", t));
        assertEquals(300.0, compute("nanmax(amount)", t));
        assertEquals(Double.NaN, compute("max(amount)", t));
        assertEquals(13L, compute("sum(n)", t));
        assertEquals(0, compute("min(n)", t));
        assertEquals(2.6, (Double) compute("mean(n)", t), 1e-15);
        assertEquals(5L, compute("count(n)", t));
        double mean = 2.6;
        double var = (Math.pow(7 - mean, 2) + Math.pow(0 - mean, 2) + Math.pow(2 - mean, 2) + Math.pow(3 - mean, 2)
                + Math.pow(1 - mean, 2)) / 5;
        assertEquals(var, (Double) compute("var(n)", t), 1e-12);
        assertEquals(Math.sqrt(var), (Double) compute("std(n)", t), 1e-12);
        // Both operands present: rows 0, 2, 4, 5.
        assertEquals(4L, compute("count(amount * n)", t));
        assertEquals(700.0 + 150.0, compute("nansum(amount * n)", t));
    }

    @Test
    void filterThenReduceReadsTheKeptRowsOnly() {
        Table t = accounts();
        Table positive = t.filter("amount > 0");
        assertEquals(450.0, Compute.compute(Expr.parse("sum(amount)"), positive));
        assertEquals(3L, Compute.compute(Expr.parse("count(amount)"), positive));
        assertEquals(3, positive.rowCount());
        assertArrayEquals(new long[] {1, 3, 5}, (long[]) positive.column("id").values());
        assertEquals(150.0, Compute.compute(Expr.parse("mean(amount)"), positive));
        assertEquals(-200.0, Compute.compute(Expr.parse("sum(amount)"), t.filter("name == 'Bob'")));
        assertEquals(2, t.filter("name == 'Bob'").rowCount());
        assertEquals(3, t.filter("name != 'Bob'").rowCount(), "a missing name is dropped, as SQL drops it");
        assertEquals(3, t.filter("name < 'C'").rowCount());
        assertEquals(2, t.filter("name >= 'C'").rowCount());
        assertEquals(2, t.filter("name > 'Bz'").rowCount());
        assertEquals(1, t.filter("isnull(name)").rowCount());
        assertEquals(1, t.filter("amount > 0").filter("id > 2").filter("name == 'Charlie'").rowCount());
        assertThrows(IllegalArgumentException.class,
                () -> Compute.compute(Expr.parse("min(amount)"), t.filter("amount > 1000")));
        assertEquals(0.0, Compute.compute(Expr.parse("sum(amount)"), t.filter("amount > 1000")));
    }

    @Test
    void elementwiseResultsAreMissingWhereAnInputIs() {
        Table t = accounts();
        Column c = (Column) compute("amount * n", t);
        assertEquals(List.of(700.0, -1, 0.0, -1, 150.0, Double.NaN).size(), c.length());
        assertEquals(700.0, c.get(0));
        assertNull(c.get(1));
        assertNull(c.get(3));
        assertEquals(Double.NaN, c.get(5));
        Table s = t.select("name", "fillnull(amount, 0) as amount", "fillnull(n, -1) * 2 as twice", "isnull(amount) as gone");
        assertEquals(List.of("name", "amount", "twice", "gone"), s.columnNames());
        assertArrayEquals(new double[] {100, -200, 300, 0, 50, Double.NaN}, (double[]) s.column("amount").values());
        assertTrue(s.column("amount").validity().isEmpty());
        assertArrayEquals(new int[] {14, -2, 0, 4, 6, 2}, (int[]) s.column("twice").values());
        assertArrayEquals(new boolean[] {false, false, false, true, false, false}, (boolean[]) s.column("gone").values());
        Table f = t.filter("amount > 0").select("id", "amount - mean(amount) as centred");
        assertArrayEquals(new double[] {-50, 150, -100}, (double[]) f.column("centred").values());
    }

    @Test
    void aggAndGroupBy() {
        Table t = accounts();
        Table one = t.filter("amount > 0").agg("sum(amount) as total", "count(amount) as n", "max(id) as last");
        assertEquals("var * {total: float64, n: int64, last: int64}", one.schema());
        assertEquals(450.0, one.column("total").get(0));
        assertEquals(3L, one.column("n").get(0));
        Table g = t.groupBy("name").agg("nansum(amount) as total", "count(amount) as n", "mean(n) as mean_n");
        assertEquals(List.of("name", "total", "n", "mean_n"), g.columnNames());
        assertArrayEquals(new String[] {"Alice", "Bob", "Charlie", "Dan", null}, (String[]) g.column("name").values());
        assertArrayEquals(new double[] {100, -200, 300, 0, 50}, (double[]) g.column("total").values());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1}, (long[]) g.column("n").values());
        assertEquals(7.0, g.column("mean_n").get(0));
        assertEquals(2.0, g.column("mean_n").get(1));
    }

    @Test
    void parallelEqualsSerial() {
        java.util.Random random = new java.util.Random(3);
        int n = 300_000;
        Double[] x = new Double[n];
        String[] name = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(10) == 0 ? null : random.nextGaussian();
            name[i] = random.nextInt(10) == 0 ? null : "n" + random.nextInt(50);
        }
        Table t = Table.of(columns("x", x, "name", name)).filter("x > -1 & name >= 'n2'");
        Compute.Options parallel = Compute.Options.defaults().parallel(true);
        for (String text : new String[] {"sum(x)", "mean(x)", "std(x * 2)", "min(x)", "nanmax(x)", "count(x)"}) {
            Expr e = Expr.parse(text);
            assertEquals(Compute.compute(e, t), Compute.compute(e, t, parallel), text);
        }
        assertEquals(Compute.compute(Expr.parse("x * 3 - 1"), t), Compute.compute(Expr.parse("x * 3 - 1"), t, parallel));
    }

    @Test
    void stringComparisonsFollowCompareTo() {
        String[] values = {"b", "a", null, "ab", "B", "", "b", "é"};
        Table t = Table.of(columns("s", values));
        for (String literal : new String[] {"", "a", "aa", "ab", "b", "B", "c", "é", "zzz"}) {
            for (String op : new String[] {"==", "!=", "<", "<=", ">", ">="}) {
                int expected = 0;
                for (String v : values) {
                    if (v != null) {
                        int c = v.compareTo(literal);
                        expected += switch (op) {
                            case "==" -> c == 0 ? 1 : 0;
                            case "!=" -> c != 0 ? 1 : 0;
                            case "<" -> c < 0 ? 1 : 0;
                            case "<=" -> c <= 0 ? 1 : 0;
                            case ">" -> c > 0 ? 1 : 0;
                            default -> c >= 0 ? 1 : 0;
                        };
                    }
                }
                assertEquals(expected, t.filter("s " + op + " '" + literal + "'").rowCount(), "s " + op + " '" + literal + "'");
                assertEquals(expected, t.filter("'" + literal + "' " + mirror(op) + " s").rowCount(), "mirrored " + op);
            }
        }
        Table quoted = Table.of(columns("s", new String[] {"it's", "say \"hi\""}));
        assertEquals(1, quoted.filter("s == 'it\\'s'").rowCount());
        assertEquals(1, quoted.filter("s == \"say \\\"hi\\\"\"").rowCount());
    }

    private static String mirror(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    @Test
    void integerModuloNeverThrowsForMissingOrFilteredOutDivisors() {
        Table t = Table.of(columns("a", new long[] {7, 8, 9, 10}, "b", new Long[] {2L, null, 0L, 3L}));
        Column r = (Column) Compute.compute(Expr.parse("a % b", java.util.Map.of("a", DType.INT64, "b", DType.INT64)),
                t.filter("b != 0"));
        assertEquals(2, r.length());
        assertEquals(1L, r.get(0));
        assertEquals(1L, r.get(1));
        assertArrayEquals(new long[] {1, 0, 1}, (long[]) t.filter("b != 0 | isnull(b)").select("a % b as m").column("m").values());
        assertNull(t.filter("b != 0 | isnull(b)").select("a % b as m").column("m").get(1));
        assertThrows(ArithmeticException.class, () -> t.select("a % b as m"), "a present zero divisor still throws, as Compute does on arrays");
    }

    @Test
    void explainShowsTheTablePlan() {
        Table t = accounts();
        String plan = Compute.explain(Expr.parse("sum(amount)"), t.filter("amount > 0"));
        assertTrue(plan.startsWith("table scan of 4 columns; 2 row condition(s) folded into the pass as where,"
                + " no filtered copy\nmissing values skipped through 1 validity mask(s)\n"
                + "pass sum(where(_tm1, where(amount > 0, amount, 0), 0))\n"), plan);
        String grouped = t.groupBy("name").explain("sum(amount * 2) as s", "count(id) as n");
        assertTrue(grouped.startsWith("group by name over 6 rows: keys hashed once into a group id per row;"), grouped);
        assertTrue(grouped.contains("aggregation s: sum per group of amount * 2, computed once:\n"), grouped);
        assertTrue(grouped.contains("aggregation n: count per group of column id, read as it is"), grouped);
    }
}
