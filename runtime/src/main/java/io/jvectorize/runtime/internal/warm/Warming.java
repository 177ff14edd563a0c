package io.jvectorize.runtime.internal.warm;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The warm-up of one Vector API loop (see {@code SimdWarmup}): until {@link #compiled()}, calls
 * take a scalar path, while one daemon thread, {@code jvectorize-warmup}, runs both paths on
 * scratch data and times them; the loop counts as compiled once three consecutive scratch calls
 * of it take at most {@value #FAST_ENOUGH} times the scalar path's best, or after
 * {@value #BUDGET_MILLIS} ms of warming, or when a scratch call throws. Loops warm one after
 * another, in the order of their first calls, each after a wait of {@value #START_DELAY_MILLIS}
 * ms. A call of at least {@value #LARGE_CALL} elements takes the loop at once, warmed or not
 * ({@link #compiled(long)}).
 */
public final class Warming {

    /** What the warming thread runs for one loop. */
    public interface Job {
        /** Makes the scratch data and the calls; runs once, on the warming thread. */
        Trial prepare() throws Throwable;
    }

    /** Calls on scratch data, all of the same work. */
    public interface Trial {
        /** The path calls take while the loop warms. */
        void scalar() throws Throwable;

        /** The loop that warms. */
        void vector() throws Throwable;

        /** The loop on the other shapes calls may have (a tail alone, an empty range), so that its compiled code has seen them. */
        void otherShapes() throws Throwable;
    }

    /** The longest one loop is warmed, in milliseconds of the warming thread's wall time. */
    public static final long BUDGET_MILLIS = 5_000;
    /** The loop counts as compiled when its scratch call takes at most this times the scalar path's best. */
    static final double FAST_ENOUGH = 1.25;
    /** Consecutive fast scratch calls needed, so that one lucky timing does not decide. */
    static final int FAST_CALLS = 3;
    /**
     * The elements from which a call takes the loop at once. In so long a call HotSpot compiles
     * the loop on the stack (on-stack replacement) within the call, and what its first vectors
     * cost unwarmed is repaid within the call or the next few; while warming on scratch data
     * on the other thread takes about as long as a few such calls on the scalar path, which at
     * 10^7 float64 elements cost 1.7x as long in all over 30 calls (docs/performance.md,
     * "First calls", has the measurement that chose it).
     */
    public static final int LARGE_CALL = 4_000_000;
    /**
     * How long the warming thread waits before it prepares a loop, in milliseconds. Meanwhile
     * the calls go on with the scalar path, whose per-element method the JIT compiles within the
     * first call; on two cores the warming thread's class writing and first trials kept the JIT
     * from it, so that calls 2 to 11 of {@code Compute}'s Gaussian at 1,000 elements still ran
     * it interpreted in 8 of 24 fresh JVMs, and in 4 of 24 with this wait (docs/performance.md,
     * "Compute's small calls"). The loop takes over that much later.
     */
    static final long START_DELAY_MILLIS = 40;

    private static final BlockingQueue<Warming> QUEUE = new LinkedBlockingQueue<>();
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static Thread worker;

    private final Job job;
    private volatile boolean compiled;
    private volatile boolean started;

    /**
     * @param compiled true where there is nothing to warm (warming is off): {@link #compiled()} holds from the start
     * @param job what the warming thread runs, on the first call of {@link #compiled()}
     */
    public Warming(boolean compiled, Job job) {
        this.compiled = compiled;
        this.job = job;
    }

    /**
     * Whether a call over {@code elements} elements may take the loop: a large call
     * ({@value #LARGE_CALL} or more) always, without starting the warming; a smaller one as
     * {@link #compiled()}.
     */
    public boolean compiled(long elements) {
        return elements >= LARGE_CALL || compiled();
    }

    /** Whether calls may take the loop; the first call starts its warming and returns false. */
    public boolean compiled() {
        if (compiled) {
            return true;
        }
        if (!started) {
            start();
        }
        return false;
    }

    /** Whether {@link #compiled()} holds, asked without starting the warming: for explain. */
    public boolean isCompiled() {
        return compiled;
    }

    /** Waits until {@link #compiled()} holds, at most {@code millis} ms; whether it does. */
    public boolean awaitCompiled(long millis) throws InterruptedException {
        compiled();
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!compiled && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return compiled;
    }

    /** The loops started but not yet compiled (queued or warming). */
    public static int pending() {
        return PENDING.get();
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        PENDING.incrementAndGet();
        QUEUE.add(this);
        synchronized (QUEUE) {
            if (worker == null) {
                worker = new Worker();
                worker.start();
            }
        }
    }

    /** Runs both paths on scratch data until the loop is fast or the budget is spent. */
    private void warm() throws Throwable {
        Thread.sleep(START_DELAY_MILLIS);
        Trial trial = job.prepare();
        long deadline = System.nanoTime() + BUDGET_MILLIS * 1_000_000;
        long bestScalar = Long.MAX_VALUE;
        int fastCalls = 0;
        while (fastCalls < FAST_CALLS && System.nanoTime() < deadline) {
            long start = System.nanoTime();
            trial.scalar();
            bestScalar = Math.min(bestScalar, System.nanoTime() - start);
            start = System.nanoTime();
            trial.vector();
            long vectorTime = System.nanoTime() - start;
            fastCalls = vectorTime <= FAST_ENOUGH * bestScalar ? fastCalls + 1 : 0;
            trial.otherShapes();
        }
    }

    /**
     * The warming thread. A class of its own, not a lambda, so that a kernel's first call does
     * not pay for bootstrapping one.
     */
    private static final class Worker extends Thread {
        Worker() {
            super("jvectorize-warmup");
            setDaemon(true);
            setContextClassLoader(null);
        }

        @Override
        public void run() {
            while (true) {
                Warming next;
                try {
                    next = QUEUE.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    next.warm();
                } catch (Throwable e) {
                    // A scratch call threw: the loop runs from now on, as it would without warming.
                } finally {
                    next.compiled = true;
                    PENDING.decrementAndGet();
                }
            }
        }
    }
}
