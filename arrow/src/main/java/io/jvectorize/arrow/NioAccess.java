package io.jvectorize.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The JVM flag Arrow needs, checked once: Arrow views its memory through direct ByteBuffers
 * (bulk copies, IPC files), whose constructor JDK 17 and later open only to a JVM started with
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED}. Without it Arrow fails deep inside a
 * copy with "DirectByteBuffer.<init>(long, int) not available"; this says what to change.
 */
final class NioAccess {

    static final String FLAG = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    private static volatile boolean open;

    private NioAccess() {}

    /** @throws IllegalStateException if the JVM was started without {@link #FLAG} */
    static void require() {
        if (open) {
            return;
        }
        try (BufferAllocator allocator = new RootAllocator(); ArrowBuf probe = allocator.buffer(8)) {
            probe.nioBuffer(0, 8);
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("Arrow needs the JVM flag " + FLAG + " on JDK 17 and later: add it to"
                    + " the java command line (or to surefire's argLine in tests)", e);
        }
        open = true;
    }
}
