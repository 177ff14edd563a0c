package io.jvectorize.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Keeps a call from running a Vector API loop that the JIT has not compiled yet. Until C2
 * compiles it, such a loop boxes every vector and runs tens of times slower than the plain
 * scalar loop of the same function; so a generated kernel runs its scalar loop while one
 * background thread warms the SIMD loop on scratch data, and switches once that thread measures
 * the SIMD loop at least about as fast as the scalar one ({@link #compiled()}).
 *
 * <p>Each generated SIMD loop has one warm-up, made when its companion class is initialized
 * (which costs nothing more) and started by the loop's first call. The warming runs on one
 * daemon thread, {@code jvectorize-warmup}, one loop after another, each for at most
 * {@value #BUDGET_MILLIS} ms; a loop that is not fast by then (or whose scratch call throws)
 * switches to its SIMD loop anyway, as it would without warming. The scratch arrays are
 * {@value #SCRATCH_LENGTH} elements and shorter ones, so that the compiled loop has seen its
 * vector loop, its scalar tail and an empty range.
 *
 * <p>Results do not depend on it beyond the documented bounds: the scalar and SIMD loops agree
 * bit for bit for arithmetic and within {@link Compute#VECTOR_MATH_ULPS} ulps for math
 * functions, as the Vector API's interpreted and compiled math already do. A call that runs
 * while a loop switches may hold elements of both.
 *
 * <p>The system property {@value #PROPERTY}{@code =false} turns warming off: every call runs
 * the SIMD loop from the first, compiled or not.
 */
public final class SimdWarmup {

    /** The system property that turns warming off when {@code false}. */
    public static final String PROPERTY = "jvectorize.warmup";

    /** Whether SIMD loops warm before they run; read once. */
    public static final boolean ENABLED = Simd.ENABLED && enabled(System.getProperty(PROPERTY));

    /** The longest a loop is warmed, in milliseconds of the warming thread's wall time. */
    static final long BUDGET_MILLIS = 5_000;
    /** The elements of the scratch arrays: tens of vectors, and a tail on every vector width. */
    static final int SCRATCH_LENGTH = 251;
    /** The SIMD loop counts as compiled when its scratch call takes at most this times the scalar loop's. */
    static final double FAST_ENOUGH = 1.25;
    /** Consecutive fast scratch calls needed, so that one lucky timing does not decide. */
    static final int FAST_CALLS = 3;

    private static final BlockingQueue<SimdWarmup> QUEUE = new LinkedBlockingQueue<>();
    private static Thread worker;

    private final MethodHandles.Lookup companion;
    private final String simdClass;
    private final String loop;
    private final MethodType type;
    private volatile boolean compiled;
    private volatile boolean started;

    private SimdWarmup(MethodHandles.Lookup companion, String simdClass, String loop, MethodType type,
            boolean compiled) {
        this.companion = companion;
        this.simdClass = simdClass;
        this.loop = loop;
        this.type = type;
        this.compiled = compiled;
    }

    /**
     * The warm-up of one SIMD loop, for a generated companion class: nothing is loaded or run
     * until the loop's first call.
     *
     * @param companion the companion's lookup, which can see its loop and the SIMD class's
     * @param simdClass the simple name of the SIMD class, in the companion's package
     * @param loop the name of the loop, the same in both classes, with the same parameters
     * @param parameters the loop's parameter types but its last two, {@code int from, int to}:
     *     an array or a scalar per argument, then the result array
     */
    public static SimdWarmup of(MethodHandles.Lookup companion, String simdClass, String loop, Class<?>... parameters) {
        MethodType type = MethodType.methodType(void.class, parameters).appendParameterTypes(int.class, int.class);
        return new SimdWarmup(companion, simdClass, loop, type, !ENABLED);
    }

    /**
     * Whether the SIMD loop runs at compiled speed, or warming is off or given up: then calls
     * take the SIMD loop. The first call starts the warming and returns false.
     */
    public boolean compiled() {
        if (compiled) {
            return true;
        }
        if (!started) {
            start();
        }
        return false;
    }

    /** For tests: waits until {@link #compiled()} holds, at most {@code millis} ms; whether it does. */
    boolean awaitCompiled(long millis) throws InterruptedException {
        compiled();
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!compiled && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return compiled;
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        QUEUE.add(this);
        synchronized (QUEUE) {
            if (worker == null) {
                worker = new Worker();
                worker.start();
            }
        }
    }

    /**
     * The warming thread: warms the loops in the order of their first calls. A class of its own,
     * not a lambda, so that the first call does not pay for bootstrapping one.
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
                SimdWarmup next;
                try {
                    next = QUEUE.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    next.warm();
                } catch (Throwable e) { // a scratch call that throws: the SIMD loop runs as it would unwarmed
                } finally {
                    next.compiled = true;
                }
            }
        }
    }

    /** Runs both loops on scratch data until the SIMD one is fast or the budget is spent. */
    private void warm() throws Throwable {
        String name = companion.lookupClass().getPackageName() + "." + simdClass;
        Class<?> simd = Class.forName(name, true, companion.lookupClass().getClassLoader());
        MethodHandle scalarCall = spread(companion.findStatic(companion.lookupClass(), loop, type));
        MethodHandle simdCall = spread(companion.findStatic(simd, loop, type));
        Object[] full = scratch(type, SCRATCH_LENGTH);
        Object[] tailOnly = scratch(type, 5);
        Object[] empty = scratch(type, 0);
        long deadline = System.nanoTime() + BUDGET_MILLIS * 1_000_000;
        long bestScalar = Long.MAX_VALUE;
        int fastCalls = 0;
        while (fastCalls < FAST_CALLS && System.nanoTime() < deadline) {
            long start = System.nanoTime();
            scalarCall.invokeExact(full);
            bestScalar = Math.min(bestScalar, System.nanoTime() - start);
            start = System.nanoTime();
            simdCall.invokeExact(full);
            long simdTime = System.nanoTime() - start;
            fastCalls = simdTime <= FAST_ENOUGH * bestScalar ? fastCalls + 1 : 0;
            simdCall.invokeExact(tailOnly);
            simdCall.invokeExact(empty);
        }
    }

    /** A handle that takes the loop's arguments as one array. */
    private static MethodHandle spread(MethodHandle loop) {
        return loop.asSpreader(Object[].class, loop.type().parameterCount())
                .asType(MethodType.methodType(void.class, Object[].class));
    }

    /**
     * Arguments for a loop {@code (inputs..., out, from, to)}: arrays of {@code length} ordinary
     * values (none zero, so that no divisor check stops the vector loop), scalars of the same kind.
     */
    private static Object[] scratch(MethodType type, int length) {
        int count = type.parameterCount();
        Object[] arguments = new Object[count];
        for (int i = 0; i < count - 2; i++) {
            Class<?> parameter = type.parameterType(i);
            if (parameter.isArray()) {
                Object array = Array.newInstance(parameter.getComponentType(), length);
                for (int k = 0; k < length; k++) {
                    Array.set(array, k, value(parameter.getComponentType(), k));
                }
                arguments[i] = array;
            } else {
                arguments[i] = value(parameter, i);
            }
        }
        arguments[count - 2] = 0;
        arguments[count - 1] = length;
        return arguments;
    }

    /** The {@code k}th scratch value of a primitive type: 1 to 7, a quarter more for floating point. */
    private static Object value(Class<?> type, int k) {
        int small = 1 + k % 7;
        if (type == double.class) {
            return small + 0.25;
        } else if (type == float.class) {
            return small + 0.25f;
        } else if (type == long.class) {
            return (long) small;
        } else if (type == int.class) {
            return small;
        } else if (type == short.class) {
            return (short) small;
        } else if (type == byte.class) {
            return (byte) small;
        } else if (type == boolean.class) {
            return k % 3 != 0;
        }
        throw new IllegalArgumentException("no scratch value of type " + type);
    }

    /**
     * Whether warming is on, given the property's value (null if unset).
     *
     * @throws IllegalArgumentException if the property is neither {@code true} nor {@code false}
     */
    static boolean enabled(String property) {
        if (property == null || property.equalsIgnoreCase("true")) {
            return true;
        }
        if (property.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("System property " + PROPERTY + " must be true or false, but is \""
                + property + "\"");
    }
}
