package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fixtures whose scalar methods throw: {@link #guarded} for a sentinel value, {@link #quotient}
 * on integer division by zero. {@link #guarded} remembers what it threw and on which thread, and
 * slows down the thread that calls the kernel (not the pool's workers) at {@link #PAUSE}
 * values, so that workers get to the far end of a large array first.
 */
final class FailingKernels {
    /** {@link #guarded} throws an IllegalStateException for this value. */
    static final double SENTINEL = -7777.25;
    /** {@link #guarded} sleeps briefly for this value when not on a jvectorize worker thread. */
    static final double PAUSE = 1234.5;

    private static volatile RuntimeException lastThrown;
    private static volatile String lastThrowingThread;

    private FailingKernels() {}

    @Vectorize(signature = {"float32(float32)", "float64(float64)"})
    static double guarded(double x) {
        if (x == SENTINEL) {
            IllegalStateException e = new IllegalStateException("sentinel value " + x + " reached");
            lastThrowingThread = Thread.currentThread().getName();
            lastThrown = e;
            throw e;
        }
        if (x == PAUSE && !Thread.currentThread().getName().startsWith("jvectorize-worker")) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return x * 0.5 + 1.0;
    }

    @Vectorize(signature = {"int32(int32, int32)", "int64(int64, int64)"})
    static long quotient(long dividend, long divisor) {
        return dividend / divisor;
    }

    static RuntimeException lastThrown() {
        return lastThrown;
    }

    static String lastThrowingThread() {
        return lastThrowingThread;
    }

    static void forget() {
        lastThrown = null;
        lastThrowingThread = null;
    }
}
