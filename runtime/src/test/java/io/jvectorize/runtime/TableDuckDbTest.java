package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jvectorize.runtime.table.DuckDb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filters, reductions, group-bys and selects on random tables with missing values, against
 * DuckDB on the same data. Integers and counts must be equal; floats within {@value #RELATIVE}
 * relative (or {@value #ABSOLUTE} absolute, for results near zero), because the two engines
 * add in different orders (this one: four interleaved partial sums per block for a whole
 * table, row order per group; DuckDB its own). Elementwise results are equal bit for bit.
 */
class TableDuckDbTest {

    static final double RELATIVE = 1e-9;
    static final double ABSOLUTE = 1e-9;

    private static DuckDb db;
    private static Table t;

    /** Filters as this library writes them and as SQL does. */
    private static final List<String[]> FILTERS = List.of(
            new String[] {null, "TRUE"},
            new String[] {"x > 0", "x > 0"},
            new String[] {"k < 7", "k < 7"},
            new String[] {"s == 'v3'", "s = 'v3'"},
            new String[] {"s >= 'v5'", "s >= 'v5'"},
            new String[] {"q * 2 + k > 10", "q * 2 + k > 10"},
            new String[] {"fillnull(x, 1.0) > 0.5", "coalesce(x, 1.0) > 0.5"},
            new String[] {"s != 'v3' & x > 0 | ~(k > 2)", "(s <> 'v3' AND x > 0) OR NOT (k > 2)"},
            new String[] {"~isnull(s) & (q > 0 ^ b)", "s IS NOT NULL AND ((q > 0) <> b)"},
            new String[] {"isnull(k)", "k IS NULL"},
            new String[] {"x > 100", "x > 100"});

    @BeforeAll
    static void load() throws Exception {
        Random random = new Random(16);
        int n = 20_000;
        Long[] k = new Long[n];
        String[] s = new String[n];
        Double[] x = new Double[n];
        Double[] xn = new Double[n];
        Integer[] q = new Integer[n];
        Float[] f = new Float[n];
        Boolean[] b = new Boolean[n];
        for (int i = 0; i < n; i++) {
            k[i] = random.nextInt(10) == 0 ? null : (long) random.nextInt(20) - 3;
            s[i] = random.nextInt(12) == 0 ? null : "v" + random.nextInt(9);
            x[i] = random.nextInt(8) == 0 ? null : random.nextGaussian() * 10;
            xn[i] = random.nextInt(8) == 0 ? null : random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian();
            q[i] = random.nextInt(9) == 0 ? null : random.nextInt(2001) - 1000;
            f[i] = random.nextInt(7) == 0 ? null : (float) random.nextGaussian();
            b[i] = random.nextInt(6) == 0 ? null : random.nextBoolean();
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("k", k);
        columns.put("s", s);
        columns.put("x", x);
        columns.put("xn", xn);
        columns.put("q", q);
        columns.put("f", f);
        columns.put("b", b);
        t = Table.of(columns);
        db = DuckDb.open();
        db.load("t", t);
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static final String[] AGGREGATIONS = {
        "sum(x) as a", "count(x) as nx", "mean(x) as c", "min(x) as d", "max(x) as e", "var(x) as v", "std(x) as sd",
        "sum(q) as sq", "min(q) as mq", "max(q) as xq", "mean(q) as aq", "count(s) as cs", "sum(x * q) as xq2",
        "nansum(xn) as ns", "nanmean(xn) as nm", "nanmin(xn) as nmin", "nanmax(xn) as nmax", "nancount(xn) as nc",
        "sum(f) as sf", "mean(f) as mf", "max(f) as xf", "sum(b) as sb", "count(b) as cb",
    };

    private static final String SQL = "coalesce(sum(x), 0), count(x), avg(x), min(x), max(x), var_pop(x), stddev_pop(x),"
            + " coalesce(sum(q), 0), min(q), max(q), avg(q), count(s), coalesce(sum(x * q), 0),"
            + " coalesce(sum(xn) FILTER (WHERE NOT isnan(xn)), 0), avg(xn) FILTER (WHERE NOT isnan(xn)),"
            + " min(xn) FILTER (WHERE NOT isnan(xn)), max(xn) FILTER (WHERE NOT isnan(xn)),"
            + " count(xn) FILTER (WHERE NOT isnan(xn)),"
            + " coalesce(sum(f::DOUBLE), 0), avg(f::DOUBLE), max(f), coalesce(sum(b::INTEGER), 0), count(b)";

    @Test
    void filteredAggregationsEqualDuckDbs() throws Exception {
        for (String[] filter : FILTERS) {
            Table filtered = filter[0] == null ? t : t.filter(filter[0]);
            Table mine = filtered.agg(AGGREGATIONS);
            Object[] theirs = db.rows("SELECT " + SQL + " FROM t WHERE " + filter[1]).get(0);
            for (int c = 0; c < AGGREGATIONS.length; c++) {
                assertClose(theirs[c], mine.columns().get(c).get(0), filter[1] + ": " + AGGREGATIONS[c]);
            }
            // Compute.compute gives the same numbers where the reduction has values.
            if (filtered.rowCount() > 0) {
                assertClose(theirs[0], Compute.compute(Expr.parse("sum(x)"), filtered), filter[1] + ": compute sum(x)");
                assertClose(theirs[1], Compute.compute(Expr.parse("count(x)"), filtered), filter[1] + ": compute count(x)");
            }
        }
    }

    @Test
    void groupBysEqualDuckDbs() throws Exception {
        String[][] groupings = {{"k"}, {"s"}, {"b"}, {"k", "s"}, {"s", "b"}};
        for (String[] filter : FILTERS) {
            for (String[] keys : groupings) {
                Table filtered = filter[0] == null ? t : t.filter(filter[0]);
                Table mine = filtered.groupBy(keys).agg(AGGREGATIONS);
                String keyList = String.join(", ", keys);
                String order = String.join(" NULLS LAST, ", keys) + " NULLS LAST";
                List<Object[]> theirs = db.rows("SELECT " + keyList + ", " + SQL + " FROM t WHERE " + filter[1]
                        + " GROUP BY " + keyList + " ORDER BY " + order);
                assertEquals(theirs.size(), mine.rowCount(), filter[1] + " by " + keyList);
                for (int row = 0; row < theirs.size(); row++) {
                    for (int c = 0; c < mine.columnCount(); c++) {
                        assertClose(theirs.get(row)[c], mine.columns().get(c).get(row),
                                filter[1] + " by " + keyList + ", group " + row + ", " + mine.columnNames().get(c));
                    }
                }
            }
        }
    }

    @Test
    void selectsEqualDuckDbs() throws Exception {
        String[][] selects = {
            {"x * q + 1 as y", "x * q + 1"},
            {"k * 3 - q as y", "k * 3 - q"},
            {"fillnull(k, 0) + 1 as y", "coalesce(k, 0) + 1"},
            {"where(x > 0, x, -x) as y", "CASE WHEN x > 0 THEN x ELSE -x END"},
            {"s == 'v3' as y", "s = 'v3'"},
            {"s as y", "s"},
        };
        for (String[] filter : FILTERS) {
            Table filtered = filter[0] == null ? t : t.filter(filter[0]);
            for (String[] select : selects) {
                Column mine = filtered.select(select[0]).column("y");
                List<Object[]> theirs = db.rows("SELECT " + select[1] + " FROM t WHERE " + filter[1]);
                assertEquals(theirs.size(), mine.length(), filter[1] + ": " + select[0]);
                for (int row = 0; row < theirs.size(); row++) {
                    Object expected = theirs.get(row)[0];
                    Object actual = mine.get(row);
                    if (expected == null) {
                        assertNull(actual, filter[1] + ": " + select[0] + ", row " + row);
                    } else if (expected instanceof Number number && actual instanceof Number) {
                        assertEquals(number.doubleValue(), ((Number) actual).doubleValue(), filter[1] + ": " + select[0]);
                    } else {
                        assertEquals(expected, actual, filter[1] + ": " + select[0] + ", row " + row);
                    }
                }
            }
        }
    }

    /** Equal, or for floats close; null (SQL NULL) must be missing. */
    static void assertClose(Object expected, Object actual, String message) {
        if (expected == null) {
            assertNull(actual, message);
            return;
        }
        if (actual == null) {
            fail(message + ": missing, DuckDB has " + expected);
        }
        if (expected instanceof String || expected instanceof Boolean) {
            assertEquals(expected, actual, message);
            return;
        }
        if (!(actual instanceof Double || actual instanceof Float) && !(expected instanceof Double || expected instanceof Float)) {
            assertEquals(((Number) expected).longValue(), ((Number) actual).longValue(), message);
            return;
        }
        double e = ((Number) expected).doubleValue();
        double a = ((Number) actual).doubleValue();
        if (Double.isNaN(e) || Double.isNaN(a)) {
            assertTrue(Double.isNaN(e) && Double.isNaN(a), message + ": expected " + e + ", was " + a);
            return;
        }
        double tolerance = actual instanceof Float ? 1e-6 : RELATIVE;
        assertTrue(Math.abs(e - a) <= Math.max(ABSOLUTE, tolerance * Math.abs(e)), message + ": expected " + e + ", was " + a);
    }
}
