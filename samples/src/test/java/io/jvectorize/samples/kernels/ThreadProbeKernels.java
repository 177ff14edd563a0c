package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Records which threads run its kernels, to show that Parallel variants really split. */
final class ThreadProbeKernels {
    private static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    private ThreadProbeKernels() {}

    /** Returns {@code x + 1}; records the thread, and pauses briefly at every multiple of 2048. */
    @Vectorize
    static int probe(int x) {
        THREADS.add(Thread.currentThread().getName());
        if (x % 2048 == 0) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        return x + 1;
    }

    static Set<String> threadsSeen() {
        return Set.copyOf(THREADS);
    }

    static void forget() {
        THREADS.clear();
    }
}
