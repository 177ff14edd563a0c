package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The runtime helpers of generated ufunc and gufunc methods: fixed reduce chunks, rows split by
 * their weight, and the argument checks with their messages.
 */
class UfuncHelpersTest {

    @Test
    void reduceChunksAreFixedAndEachRunsOnce() {
        int chunk = ReduceChunks.CHUNK_LENGTH;
        for (int length : new int[] {0, 1, chunk - 1, chunk, chunk + 1, 5 * chunk + 3, 1_000_003}) {
            int count = ReduceChunks.count(length);
            assertEquals((length + chunk - 1) / chunk, count);
            AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(count, 1));
            ReduceChunks.forEach(length, (c, from, to) -> {
                assertEquals(c * chunk, from);
                assertEquals(Math.min(length, from + chunk), to);
                runs.incrementAndGet(c);
            });
            for (int c = 0; c < count; c++) {
                assertEquals(1, runs.get(c), "chunk " + c + " of length " + length);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ReduceChunks.count(-1));
    }

    @Test
    void rowsAreCoveredOnceWhateverTheirWeight() {
        for (int rows : new int[] {1, 2, 3, 100, 70_000}) {
            for (long weight : new long[] {0, 1, 7, 10_000, Long.MAX_VALUE / 2}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(rows);
                ParallelRows.forRows(rows, weight, (from, to) -> {
                    assertTrue(from < to && to <= rows, from + ", " + to);
                    for (int r = from; r < to; r++) {
                        runs.incrementAndGet(r);
                    }
                });
                for (int r = 0; r < rows; r++) {
                    assertEquals(1, runs.get(r), "row " + r + " of " + rows + ", weight " + weight);
                }
            }
        }
        ParallelRows.forRows(0, 5, (from, to) -> {
            throw new AssertionError("no rows, no call");
        });
        assertThrows(IllegalArgumentException.class, () -> ParallelRows.forRows(-1, 1, (from, to) -> { }));
    }

    @Test
    void guArgumentsNameWhatDiffers() {
        double[][] x = {{1, 2}, {3, 4}};
        assertEquals(2, GuArguments.rows("f", "x, out", new Object[] {x, new double[2]}));
        assertEquals("f: array lengths differ: x has 2 elements, out has 3", assertThrows(IllegalArgumentException.class,
                () -> GuArguments.rows("f", "x, out", new Object[] {x, new double[3]})).getMessage());
        assertEquals("f: row x[1] is null", assertThrows(NullPointerException.class,
                () -> GuArguments.rows("f", "x", new Object[] {new double[][] {{1}, null}})).getMessage());
        assertEquals(2, GuArguments.dimension("f", "n", "x, y", x, new double[][] {{0, 0}, {0, 0}}));
        assertEquals(0, GuArguments.dimension("f", "n", "x", (Object[]) new double[0][]));
        assertEquals("f: core dimension n must have one length, but x[0] has 2 elements and y[1] has 1; nothing was"
                + " written", assertThrows(IllegalArgumentException.class,
                        () -> GuArguments.dimension("f", "n", "x, y", x, new double[][] {{0, 0}, {0}})).getMessage());
        GuArguments.fixed("f", 2, "x", (Object[]) x);
        assertEquals("f: the layout fixes the rows of x at 3 elements, but x[0] has 2; nothing was written",
                assertThrows(IllegalArgumentException.class, () -> GuArguments.fixed("f", 3, "x", (Object[]) x))
                        .getMessage());
        assertEquals(4, GuArguments.size("f", "k", 4));
        assertEquals("f: dimension k must not be negative: -2",
                assertThrows(IllegalArgumentException.class, () -> GuArguments.size("f", "k", -2)).getMessage());
    }

    @Test
    void ufuncArgumentsCheckEveryIndexFirst() {
        UfuncArguments.requireIndices("fAt", new int[] {0, 2, 2}, 3);
        assertEquals("fAt: indices[1] is 1, but a has 1 element; nothing was written",
                assertThrows(IndexOutOfBoundsException.class,
                        () -> UfuncArguments.requireIndices("fAt", new int[] {0, 1}, 1)).getMessage());
        assertEquals("fReduce: cannot reduce an empty array: f has no identity; give its @Vectorize an identity, or"
                + " check for an empty array first", UfuncArguments.emptyReduce("fReduce", "f").getMessage());
    }
}
