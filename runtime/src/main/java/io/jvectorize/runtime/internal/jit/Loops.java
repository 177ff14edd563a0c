package io.jvectorize.runtime.internal.jit;

import io.jvectorize.runtime.Simd;
import io.jvectorize.runtime.internal.emit.ClassFiles;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generated-loop engine's entry: compiles a pass into a {@link FusedLoop} where the Vector
 * API pays ({@link VectorSupport#WIDE}) and its steps fit one ({@link LoopShape}), and keeps the
 * loops defined so far. Where a loop cannot be written or the JVM refuses its class, the block
 * engine computes the same values, so nothing is lost but speed; in strict test mode that is an
 * error ({@link ClassFiles#STRICT}).
 */
public final class Loops {

    /** The most vector operations one loop may hold: see {@link LoopShape#MAX_OPERATIONS}. */
    public static final int MAX_OPERATIONS = LoopShape.MAX_OPERATIONS;

    /**
     * The loops defined so far, by class file and lane functions: passes that differ only in
     * their numbers, such as {@code x * 1.5 + 1} and {@code x * 2.5 + 1}, share one class, so
     * each new one needs neither a class definition nor a JIT compilation. Bounded: the least
     * recently used goes first, and its class is unloaded once no plan uses it.
     */
    private static final int CACHE_CAPACITY = 256;
    private static final Map<Key, Optional<FusedLoop>> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Optional<FusedLoop>> eldest) {
            return size() > CACHE_CAPACITY;
        }
    };

    /** The loop classes defined so far, for tests: a cache hit defines none. */
    private static final AtomicLong DEFINED = new AtomicLong();

    private static final MethodType RUN = MethodType.fromMethodDescriptorString(LoopWriter.RUN,
            Loops.class.getClassLoader());

    /** A loop's class file and the lane functions it calls, compared by content and identity. */
    private record Key(ByteBuffer classFile, List<MethodHandle> laneFunctions) {}

    private Loops() {}

    /**
     * The loop of the pass's elementwise work (a reduction's operand), which writes into the
     * result array or the register its fold reads; empty where there is none (see the class
     * comment). Defines a class only for a loop no earlier pass has.
     */
    public static Optional<FusedLoop> compile(Pass pass) {
        if (!Simd.ENABLED || !VectorSupport.WIDE) {
            return Optional.empty();
        }
        Optional<LoopShape> shape = LoopShape.of(pass);
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        LoopWriter writer = new LoopWriter(shape.get());
        byte[] classFile;
        try {
            classFile = writer.write();
        } catch (RuntimeException e) {
            ClassFiles.fallBack("the loop writer failed on " + pass.text(), e);
            return Optional.empty();
        }
        Key key = new Key(ByteBuffer.wrap(classFile), List.copyOf(writer.laneFunctions));
        synchronized (CACHE) {
            Optional<FusedLoop> loop = CACHE.get(key);
            if (loop != null) {
                return loop;
            }
        }
        Optional<FusedLoop> loop;
        try {
            MethodHandles.Lookup defined = ClassFiles.define(MethodHandles.lookup(), classFile, key.laneFunctions());
            loop = Optional.of(new FusedLoop(defined.findStatic(defined.lookupClass(), "run", RUN),
                    shape.get().element.lanes(), shape.get().usesVectorMath));
            DEFINED.incrementAndGet();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            ClassFiles.fallBack("the generated loop class of " + pass.text() + " was refused", e);
            loop = Optional.empty(); // cached too, so that it is not defined again
        }
        synchronized (CACHE) {
            Optional<FusedLoop> raced = CACHE.putIfAbsent(key, loop);
            return raced != null ? raced : loop;
        }
    }

    /** The number of loop classes defined so far. */
    public static long definedLoops() {
        return DEFINED.get();
    }
}
