package io.jvectorize.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvectorize.runtime.Table;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code --add-opens=java.base/java.nio=ALL-UNNAMED}: every entry point says which
 * flag to add. Runs only in the surefire execution {@code closed-nio}, which starts the JVM
 * without the flag.
 */
class ClosedNioTest {

    private static final String MESSAGE = "Arrow needs the JVM flag --add-opens=java.base/java.nio=ALL-UNNAMED on JDK"
            + " 17 and later: add it to the java command line (or to surefire's argLine in tests)";

    @TempDir
    Path dir;

    @Test
    void everyEntryPointNamesTheFlag() {
        Table t = Table.of(Map.of("x", new double[] {1}));
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(MESSAGE, assertThrows(IllegalStateException.class, () -> ArrowTables.toArrow(t, allocator))
                    .getMessage());
        }
        assertEquals(MESSAGE, assertThrows(IllegalStateException.class,
                () -> ArrowTables.writeIpc(t, dir.resolve("t.arrow"))).getMessage());
        assertEquals(MESSAGE, assertThrows(IllegalStateException.class,
                () -> ArrowTables.readIpc(dir.resolve("t.arrow"))).getMessage());
    }
}
