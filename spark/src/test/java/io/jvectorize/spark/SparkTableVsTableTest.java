package io.jvectorize.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvectorize.runtime.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same table operations on Spark ({@link SparkTable}) and in the JVM ({@link Table}) on the
 * same random rows, compared as whole tables: names, types, every value by its bits, and the
 * missing ones. The float data are quarters, NaN, ±0.0 and ±inf, whose sums are exact in any
 * order, so that every result compares bit for bit.
 */
class SparkTableVsTableTest {
    private static final int ROWS = 300;

    private static Table local;
    private static SparkTable spark;

    @BeforeAll
    static void tables() {
        SplittableRandom random = new SplittableRandom(2026);
        double[] specials = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5, -2.25};
        String[] names = {"Alice", "Bob", "Carol"};
        Integer[] k = new Integer[ROWS];
        Double[] x = new Double[ROWS];
        Double[] amount = new Double[ROWS];
        Long[] n = new Long[ROWS];
        Boolean[] flag = new Boolean[ROWS];
        String[] name = new String[ROWS];
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            k[r] = missing(random) ? null : random.nextInt(-1, 4);
            x[r] = missing(random) ? null : specials[random.nextInt(specials.length)];
            amount[r] = missing(random) ? null : random.nextInt(9) == 0 ? Double.NaN : random.nextInt(-400, 400) / 4.0;
            n[r] = missing(random) ? null : random.nextLong(-1_000_000, 1_000_000);
            flag[r] = missing(random) ? null : random.nextBoolean();
            name[r] = missing(random) ? null : names[random.nextInt(names.length)];
            rows.add(RowFactory.create(k[r], x[r], amount[r], n[r], flag[r], name[r]));
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("k", k);
        columns.put("x", x);
        columns.put("amount", amount);
        columns.put("n", n);
        columns.put("flag", flag);
        columns.put("name", name);
        local = Table.of(columns);
        StructType schema = new StructType().add("k", DataTypes.IntegerType).add("x", DataTypes.DoubleType)
                .add("amount", DataTypes.DoubleType).add("n", DataTypes.LongType).add("flag", DataTypes.BooleanType)
                .add("name", DataTypes.StringType);
        spark = SparkCompute.table(SharedSpark.session().createDataFrame(rows, schema));
    }

    private static boolean missing(SplittableRandom random) {
        return random.nextInt(7) == 0;
    }

    @Test
    void theTablesAgree() {
        assertEquals(local, spark.toTable());
        assertEquals(local.schema(), spark.schema());
    }

    @Test
    void filtersAgree() {
        for (String condition : List.of("x > 0", "x != x", "x == 0", "amount >= x & flag", "~flag | n % 3 == 1",
                "(k ^ 1) > 0", "~k < 0", "where(flag, x, amount) <= 1", "amount < mean(amount) | k == 2")) {
            same(condition, t -> t.filter(condition), t -> t.filter(condition));
        }
    }

    @Test
    void tableTextAgrees() {
        for (String condition : List.of("name != 'Bob'", "name == \"Alice\" | k > 1", "name < 'Bob'", "'Bob' <= name",
                "isnull(name)", "isnull(x) | x > 0", "~isnull(k * 2) & isnull(flag)",
                "fillnull(x, 0.0) > 0", "fillnull(flag, k > 0)", "fillnull(k, 7) == 7", "`amount` > 1 & `name` == 'Carol'",
                "flag & (k > 1)", "flag | (k > 1)", "(x > 0) | flag", "~(flag & (amount < 0))", "name == 'O\\'Hara'")) {
            same(condition, t -> t.filter(condition), t -> t.filter(condition));
        }
        String[] items = {"fillnull(amount, -1.0) as filled", "isnull(name) as no_name", "name != 'Bob' as not_bob",
            "fillnull(k, 0) + 1 as k1", "flag | (k > 1) as either", "flag & (k > 1) as both", "`x` * 2 as twice",
            "fillnull(fillnull(x, amount), 0.5) as first"};
        for (String item : items) {
            same(item, t -> t.select(item), t -> t.select(item));
        }
        String[] aggregations = {"sum(fillnull(amount, 0.0)) as total", "sum(isnull(name)) as unnamed",
            "count(fillnull(x, 1.0)) as n", "max(name == 'Bob') as any_bob"};
        same("text in groupBy", t -> t.groupBy("k").agg(aggregations), t -> t.groupBy("k").agg(aggregations));
    }

    @Test
    void stringsOnSparkAreOnlyCompared() {
        for (String text : List.of("name + 1 > 0", "where(flag, name, 'x') == 'x'", "fillnull(name, 'x') == 'x'",
                "name != name")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> spark.filter(text), text);
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("strings on Spark are compared"),
                    e.getMessage());
        }
    }

    @Test
    void selectsAgree() {
        String[] items = {"k", "x * 2 as doubled", "n + 1 as next", "amount - mean(amount) as centered",
            "where(flag, x, amount) as chosen", "k & 6 as masked", "name"};
        for (String item : items) {
            same(item, t -> t.select(item), t -> t.select(item));
        }
        same("all", t -> t.select(items), t -> t.select(items));
        same("filtered", t -> t.filter("k > 0").select(items), t -> t.filter("k > 0").select(items));
    }

    @Test
    void groupBysAndAggregationsAgree() {
        String[] aggregations = {"sum(amount) as total", "count(amount) as count", "mean(amount) as average",
            "min(x) as low", "max(x) as high", "nanmax(amount) as top", "nansum(x) as numbers", "sum(n) as n_total",
            "nancount(x) as counted", "nanmin(x * 2) as low2", "mean(n) as n_average", "max(flag) as any"};
        for (String[] keys : List.of(new String[] {"k"}, new String[] {"name"}, new String[] {"flag"},
                new String[] {"name", "flag"}, new String[] {"k", "name"})) {
            same("groupBy " + String.join(", ", keys), t -> t.groupBy(keys).agg(aggregations),
                    t -> t.groupBy(keys).agg(aggregations));
            same("filtered groupBy " + String.join(", ", keys),
                    t -> t.filter("amount > 0").groupBy(keys).agg(aggregations),
                    t -> t.filter("amount > 0").groupBy(keys).agg(aggregations));
        }
        same("agg", t -> t.agg(aggregations), t -> t.agg(aggregations));
        same("agg of nothing", t -> t.filter("x > x").agg(aggregations), t -> t.filter("x > x").agg(aggregations));
    }

    @Test
    void sortsAndHeadsAgree() {
        same("sort", t -> t.sort("amount", false).head(40), t -> t.sort("amount", false).head(40));
        same("sort filtered", t -> t.filter("flag").sort("x").head(25), t -> t.filter("flag").sort("x").head(25));
    }

    private static void same(String what, UnaryOperator<Table> inJvm, java.util.function.Function<SparkTable, SparkTable> onSpark) {
        Table expected = inJvm.apply(local);
        Table actual = onSpark.apply(spark).toTable();
        assertEquals(expected, actual, () -> what + "\nin the JVM:\n" + expected.schema() + "\n" + expected
                + "\non Spark:\n" + actual.schema() + "\n" + actual);
    }
}
