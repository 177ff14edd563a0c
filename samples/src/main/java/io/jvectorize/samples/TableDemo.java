package io.jvectorize.samples;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Table;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The demo's table section, Blaze's story: a table of accounts (a name, an amount with
 * missing values), {@code t.filter("amount > 0").agg(...)} in one pass over the columns, a
 * group-by, each timed (median) beside the loop a user would write by hand, whose answer it
 * must give.
 */
final class TableDemo {

    private static final String[] NAMES = {"Alice", "Bob", "Charlie", "Dan", "Edith", "Frank", "Grace", "Heidi"};

    private TableDemo() {}

    /** Prints the section; whether every result agrees with its hand-written loop. */
    static boolean run(int n, int repeats) {
        SplittableRandom random = new SplittableRandom(16);
        String[] name = new String[n];
        Double[] amount = new Double[n];
        for (int i = 0; i < n; i++) {
            name[i] = NAMES[random.nextInt(NAMES.length)];
            amount[i] = random.nextInt(20) == 0 ? null : Math.rint(random.nextDouble(-500, 1000)) / 4;
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("name", name);
        columns.put("amount", amount);
        Table t = Table.of(columns);
        double[] values = (double[]) t.column("amount").values();
        boolean[] present = t.column("amount").validity().orElseThrow();

        System.out.printf(Locale.ROOT, "Tables: %,d accounts, %s%n%n", n, t.schema());
        System.out.println(t.head(4));

        Table positive = t.filter("amount > 0 & name != 'Bob'").agg("sum(amount) as total", "count(amount) as n");
        System.out.println("t.filter(\"amount > 0 & name != 'Bob'\").agg(\"sum(amount) as total\", \"count(amount) as n\")");
        System.out.println(positive);
        Table byName = t.groupBy("name").agg("sum(amount) as total", "mean(amount) as mean", "count(amount) as n");
        System.out.println("t.groupBy(\"name\").agg(\"sum(amount) as total\", \"mean(amount) as mean\", \"count(amount) as n\")");
        System.out.println(byName);

        Expr sum = Expr.parse("sum(amount)");
        double filterLoop = time(repeats, () -> filteredSum(values, present, name));
        double filterTable = time(repeats, () -> Compute.compute(sum, t.filter("amount > 0 & name != 'Bob'")));
        double groupLoop = time(repeats, () -> groupSums(values, present, name));
        double groupTable = time(repeats, () -> t.groupBy("name").agg("sum(amount) as total", "count(amount) as n"));
        System.out.printf(Locale.ROOT, "%-58s %10s %10s%n", "operation", "median", "vs loop");
        row("filter(amount > 0 & name != 'Bob'), sum: hand-written loop", filterLoop, filterLoop);
        row("filter(amount > 0 & name != 'Bob'), sum: Table, one pass", filterTable, filterLoop);
        row("groupBy(name), sum and count: hand-written HashMap loop", groupLoop, groupLoop);
        row("groupBy(name), sum and count: Table", groupTable, groupLoop);
        System.out.println();
        System.out.println(Compute.explain(sum, t.filter("amount > 0 & name != 'Bob'")));

        return agree(positive, byName, values, present, name);
    }

    private static void row(String what, double nanos, double loop) {
        System.out.printf(Locale.ROOT, "%-58s %7.2f ms %9.2fx%n", what, nanos / 1e6, nanos / loop);
    }

    /** Sums added in a different order can differ in the last bits; these are quarters, so they add exactly. */
    private static boolean agree(Table positive, Table byName, double[] values, boolean[] present, String[] name) {
        boolean agree = (Double) positive.column("total").get(0) == filteredSum(values, present, name);
        Map<String, double[]> sums = groupSums(values, present, name);
        for (int g = 0; g < byName.rowCount(); g++) {
            double[] expected = sums.get((String) byName.column("name").get(g));
            agree &= (Double) byName.column("total").get(g) == expected[0]
                    && (Long) byName.column("n").get(g) == (long) expected[1];
        }
        System.out.println(agree ? "Table results agree with the hand-written loops." : "MISMATCH: a table result differs from its loop.");
        return agree;
    }

    private static double filteredSum(double[] values, boolean[] present, String[] name) {
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            if (present[i] && values[i] > 0 && !name[i].equals("Bob")) {
                total += values[i];
            }
        }
        return total;
    }

    private static Map<String, double[]> groupSums(double[] values, boolean[] present, String[] name) {
        Map<String, double[]> sums = new java.util.HashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (present[i]) {
                double[] sum = sums.computeIfAbsent(name[i], unused -> new double[2]);
                sum[0] += values[i];
                sum[1]++;
            }
        }
        return sums;
    }

    private static double time(int repeats, Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] samples = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            work.get();
            samples[r] = System.nanoTime() - start;
        }
        Arrays.sort(samples);
        return samples[repeats / 2];
    }
}
