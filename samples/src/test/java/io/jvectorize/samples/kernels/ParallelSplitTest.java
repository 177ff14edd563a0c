package io.jvectorize.samples.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.Parallel;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parallel variants really split above the cutoff, and stay on the calling thread below it. */
class ParallelSplitTest {

    @BeforeEach
    void forgetThreads() {
        ThreadProbeKernels.forget();
    }

    @Test
    void aboveTheCutoffWorkersShareTheWork() {
        assumeTrue(Parallel.parallelism() > 1, "needs more than one thread");
        int[] x = new int[TestValues.aboveCutoff()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        Set<String> threads = Set.of();
        // A few attempts: a worker that starts late may find every chunk taken.
        for (int attempt = 0; attempt < 10 && threads.size() < 2; attempt++) {
            ThreadProbeKernels.forget();
            int[] result = ThreadProbeKernelsVectorized.probeParallel(x);
            for (int i = 0; i < x.length; i++) {
                assertEquals(i + 1, result[i]);
            }
            threads = ThreadProbeKernels.threadsSeen();
        }
        assertTrue(threads.size() >= 2, "only " + threads + " ran the kernel");
        assertTrue(threads.contains(Thread.currentThread().getName()) || threads.stream().allMatch(t -> t.startsWith("jvectorize-worker")),
                "unexpected threads " + threads);
    }

    @Test
    void belowTheCutoffOnlyTheCallerWorks() {
        int[] x = new int[Math.min(Parallel.serialCutoff() - 1, 10_000)];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * i + 1; // odd: the probe never pauses
        }
        ThreadProbeKernelsVectorized.probeParallel(x, new int[x.length]);
        assertEquals(Set.of(Thread.currentThread().getName()), ThreadProbeKernels.threadsSeen());
    }
}
