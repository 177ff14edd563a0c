package io.jvectorize.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One parallel run of a {@link Parallel.RangeTask} over the chunks of a {@link ChunkPlan}.
 *
 * <p>The calling thread and any helper threads claim chunks from a shared counter until none
 * remain. The caller never depends on a helper to make progress: if no helper starts, it runs
 * every chunk itself. When it runs out of chunks it <em>closes</em> the job; helpers that have
 * not started by then do nothing, and the caller waits only for helpers already inside. That
 * is why a run started from inside a task on a busy pool thread cannot deadlock.
 *
 * <p>The first throwable thrown by the task stops further claiming and is rethrown to the
 * caller as itself, after every running chunk has finished. Later ones are dropped.
 */
final class RangeJob implements Runnable {

    /** Low bit of {@link #state}: the caller has closed the job to helpers not yet inside. */
    private static final int CLOSED = 1;

    /** The rest of {@link #state} counts the helpers inside {@link #claimChunks()}. */
    private static final int ONE_HELPER = 2;

    private final ChunkPlan plan;
    private final Parallel.RangeTask task;
    private final Thread caller = Thread.currentThread();
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final AtomicInteger state = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private RangeJob(ChunkPlan plan, Parallel.RangeTask task) {
        this.plan = plan;
        this.task = task;
    }

    /**
     * Runs {@code task} over every chunk of {@code plan}, offering {@code helpers} helper
     * tasks to {@code executor} and working on chunks on the calling thread too. Returns, or
     * throws the task's first failure, only once no helper is running a chunk any more.
     */
    static void execute(ChunkPlan plan, Parallel.RangeTask task, Executor executor, int helpers) {
        RangeJob job = new RangeJob(plan, task);
        try {
            for (int i = 0; i < helpers; i++) {
                executor.execute(job);
            }
            job.claimChunks();
        } finally {
            job.closeAndAwaitHelpers();
        }
        Throwable thrown = job.failure.get();
        if (thrown != null) {
            throw RangeJob.<RuntimeException>rethrow(thrown);
        }
    }

    /** The body of a helper task: join in unless the caller has already closed the job. */
    @Override
    public void run() {
        if (!enter()) {
            return;
        }
        try {
            claimChunks();
        } finally {
            leave();
        }
    }

    private void claimChunks() {
        try {
            int count = plan.count();
            int k;
            while (failure.get() == null && (k = nextChunk.getAndIncrement()) < count) {
                task.run(plan.start(k), plan.end(k));
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    private boolean enter() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s + ONE_HELPER)) {
                return true;
            }
        }
    }

    private void leave() {
        if (state.addAndGet(-ONE_HELPER) == CLOSED) {
            LockSupport.unpark(caller);
        }
    }

    /** Waits uninterruptibly for the helpers inside; the interrupt flag is restored after. */
    private void closeAndAwaitHelpers() {
        state.getAndAdd(CLOSED);
        boolean interrupted = false;
        // Reading the final state also makes every helper's writes visible to the caller.
        while (state.get() != CLOSED) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            caller.interrupt();
        }
    }

    /** Throws {@code t} unchanged even if it is a checked exception the compiler can't see. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
