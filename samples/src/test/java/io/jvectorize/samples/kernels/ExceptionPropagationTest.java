package io.jvectorize.samples.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.Parallel;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * An exception thrown by the scalar method reaches the caller of a kernel as itself: same
 * object, so same type and message; from Parallel variants too, where a worker thread threw it.
 */
class ExceptionPropagationTest {
    private static final int N = TestValues.aboveCutoff();

    @BeforeEach
    void forgetEarlierThrows() {
        FailingKernels.forget();
    }

    /** Ordinary values, the sentinel near the end, where a worker thread handles it in Parallel variants. */
    private static double[] withSentinelNearTheEnd() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = i % 1024 == 0 ? FailingKernels.PAUSE : i * 0.5;
        }
        x[N - 3] = FailingKernels.SENTINEL;
        return x;
    }

    @Test
    void serialAllocatingVariantRethrowsTheScalarMethodsException() {
        double[] x = withSentinelNearTheEnd();
        assertThrowsTheSentinelException(() -> FailingKernelsVectorized.guarded(x));
    }

    @Test
    void serialIntoVariantRethrowsTheScalarMethodsException() {
        double[] x = withSentinelNearTheEnd();
        assertThrowsTheSentinelException(() -> FailingKernelsVectorized.guarded(x, new double[N]));
    }

    @Test
    void parallelAllocatingVariantRethrowsTheScalarMethodsException() {
        double[] x = withSentinelNearTheEnd();
        assertThrowsTheSentinelException(() -> FailingKernelsVectorized.guardedParallel(x));
    }

    @Test
    void parallelIntoVariantRethrowsTheScalarMethodsException() {
        double[] x = withSentinelNearTheEnd();
        assertThrowsTheSentinelException(() -> FailingKernelsVectorized.guardedParallel(x, new double[N]));
    }

    @Test
    void float32ParallelVariantRethrowsTheScalarMethodsException() {
        double[] values = withSentinelNearTheEnd();
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) values[i];
        }
        assertEquals(FailingKernels.SENTINEL, (double) (float) FailingKernels.SENTINEL, "the sentinel must be a float");
        assertThrowsTheSentinelException(() -> FailingKernelsVectorized.guardedParallel(x));
    }

    /**
     * The exception comes from a worker thread, not the calling one: the caller is slowed down
     * at every PAUSE value, so workers take the far chunks. Retried a few times, as scheduling
     * can still give every chunk to the caller once in a while.
     */
    @Test
    void exceptionThrownOnAWorkerThreadReachesTheCaller() {
        assumeTrue(Parallel.parallelism() > 1, "needs more than one thread");
        double[] x = withSentinelNearTheEnd();
        String caller = Thread.currentThread().getName();
        String thrower = null;
        for (int attempt = 0; attempt < 10 && (thrower == null || thrower.equals(caller)); attempt++) {
            FailingKernels.forget();
            assertThrowsTheSentinelException(() -> FailingKernelsVectorized.guardedParallel(x));
            thrower = FailingKernels.lastThrowingThread();
        }
        assertTrue(thrower != null && thrower.startsWith("jvectorize-worker"),
                "the sentinel should have been reached on a worker thread, but was on " + thrower);
    }

    @Test
    void integerDivisionByZeroReachesTheCallerOfEveryVariant() {
        int[] dividend = new int[N];
        Arrays.fill(dividend, 12);
        int[] divisor = new int[N];
        Arrays.fill(divisor, 3);
        divisor[N - 5] = 0;
        for (Executable call : new Executable[] {
            () -> FailingKernelsVectorized.quotient(dividend, divisor),
            () -> FailingKernelsVectorized.quotient(dividend, divisor, new int[N]),
            () -> FailingKernelsVectorized.quotientParallel(dividend, divisor),
            () -> FailingKernelsVectorized.quotientParallel(dividend, divisor, new int[N]),
        }) {
            ArithmeticException e = assertThrows(ArithmeticException.class, call);
            assertEquals("/ by zero", e.getMessage());
        }
    }

    @Test
    void longDivisionByZeroReachesTheCallerOfEveryVariant() {
        long[] dividend = TestValues.longs(N, 52);
        long[] divisor = new long[N];
        Arrays.fill(divisor, 7);
        divisor[N - 5] = 0;
        for (Executable call : new Executable[] {
            () -> FailingKernelsVectorized.quotient(dividend, divisor),
            () -> FailingKernelsVectorized.quotient(dividend, divisor, new long[N]),
            () -> FailingKernelsVectorized.quotientParallel(dividend, divisor),
            () -> FailingKernelsVectorized.quotientParallel(dividend, divisor, new long[N]),
        }) {
            ArithmeticException e = assertThrows(ArithmeticException.class, call);
            assertEquals("/ by zero", e.getMessage());
        }
    }

    @Test
    void integerDivisionByABroadcastZeroReachesTheCaller() {
        long[] dividend = TestValues.longs(N, 51);
        ArithmeticException serial = assertThrows(ArithmeticException.class,
                () -> FailingKernelsVectorized.quotient(dividend, 0L));
        assertEquals("/ by zero", serial.getMessage());
        ArithmeticException parallel = assertThrows(ArithmeticException.class,
                () -> FailingKernelsVectorized.quotientParallel(dividend, 0L, new long[N]));
        assertEquals("/ by zero", parallel.getMessage());
    }

    @Test
    void aKernelStillWorksAfterAnException() {
        double[] x = withSentinelNearTheEnd();
        assertThrowsTheSentinelException(() -> FailingKernelsVectorized.guardedParallel(x));
        x[N - 3] = 2.0;
        double[] result = FailingKernelsVectorized.guardedParallel(x);
        assertEquals(2.0, result[N - 3]);
        assertEquals(FailingKernels.guarded(x[N - 1]), result[N - 1]);
    }

    private static void assertThrowsTheSentinelException(Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        assertEquals("sentinel value " + FailingKernels.SENTINEL + " reached", e.getMessage());
        assertSame(FailingKernels.lastThrown(), e, "the very exception the scalar method threw");
    }
}
