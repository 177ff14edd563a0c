package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A filter followed by a reduction reads the table in one pass and copies nothing: measured
 * with the JVM's per-thread allocation counter, after warm-up, as {@link ComputeAllocationTest}.
 */
class TableAllocationTest {

    /** Parsing the filter, the binding, the plan lookup, one block's registers: a small constant. */
    private static final long SLACK = 256 * 1024;
    private static final long PATIENCE_NANOS = 20_000_000_000L;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBy(Runnable work) {
        long fewest = Long.MAX_VALUE;
        long start = System.nanoTime();
        for (int i = 0; i < 30 || fewest > 8 * SLACK && System.nanoTime() - start < PATIENCE_NANOS; i++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            work.run();
            fewest = Math.min(fewest, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return fewest;
    }

    private static Table table(int n) {
        Random random = new Random(n);
        double[] amount = new double[n];
        Double[] withMissing = new Double[n];
        String[] name = new String[n];
        long[] id = new long[n];
        for (int i = 0; i < n; i++) {
            amount[i] = random.nextGaussian();
            withMissing[i] = random.nextInt(10) == 0 ? null : random.nextGaussian();
            name[i] = random.nextInt(20) == 0 ? null : "n" + random.nextInt(300);
            id[i] = i;
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("amount", amount);
        columns.put("m", withMissing);
        columns.put("name", name);
        columns.put("id", id);
        return Table.of(columns);
    }

    /** At most {@link #SLACK} per pass of the engine (a filtered std takes four). */
    private static void assertNothingProportional(Runnable work, String what) {
        assertNothingProportional(work, what, 1);
    }

    private static void assertNothingProportional(Runnable work, String what, int passes) {
        long allocated = allocatedBy(work);
        assertTrue(allocated <= passes * SLACK, what + ": allocated " + allocated + " bytes for 1,000,000 rows");
    }

    @Test
    void filterThenReduceAllocatesNothingProportional() {
        Table t = table(1_000_000);
        Expr sum = Expr.parse("sum(amount)");
        assertNothingProportional(() -> Compute.compute(sum, t.filter("amount > 0")), "filter, sum");
        assertNothingProportional(() -> Compute.compute(Expr.parse("mean(m)"), t.filter("m > 0 & name != 'n7'")),
                "filter on missing values and strings, mean");
        assertNothingProportional(() -> t.filter("id < 500000 & m < 1").agg("sum(amount) as s", "count(m) as n", "max(m) as x",
                "std(amount * 2) as sd"), "filter, agg", 8);
        // The reference: gathering the rows allocates them.
        long gathered = allocatedBy(() -> t.filter("amount > 0").column("amount"));
        assertTrue(gathered > 8L * 400_000, "gathering allocated " + gathered);
    }
}
