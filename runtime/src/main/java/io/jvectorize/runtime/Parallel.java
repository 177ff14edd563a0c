package io.jvectorize.runtime;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits an index range across threads; the {@code Parallel} variants of generated kernels
 * run their loops through {@link #forRange}.
 *
 * <p>Work runs on a shared pool of {@code parallelism() - 1} daemon threads named
 * {@code jvectorize-worker-N}, created on first use, and on the calling thread, which works
 * on chunks too. Two system properties, read once on first use, tune it:
 * <ul>
 *   <li>{@value #THREADS_PROPERTY}: the number of threads working on one range, the caller
 *       included (default: {@link Runtime#availableProcessors()});
 *   <li>{@value #CUTOFF_PROPERTY}: ranges shorter than this run on the calling thread
 *       alone (default: {@value #DEFAULT_SERIAL_CUTOFF}), because for them handing work to
 *       other threads costs more than it saves.
 * </ul>
 * Both must be whole numbers of at least 1. A bad value makes every method of this class
 * throw an {@link IllegalArgumentException} that names the property and the value.
 */
public final class Parallel {

    /** The system property that sets {@link #parallelism()}. */
    public static final String THREADS_PROPERTY = "jvectorize.threads";

    /** The system property that sets {@link #serialCutoff()}. */
    public static final String CUTOFF_PROPERTY = "jvectorize.parallel.cutoff";

    /** The serial cutoff when {@value #CUTOFF_PROPERTY} is not set. */
    public static final int DEFAULT_SERIAL_CUTOFF = 32768;

    /** Work on the elements {@code [from, to)} of a range. */
    @FunctionalInterface
    public interface RangeTask {

        /**
         * Processes the elements {@code from} (inclusive) to {@code to} (exclusive).
         *
         * @param from the first index, {@code 0 <= from < to}
         * @param to the index after the last
         */
        void run(int from, int to);
    }

    private Parallel() {
    }

    /**
     * Runs {@code task} over {@code [0, length)}, split into disjoint chunks that together
     * cover the range exactly once, across the shared pool and the calling thread.
     *
     * <p>A range shorter than {@link #serialCutoff()}, or any range when
     * {@link #parallelism()} is 1, is run as the single call {@code task.run(0, length)} on the
     * calling thread, without involving any other thread. An empty range runs nothing.
     *
     * <p>This method returns only after every chunk has finished. If the task throws, no new
     * chunks are started, the chunks already running are waited for, and then the first
     * throwable (even a checked exception) is rethrown as the same object, unwrapped.
     * Calling {@code forRange} from inside a task is safe: the calling thread runs any chunk
     * no pool thread is free to take, so nested calls cannot deadlock. Waiting is not
     * interruptible; an interrupt received meanwhile is kept in the thread's interrupt flag.
     *
     * @param length the number of elements, at least 0
     * @param task the work for one chunk
     * @throws IllegalArgumentException if {@code length} is negative, or if one of the system
     *     properties has a bad value
     * @throws NullPointerException if {@code task} is null
     */
    public static void forRange(int length, RangeTask task) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        Objects.requireNonNull(task, "task");
        int parallelism = parallelism();
        if (length < serialCutoff() || parallelism == 1) {
            if (length > 0) {
                task.run(0, length);
            }
            return;
        }
        ChunkPlan plan = ChunkPlan.of(length, parallelism);
        if (plan.count() == 1) {
            task.run(0, length);
            return;
        }
        int helpers = Math.min(parallelism - 1, plan.count() - 1);
        RangeJob.execute(plan, task, WorkerPool.EXECUTOR, helpers);
    }

    /**
     * The number of threads that work on one range, the calling thread included: the value
     * of {@value #THREADS_PROPERTY}, or {@link Runtime#availableProcessors()} if unset.
     *
     * @return the parallelism, at least 1
     * @throws IllegalArgumentException if the property has a bad value
     */
    public static int parallelism() {
        Settings.check();
        return Settings.PARALLELISM;
    }

    /**
     * The length below which {@link #forRange} runs on the calling thread alone: the value of
     * {@value #CUTOFF_PROPERTY}, or {@value #DEFAULT_SERIAL_CUTOFF} if unset.
     *
     * @return the serial cutoff, at least 1
     * @throws IllegalArgumentException if the property has a bad value
     */
    public static int serialCutoff() {
        Settings.check();
        return Settings.SERIAL_CUTOFF;
    }

    /**
     * Parses the value of a system property that must be a positive whole number.
     *
     * @param name the property name, for the message
     * @param value the property value, or null if it is unset
     * @param defaultValue the result when {@code value} is null
     * @throws IllegalArgumentException naming the property, the value and what is allowed
     */
    static int positiveIntProperty(String name, String value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            parsed = 0;
        }
        if (parsed < 1) {
            throw new IllegalArgumentException("System property " + name + " must be a whole number"
                    + " from 1 to " + Integer.MAX_VALUE + ", but is \"" + value + "\"");
        }
        return parsed;
    }

    /**
     * The properties, read when first needed. A bad value is kept as a message and reported
     * by {@link #check()} on every use, rather than failing class initialization with an
     * opaque {@link ExceptionInInitializerError}.
     */
    private static final class Settings {
        static final int PARALLELISM;
        static final int SERIAL_CUTOFF;
        static final String PROBLEM;

        static {
            int parallelism = 1;
            int cutoff = DEFAULT_SERIAL_CUTOFF;
            String problem = null;
            try {
                parallelism = positiveIntProperty(THREADS_PROPERTY,
                        System.getProperty(THREADS_PROPERTY),
                        Runtime.getRuntime().availableProcessors());
                cutoff = positiveIntProperty(CUTOFF_PROPERTY,
                        System.getProperty(CUTOFF_PROPERTY), DEFAULT_SERIAL_CUTOFF);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            PARALLELISM = parallelism;
            SERIAL_CUTOFF = cutoff;
            PROBLEM = problem;
        }

        static void check() {
            if (PROBLEM != null) {
                throw new IllegalArgumentException(PROBLEM);
            }
        }
    }

    /** The shared helper threads, started on the first parallel run. */
    private static final class WorkerPool {
        static final ExecutorService EXECUTOR = start(Settings.PARALLELISM - 1);

        private static ExecutorService start(int threads) {
            AtomicInteger number = new AtomicInteger();
            return Executors.newFixedThreadPool(threads, runnable -> {
                String name = "jvectorize-worker-" + number.incrementAndGet();
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }
    }
}
