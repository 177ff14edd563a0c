package io.jvectorize.benchmarks;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Table operations at 10^7 rows, one thread, against DuckDB in-process ({@code PRAGMA
 * threads=1}, the same values loaded into it) and a hand-written loop: filter then sum, the
 * sum of the seed's Gaussian of a column, group-by an int64 key (1,000 keys) with sum and
 * count, group-by a string key (300 keys) with mean. DuckDB's time includes JDBC reading its
 * one-row or 1,000-row result, which is small beside the scan.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms6g", "-Xmx6g",
    "-XX:+UseTransparentHugePages"})
public class TableBenchmarks {

    static final String GAUSSIAN = "1 / (1.25 * sqrt(2*pi)) * exp(-(amount - -1.33)**2 / (2*1.25**2))";
    static final String GAUSSIAN_SQL = "1 / (1.25 * sqrt(2*pi())) * exp(-((amount - -1.33)**2) / (2*1.25**2))";

    /** The columns, as arrays and as a Table. */
    @State(Scope.Benchmark)
    public static class Data {
        @Param("10000000")
        public int rows;

        double[] amount;
        long[] key;
        String[] name;
        Table table;
        final Expr sum = Expr.parse("sum(amount)");
        final Expr gaussianSum = Expr.parse("sum(" + GAUSSIAN + ")");

        @Setup(Level.Trial)
        public void make() {
            Random random = new Random(16);
            amount = new double[rows];
            key = new long[rows];
            name = new String[rows];
            String[] names = new String[300];
            for (int i = 0; i < names.length; i++) {
                names[i] = "customer-" + i;
            }
            for (int i = 0; i < rows; i++) {
                amount[i] = random.nextGaussian() * 100;
                key[i] = random.nextInt(1000);
                name[i] = names[random.nextInt(names.length)];
            }
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("amount", amount);
            columns.put("k", key);
            columns.put("name", name);
            table = Table.of(columns);
        }
    }

    /** The same values in an in-memory DuckDB on one thread: made only for its own rows, as loading takes a while. */
    @State(Scope.Benchmark)
    public static class Duck {
        Connection connection;

        @Setup(Level.Trial)
        public void load(Data data) throws SQLException {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            execute("PRAGMA threads=1");
            execute("CREATE TABLE t (amount DOUBLE, k BIGINT, name VARCHAR)");
            try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
                for (int i = 0; i < data.rows; i++) {
                    appender.beginRow();
                    appender.append(data.amount[i]);
                    appender.append(data.key[i]);
                    appender.append(data.name[i]);
                    appender.endRow();
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }

        private void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        /** The query's values, summed so that every row is read. */
        double query(String sql) throws SQLException {
            double total = 0;
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    total += result.getDouble(columns);
                }
            }
            return total;
        }
    }

    // ---- filter, then sum -----------------------------------------------------------------------

    @Benchmark
    public Object filterSumTable(Data d) {
        return Compute.compute(d.sum, d.table.filter("amount > 0"));
    }

    @Benchmark
    public double filterSumDuckDb(Duck duck) throws SQLException {
        return duck.query("SELECT sum(amount) FROM t WHERE amount > 0");
    }

    @Benchmark
    public double filterSumLoop(Data d) {
        double[] a = d.amount;
        double s = 0;
        for (double x : a) {
            if (x > 0) {
                s += x;
            }
        }
        return s;
    }

    // ---- the sum of the seed's Gaussian of a column ----------------------------------------------

    @Benchmark
    public Object gaussianSumTable(Data d) {
        return Compute.compute(d.gaussianSum, d.table);
    }

    @Benchmark
    public double gaussianSumDuckDb(Duck duck) throws SQLException {
        return duck.query("SELECT sum(" + GAUSSIAN_SQL + ") FROM t");
    }

    @Benchmark
    public double gaussianSumLoop(Data d) {
        double[] a = d.amount;
        double s = 0;
        double scale = 1 / (1.25 * Math.sqrt(2 * Math.PI));
        for (double x : a) {
            double deviation = x - -1.33;
            s += scale * Math.exp(-(deviation * deviation) / (2 * 1.25 * 1.25));
        }
        return s;
    }

    // ---- group-by an int64 key, sum and count ----------------------------------------------------

    @Benchmark
    public Table groupByIntSumCountTable(Data d) {
        return d.table.groupBy("k").agg("sum(amount) as total", "count(amount) as n");
    }

    @Benchmark
    public double groupByIntSumCountDuckDb(Duck duck) throws SQLException {
        return duck.query("SELECT k, sum(amount), count(amount) FROM t GROUP BY k");
    }

    /** What a user writes knowing the keys are 0 to 999: index arrays by key. */
    @Benchmark
    public double[] groupByIntSumCountLoop(Data d) {
        double[] totals = new double[1000];
        long[] counts = new long[1000];
        double[] a = d.amount;
        long[] k = d.key;
        for (int i = 0; i < a.length; i++) {
            totals[(int) k[i]] += a[i];
            counts[(int) k[i]]++;
        }
        return totals;
    }

    // ---- group-by a string key, mean --------------------------------------------------------------

    @Benchmark
    public Table groupByStringMeanTable(Data d) {
        return d.table.groupBy("name").agg("mean(amount) as mean");
    }

    @Benchmark
    public double groupByStringMeanDuckDb(Duck duck) throws SQLException {
        return duck.query("SELECT name, avg(amount) FROM t GROUP BY name");
    }

    /** A HashMap from name to running sum and count. */
    @Benchmark
    public Map<String, double[]> groupByStringMeanLoop(Data d) {
        Map<String, double[]> groups = new java.util.HashMap<>();
        double[] a = d.amount;
        String[] n = d.name;
        for (int i = 0; i < a.length; i++) {
            double[] g = groups.computeIfAbsent(n[i], unused -> new double[2]);
            g[0] += a[i];
            g[1]++;
        }
        for (double[] g : groups.values()) {
            g[0] /= g[1];
        }
        return groups;
    }
}
