package io.jvectorize.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvectorize.runtime.Table;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arrow IPC files written by another implementation: pyarrow 25 (C++), once, by
 * {@code make_pyarrow_files.py} beside them; the build needs no Python.
 */
class ForeignIpcTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ForeignIpcTest.class.getResource(name).toURI());
    }

    /** What make_pyarrow_files.py wrote, as the Table it reads as. */
    private static Table expected() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("f64", new Double[] {1.5, nan, null, -0.0, inf, -inf, 1e-310});
        columns.put("f32", new Float[] {1.5f, Float.NaN, null, -0.0f, 3.4e38f, -1.0f, 0.1f});
        columns.put("i64", new Long[] {0L, null, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 42L, 7L});
        columns.put("i32", new Integer[] {1, 2, 3, null, Integer.MIN_VALUE, Integer.MAX_VALUE, 0});
        columns.put("b", new Boolean[] {true, false, null, true, true, false, null});
        columns.put("s", new String[] {"Ann", "", null, "é€😀", "two\nlines", "x,y", "last"});
        columns.put("ls", new String[] {"a", null, "b", "c", "d", "e", "f"});
        columns.put("i8", new Integer[] {-128, 127, null, 0, 1, 2, 3});
        columns.put("u16", new Integer[] {65535, 0, null, 1, 2, 3, 4});
        columns.put("u32", new Long[] {4294967295L, 0L, 1L, null, 2L, 3L, 4L});
        columns.put("cat", new String[] {"red", "green", "red", null, "blue", "green", "red"});
        columns.put("nothing", new String[7]);
        return Table.of(columns);
    }

    @Test
    void theFileFormatInLz4CompressedBatches() throws Exception {
        Table t = ArrowTables.readIpc(resource("pyarrow.arrow"));
        assertEquals(expected(), t);
        assertEquals("var * {f64: ?float64, f32: ?float32, i64: ?int64, i32: ?int32, b: ?bool, s: ?string, ls: ?string,"
                + " i8: ?int32, u16: ?int32, u32: ?int64, cat: ?string, nothing: ?string}", t.schema());
    }

    @Test
    void theStreamFormatZstdCompressed() throws Exception {
        assertEquals(expected(), ArrowTables.readIpc(resource("pyarrow.arrows")));
    }

    @Test
    void aDateColumnIsAnErrorThatNamesIt() throws URISyntaxException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArrowTables.readIpc(resource("dates.arrow")));
        assertEquals("column day has Arrow type Date(DAY), which no Table column holds: Table columns are float64,"
                + " float32, int64, int32, bool and string (int8, int16, uint8 and uint16 read as int32, uint32 as"
                + " int64); cast it to one of those first", e.getMessage());
    }

    @Test
    void whatWeWriteReadsBackTheSame(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("copy.arrow");
        ArrowTables.writeIpc(expected(), file);
        assertEquals(expected(), ArrowTables.readIpc(file));
    }
}
