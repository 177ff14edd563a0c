package io.jvectorize.runtime.internal.jit;

import io.jvectorize.runtime.internal.block.WholeVectors;
import io.jvectorize.runtime.internal.emit.ClassFiles;
import io.jvectorize.runtime.internal.ir.Pass;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scalar-loop engine's entry: compiles a pass into one generated scalar loop
 * ({@link ScalarLoopWriter}), a {@link WholeVectors} of one lane, which needs neither the
 * Vector API nor a warm-up: the path runs take while the pass's Vector API loop warms. Passes
 * that differ only in their numbers share one class.
 */
public final class ScalarLoops {

    /** A loop's class file and scalar forms, compared by content and identity. */
    private record Key(ByteBuffer classFile, List<Object> forms) {
        // equals and hashCode written out: a record's generated ones bootstrap method handles on
        // first use, which a fresh JVM's first compute would pay for (#18).
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && classFile.equals(that.classFile) && forms.equals(that.forms);
        }

        @Override
        public int hashCode() {
            return 31 * classFile.hashCode() + forms.hashCode();
        }
    }

    /** Few distinct shapes exist in a program; a shape's class stays while its key does. */
    private static final int CACHE_CAPACITY = 256;
    private static final Map<Key, Optional<WholeVectors>> CACHE = new ConcurrentHashMap<>();
    private static final AtomicLong DEFINED = new AtomicLong();

    private ScalarLoops() {}

    /** The pass's scalar loop, or empty where the writer does not take the pass or its class could not be defined. */
    public static Optional<WholeVectors> compile(Pass pass) {
        Optional<ScalarLoopWriter> writer = ScalarLoopWriter.of(pass);
        if (writer.isEmpty()) {
            return Optional.empty();
        }
        byte[] classFile;
        try {
            classFile = writer.get().write();
        } catch (RuntimeException e) {
            ClassFiles.fallBack("the scalar loop writer failed on " + pass.text(), e);
            return Optional.empty();
        }
        Key key = new Key(ByteBuffer.wrap(classFile), List.copyOf(writer.get().forms));
        Optional<WholeVectors> loop = CACHE.get(key);
        if (loop != null) {
            return loop;
        }
        try {
            MethodHandles.Lookup defined = ClassFiles.define(MethodHandles.lookup(), classFile, key.forms());
            loop = Optional.of((WholeVectors) defined.findConstructor(defined.lookupClass(),
                    MethodType.methodType(void.class)).invoke());
            DEFINED.incrementAndGet();
        } catch (Throwable e) {
            ClassFiles.fallBack("the scalar loop class of " + pass.text() + " was refused", e);
            loop = Optional.empty(); // cached too, so that it is not defined again
        }
        if (CACHE.size() >= CACHE_CAPACITY) {
            CACHE.clear(); // a program with this many shapes: start over rather than hold them all
        }
        Optional<WholeVectors> raced = CACHE.putIfAbsent(key, loop);
        return raced != null ? raced : loop;
    }

    /** The number of scalar loop classes defined so far, for tests: a cache hit defines none. */
    public static long definedLoops() {
        return DEFINED.get();
    }
}
