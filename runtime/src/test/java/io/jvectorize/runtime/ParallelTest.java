package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParallelTest {

    private static final Duration DEADLOCK_GUARD = Duration.ofSeconds(60);

    /** A private pool, so the multi-threaded paths are exercised even on a one-core machine. */
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void forRangeVisitsEveryIndexOnce() {
        int length = 1_000_003;
        AtomicIntegerArray visits = new AtomicIntegerArray(length);
        Parallel.forRange(length, (from, to) -> {
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        });
        assertEachVisitedOnce(visits);
    }

    @Test
    void forRangeWithPlainCounterArray() {
        int[] visits = new int[1_000_000];
        Parallel.forRange(visits.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                visits[i]++;
            }
        });
        for (int i = 0; i < visits.length; i++) {
            assertEquals(1, visits[i], "index " + i);
        }
    }

    @Test
    void executeVisitsEveryIndexOnceWithHelpers() {
        AtomicIntegerArray visits = new AtomicIntegerArray(1_000_000);
        RangeJob.execute(ChunkPlan.of(visits.length(), 4), (from, to) -> {
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        }, pool, 3);
        assertEachVisitedOnce(visits);
    }

    @Test
    void callerRunsEveryChunkWhenNoHelperStarts() {
        List<Runnable> notYetStarted = new ArrayList<>();
        AtomicIntegerArray visits = new AtomicIntegerArray(100_000);
        AtomicInteger calls = new AtomicInteger();
        Thread caller = Thread.currentThread();
        ChunkPlan plan = ChunkPlan.of(visits.length(), 4);
        RangeJob.execute(plan, (from, to) -> {
            assertSame(caller, Thread.currentThread());
            calls.incrementAndGet();
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        }, notYetStarted::add, 3);
        assertEquals(plan.count(), calls.get());
        assertEachVisitedOnce(visits);

        // Helpers that start only after the caller has returned must do nothing.
        assertEquals(3, notYetStarted.size());
        notYetStarted.forEach(Runnable::run);
        assertEquals(plan.count(), calls.get());
    }

    @Test
    void shortRangeRunsOnCallerInOneCall() {
        assumeTrue(Parallel.serialCutoff() > 1, "every non-empty range is parallel");
        int length = Parallel.serialCutoff() - 1;
        List<int[]> calls = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Parallel.forRange(length, (from, to) -> {
            calls.add(new int[] {from, to});
            threads.add(Thread.currentThread());
        });
        assertEquals(1, calls.size());
        assertEquals(0, calls.get(0)[0]);
        assertEquals(length, calls.get(0)[1]);
        assertSame(Thread.currentThread(), threads.get(0));
    }

    @Test
    void emptyRangeRunsNothing() {
        Parallel.forRange(0, (from, to) -> {
            throw new AssertionError("ran [" + from + ", " + to + ")");
        });
    }

    @Test
    void negativeLengthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parallel.forRange(-1, (from, to) -> { }));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void runtimeExceptionReachesCallerAsItself() {
        IllegalStateException thrown = new IllegalStateException("boom");
        IllegalStateException caught = assertThrows(IllegalStateException.class,
                () -> Parallel.forRange(1_000_000, (from, to) -> {
                    throw thrown;
                }));
        assertSame(thrown, caught);
    }

    @Test
    void errorReachesCallerAsItself() {
        AssertionError thrown = new AssertionError("bad");
        AssertionError caught = assertThrows(AssertionError.class,
                () -> RangeJob.execute(ChunkPlan.of(1_000_000, 4), (from, to) -> {
                    if (from > 0) {
                        throw thrown;
                    }
                }, pool, 3));
        assertSame(thrown, caught);
    }

    @Test
    void checkedExceptionReachesCallerAsItself() {
        IOException thrown = new IOException("disk");
        Throwable caught = assertThrows(IOException.class,
                () -> RangeJob.execute(ChunkPlan.of(1_000_000, 4),
                        (from, to) -> sneakyThrow(thrown), pool, 3));
        assertSame(thrown, caught);
    }

    @Test
    void failureWaitsForRunningChunksAndStopsClaiming() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        RuntimeException thrown = new RuntimeException("first chunk fails");
        ChunkPlan plan = ChunkPlan.of(1_000_000, 4);
        RuntimeException caught = assertTimeoutPreemptively(DEADLOCK_GUARD, () ->
                assertThrows(RuntimeException.class, () -> RangeJob.execute(plan, (from, to) -> {
                    started.incrementAndGet();
                    if (from == 0) {
                        throw thrown;
                    }
                    sleep(200);
                    finished.incrementAndGet();
                }, pool, 3)));
        assertSame(thrown, caught);
        // Every chunk that started, except the failing one, had finished before forRange threw.
        assertEquals(started.get() - 1, finished.get());
        assertTrue(started.get() < plan.count(), "chunks kept being claimed after the failure");
    }

    @Test
    void nestedForRangeDoesNotDeadlock() {
        int chunk = Math.max(Parallel.serialCutoff(), ChunkPlan.MIN_CHUNK);
        int outer = 4 * Parallel.parallelism() * chunk;
        int inner = 2 * Math.max(Parallel.serialCutoff(), 2 * ChunkPlan.MIN_CHUNK);
        AtomicInteger innerElements = new AtomicInteger();
        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> Parallel.forRange(outer, (from, to) ->
                Parallel.forRange(inner, (innerFrom, innerTo) ->
                        innerElements.addAndGet(innerTo - innerFrom))));
        int outerChunks = Parallel.parallelism() == 1
                ? 1 : ChunkPlan.of(outer, Parallel.parallelism()).count();
        assertEquals((long) outerChunks * inner, innerElements.get());
    }

    @Test
    void nestedRunsOnABusyPoolDoNotDeadlock() {
        // The only pool thread runs outer chunks whose inner runs offer helpers to that same,
        // busy thread: the inner callers must finish without them.
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            AtomicIntegerArray visits = new AtomicIntegerArray(1_000_000);
            ChunkPlan outer = ChunkPlan.of(64 * ChunkPlan.MIN_CHUNK, 4);
            ChunkPlan inner = ChunkPlan.of(visits.length(), 4);
            Parallel.RangeTask count = (from, to) -> {
                for (int i = from; i < to; i++) {
                    visits.incrementAndGet(i);
                }
            };
            assertTimeoutPreemptively(DEADLOCK_GUARD, () -> RangeJob.execute(outer,
                    (from, to) -> RangeJob.execute(inner, count, single, 3), single, 3));
            int outerChunks = outer.count();
            for (int i = 0; i < visits.length(); i++) {
                assertEquals(outerChunks, visits.get(i), "index " + i);
            }
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void interruptIsKeptWhileWaiting() {
        Thread.currentThread().interrupt();
        try {
            AtomicIntegerArray visits = new AtomicIntegerArray(1_000_000);
            RangeJob.execute(ChunkPlan.of(visits.length(), 4), (from, to) -> {
                for (int i = from; i < to; i++) {
                    visits.incrementAndGet(i);
                }
            }, pool, 3);
            assertEachVisitedOnce(visits);
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void workerThreadsAreNamedDaemons() {
        assumeTrue(Parallel.parallelism() > 1, "one thread works on every range: there are no workers to name");
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        CountDownLatch workerRan = new CountDownLatch(1);
        int length = 16 * Math.max(Parallel.serialCutoff(), ChunkPlan.MIN_CHUNK);
        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> {
            Thread caller = Thread.currentThread();
            Parallel.forRange(length, (from, to) -> {
                if (Thread.currentThread() == caller) {
                    // Hold the caller back so that a pool thread gets to run a chunk.
                    awaitUninterruptibly(workerRan);
                } else {
                    workers.add(Thread.currentThread());
                    workerRan.countDown();
                }
            });
        });
        assertTrue(!workers.isEmpty());
        for (Thread worker : workers) {
            assertTrue(worker.getName().matches("jvectorize-worker-\\d+"), worker.getName());
            assertTrue(worker.isDaemon(), worker.getName());
        }
    }

    @Test
    void defaultsAreSane() {
        assertTrue(Parallel.parallelism() >= 1);
        assertTrue(Parallel.serialCutoff() >= 1);
        if (System.getProperty(Parallel.THREADS_PROPERTY) == null) {
            assertEquals(Runtime.getRuntime().availableProcessors(), Parallel.parallelism());
        }
        if (System.getProperty(Parallel.CUTOFF_PROPERTY) == null) {
            assertEquals(Parallel.DEFAULT_SERIAL_CUTOFF, Parallel.serialCutoff());
        }
    }

    @Test
    void propertyParsing() {
        assertEquals(7, Parallel.positiveIntProperty("p", null, 7));
        assertEquals(3, Parallel.positiveIntProperty("p", "3", 7));
        assertEquals(12, Parallel.positiveIntProperty("p", " 12 ", 7));
        assertEquals(1, Parallel.positiveIntProperty("p", "1", 7));
    }

    @Test
    void badPropertyValuesAreReportedClearly() {
        for (String bad : new String[] {"0", "-4", "two", "", "1.5", "99999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Parallel.positiveIntProperty("jvectorize.threads", bad, 2));
            assertEquals("System property jvectorize.threads must be a whole number from 1 to "
                    + Integer.MAX_VALUE + ", but is \"" + bad + "\"", e.getMessage());
        }
    }

    private static void assertEachVisitedOnce(AtomicIntegerArray visits) {
        for (int i = 0; i < visits.length(); i++) {
            assertEquals(1, visits.get(i), "index " + i);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
