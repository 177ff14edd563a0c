package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.warm.Warming;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;

/**
 * Keeps a call from running a Vector API loop that the JIT has not compiled yet. Until C2
 * compiles it, such a loop boxes every vector and runs tens of times slower than the plain
 * scalar loop of the same function; so a generated kernel runs its scalar loop while one
 * background thread, {@code jvectorize-warmup}, warms the SIMD loop on scratch data, and
 * switches once that thread measures the SIMD loop about as fast as the scalar one
 * ({@link #compiled()}). {@code Compute}'s generated loops warm the same way, with the block
 * engine's scalar kernels meanwhile.
 *
 * <p>A call over at least {@value #LARGE_CALL} elements takes the SIMD loop at once, warmed or
 * not: HotSpot compiles a loop that long within the call (on-stack replacement), so the call
 * repays its unwarmed start, where the scalar loop would run until the warming ends.
 *
 * <p>Each generated SIMD loop has one warm-up, made when its companion class is initialized
 * (which loads nothing more) and started by the loop's first call. Loops warm one after
 * another, in the order of their first calls, each for at most 5 s; a loop that is not fast by
 * then (or whose scratch call throws) runs from then on, as it would without warming. The
 * scratch arrays hold {@value #SCRATCH_LENGTH} elements (and 5, and none, so that the compiled
 * loop has seen its vector loop, its scalar tail and an empty range) of values 1 to 7.
 *
 * <p>Results do not depend on it beyond the documented bounds: the scalar and SIMD loops agree
 * bit for bit for arithmetic and within {@link Compute#VECTOR_MATH_ULPS} ulps for math
 * functions (as the Vector API's interpreted and compiled math already do). A call that runs
 * while a loop switches may hold elements of both.
 *
 * <p>The system property {@value #PROPERTY}{@code =false} turns warming off: every call runs
 * the SIMD loop from the first, compiled or not.
 */
public final class SimdWarmup {

    /** The system property that turns warming off when {@code false}. */
    public static final String PROPERTY = "jvectorize.warmup";

    /** Whether Vector API loops warm before calls run them; read once. */
    public static final boolean ENABLED = Simd.ENABLED && enabled(System.getProperty(PROPERTY));

    /** The elements from which a call takes the SIMD loop at once, warmed or not. */
    public static final int LARGE_CALL = Warming.LARGE_CALL;

    /** The elements of the scratch arrays: tens of vectors, and a tail on every vector width. */
    public static final int SCRATCH_LENGTH = 251;

    private final Warming warming;

    private SimdWarmup(Warming warming) {
        this.warming = warming;
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
        return new SimdWarmup(new Warming(!ENABLED, new LoopJob(companion, simdClass, loop, type)));
    }

    /**
     * Whether the SIMD loop runs at compiled speed, or warming is off or over: then calls take
     * the SIMD loop. The first call starts the warming and returns false.
     */
    public boolean compiled() {
        return warming.compiled();
    }

    /**
     * Whether a call over elements {@code from} to {@code to} takes the SIMD loop: where it has
     * at least {@value #LARGE_CALL} elements (without starting the warming), or as
     * {@link #compiled()}. What generated loops ask, with the whole call's range ({@code 0} and
     * the output's length), so that a {@code Parallel} variant's chunks are judged by their call.
     */
    public boolean compiled(int from, int to) {
        return warming.compiled((long) to - from);
    }

    /** Waits until {@link #compiled()} holds, at most {@code millis} ms; whether it does. */
    public boolean awaitCompiled(long millis) throws InterruptedException {
        return warming.awaitCompiled(millis);
    }

    /** The Vector API loops, of kernels and of {@code Compute}, whose warming has started and not ended. */
    public static int pending() {
        return Warming.pending();
    }

    /** Calls a companion's loop and its SIMD class's on scratch arrays. */
    private static final class LoopJob implements Warming.Job, Warming.Trial {
        private final MethodHandles.Lookup companion;
        private final String simdClass;
        private final String loop;
        private final MethodType type;
        private MethodHandle scalarCall;
        private MethodHandle simdCall;
        private Object[] full;
        private Object[] tailOnly;
        private Object[] empty;

        LoopJob(MethodHandles.Lookup companion, String simdClass, String loop, MethodType type) {
            this.companion = companion;
            this.simdClass = simdClass;
            this.loop = loop;
            this.type = type;
        }

        @Override
        public Warming.Trial prepare() throws ReflectiveOperationException {
            Class<?> owner = companion.lookupClass();
            Class<?> simd = Class.forName(owner.getPackageName() + "." + simdClass, true, owner.getClassLoader());
            // The companion's loop takes its scalar path while warming is on.
            scalarCall = spread(companion.findStatic(owner, loop, type));
            simdCall = spread(companion.findStatic(simd, loop, type));
            full = scratch(type, SCRATCH_LENGTH);
            tailOnly = scratch(type, 5);
            empty = scratch(type, 0);
            return this;
        }

        @Override
        public void scalar() throws Throwable {
            scalarCall.invokeExact(full);
        }

        @Override
        public void vector() throws Throwable {
            simdCall.invokeExact(full);
        }

        @Override
        public void otherShapes() throws Throwable {
            simdCall.invokeExact(tailOnly);
            simdCall.invokeExact(empty);
        }

        /** A handle that takes the loop's arguments as one array. */
        private static MethodHandle spread(MethodHandle loop) {
            return loop.asSpreader(Object[].class, loop.type().parameterCount())
                    .asType(MethodType.methodType(void.class, Object[].class));
        }
    }

    /**
     * Arguments for a loop {@code (inputs..., out, from, to)}: arrays of {@code length} ordinary
     * values (none zero, so that no divisor check stops the vector loop), scalars of the same kind.
     */
    static Object[] scratch(MethodType type, int length) {
        int count = type.parameterCount();
        Object[] arguments = new Object[count];
        for (int i = 0; i < count - 2; i++) {
            Class<?> parameter = type.parameterType(i);
            arguments[i] = parameter.isArray() ? scratchArray(parameter.getComponentType(), length) : value(parameter, i);
        }
        arguments[count - 2] = 0;
        arguments[count - 1] = length;
        return arguments;
    }

    /** An array of {@code length} scratch values of a primitive type. */
    public static Object scratchArray(Class<?> elementType, int length) {
        Object array = Array.newInstance(elementType, length);
        for (int k = 0; k < length; k++) {
            Array.set(array, k, value(elementType, k));
        }
        return array;
    }

    /** The {@code k}th scratch value of a primitive type: 1 to 7, and a quarter more for floating point. */
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
