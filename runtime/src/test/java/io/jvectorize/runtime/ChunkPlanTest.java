package io.jvectorize.runtime;

import static io.jvectorize.runtime.ChunkPlan.ALIGNMENT;
import static io.jvectorize.runtime.ChunkPlan.MIN_CHUNK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkPlanTest {

    private static final int[] PARALLELISMS = {1, 2, 3, 4, 7, 64, 1000};

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 4095, 4096, 8191, 8192, 8193, 32767, 32768, 32769,
            65536, 100_000, 1_000_000, 100_000_000, Integer.MAX_VALUE - 1, Integer.MAX_VALUE})
    void chunksTileTheRangeAlignedAndBalanced(int length) {
        for (int parallelism : PARALLELISMS) {
            checkPlan(ChunkPlan.of(length, parallelism), length);
        }
    }

    private static void checkPlan(ChunkPlan plan, int length) {
        int count = plan.count();
        assertTrue(count >= 1, () -> plan + " has no chunks");
        assertEquals(0, plan.start(0), () -> plan + " must start at 0");
        assertEquals(length, plan.end(count - 1), () -> plan + " must end at length");
        long largest = 0;
        for (int k = 0; k < count; k++) {
            int start = plan.start(k);
            int end = plan.end(k);
            int chunk = k;
            assertTrue(start < end, () -> plan + " chunk " + chunk + " is empty");
            if (k > 0) {
                assertEquals(plan.end(k - 1), start, () -> plan + " gap or overlap at " + chunk);
            }
            assertEquals(0, start % ALIGNMENT, () -> plan + " chunk " + chunk + " is not aligned");
            largest = Math.max(largest, end - start);
        }
        for (int k = 0; k < count - 1; k++) {
            long size = plan.end(k) - plan.start(k);
            assertTrue(size >= largest - ALIGNMENT, plan + " is unbalanced at chunk " + k);
            assertTrue(size >= MIN_CHUNK, plan + " chunk " + k + " is smaller than the minimum");
        }
        assertTrue(plan.end(count - 1) - plan.start(count - 1) <= largest);
    }

    @Test
    void emptyRangeHasNoChunks() {
        assertEquals(0, ChunkPlan.of(0, 8).count());
        assertThrows(IndexOutOfBoundsException.class, () -> ChunkPlan.of(0, 8).start(0));
    }

    @Test
    void shortRangesAreOneChunk() {
        for (int length : new int[] {1, 63, 64, 65, 2 * MIN_CHUNK - 1}) {
            assertEquals(1, ChunkPlan.of(length, 64).count(), "length " + length);
        }
    }

    @Test
    void aboutFourChunksPerThreadForLargeRanges() {
        assertEquals(8, ChunkPlan.of(100_000_000, 2).count());
        assertEquals(256, ChunkPlan.of(100_000_000, 64).count());
        assertEquals(256, ChunkPlan.of(Integer.MAX_VALUE, 64).count());
        assertEquals(4, ChunkPlan.of(1_000_000, 1).count());
    }

    @Test
    void minimumChunkSizeLimitsTheCount() {
        assertEquals(8, ChunkPlan.of(32768, 64).count());
        assertEquals(8, ChunkPlan.of(32768, 2).count());
        assertEquals(4, ChunkPlan.of(32768, 1).count());
        assertEquals(Integer.MAX_VALUE / MIN_CHUNK,
                ChunkPlan.of(Integer.MAX_VALUE, Integer.MAX_VALUE).count());
    }

    @Test
    void largeBoundariesAreExact() {
        ChunkPlan plan = ChunkPlan.of(Integer.MAX_VALUE, 2);
        // 2^31 - 1 elements are 2^25 units, shared by 8 chunks of 2^22 units each.
        for (int k = 0; k < plan.count(); k++) {
            assertEquals((long) k << 28, plan.start(k));
        }
        assertEquals(Integer.MAX_VALUE, plan.end(plan.count() - 1));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ChunkPlan.of(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> ChunkPlan.of(10, 0));
    }
}
