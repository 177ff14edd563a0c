package io.jvectorize.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Column;
import io.jvectorize.runtime.Table;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables to Arrow vectors and back, Arrow IPC files both ways, and Arrow data Tables cannot hold. */
class ArrowTablesTest {

    @TempDir
    Path dir;

    private BufferAllocator allocator;

    @BeforeEach
    void allocate() {
        allocator = new RootAllocator();
    }

    /** Closing fails where any test left Arrow memory allocated. */
    @AfterEach
    void noLeaks() {
        allocator.close();
    }

    /** Every type, with missing values, NaN, signed zeros, extremes and text beyond ASCII. */
    static Table everyType(int rows, long seed) {
        Random random = new Random(seed);
        Double[] f64 = new Double[rows];
        Float[] f32 = new Float[rows];
        Long[] i64 = new Long[rows];
        Integer[] i32 = new Integer[rows];
        Boolean[] b = new Boolean[rows];
        String[] s = new String[rows];
        double[] special = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MAX_VALUE};
        String[] words = {"", "Ann", "é€😀", "two\nlines", "\u0000nul", "x,y"};
        for (int r = 0; r < rows; r++) {
            boolean missing = random.nextInt(5) == 0;
            f64[r] = missing ? null : random.nextBoolean() ? special[random.nextInt(special.length)] : random.nextGaussian();
            f32[r] = random.nextInt(5) == 0 ? null : random.nextBoolean() ? Float.NaN : (float) random.nextGaussian();
            i64[r] = random.nextInt(5) == 0 ? null : random.nextBoolean() ? Long.MIN_VALUE : random.nextLong();
            i32[r] = random.nextInt(5) == 0 ? null : random.nextInt();
            b[r] = random.nextInt(5) == 0 ? null : random.nextBoolean();
            s[r] = random.nextInt(5) == 0 ? null : words[random.nextInt(words.length)] + r;
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("f64", f64);
        columns.put("f32", f32);
        columns.put("i64", i64);
        columns.put("i32", i32);
        columns.put("b", b);
        columns.put("s", s);
        long[] plain = new long[rows];
        double[] spaced = new double[rows];
        for (int r = 0; r < rows; r++) {
            plain[r] = r;
            spaced[r] = r * 0.5;
        }
        columns.put("plain", plain);
        columns.put("first name", spaced);
        return Table.of(columns);
    }

    @Test
    void everyTypeToArrowAndBack() {
        Table t = everyType(1001, 1);
        try (VectorSchemaRoot root = ArrowTables.toArrow(t, allocator)) {
            assertEquals(1001, root.getRowCount());
            assertInstanceOf(Float8Vector.class, root.getVector("f64"));
            assertInstanceOf(Float4Vector.class, root.getVector("f32"));
            assertInstanceOf(BigIntVector.class, root.getVector("i64"));
            assertInstanceOf(IntVector.class, root.getVector("i32"));
            assertInstanceOf(BitVector.class, root.getVector("b"));
            assertInstanceOf(VarCharVector.class, root.getVector("s"));
            // Arrow's own accessors see the values and nulls of the table.
            for (Column column : t.columns()) {
                FieldVector vector = root.getVector(column.name());
                assertTrue(vector.getField().isNullable());
                assertEquals(column.missingCount(), vector.getNullCount(), column.name());
                for (int row = 0; row < t.rowCount(); row++) {
                    Object expected = column.get(row);
                    Object actual = vector.getObject(row);
                    if (actual instanceof org.apache.arrow.vector.util.Text) {
                        actual = actual.toString();
                    }
                    assertEquals(expected, actual, column.name() + " row " + row);
                }
            }
            assertEquals(t, ArrowTables.fromArrow(root));
        }
    }

    @Test
    void emptyTables() {
        Table noRows = Table.of(Map.of("x", new double[0]));
        try (VectorSchemaRoot root = ArrowTables.toArrow(noRows, allocator)) {
            assertEquals(noRows, ArrowTables.fromArrow(root));
        }
        Table nothing = Table.of(Map.of());
        try (VectorSchemaRoot root = ArrowTables.toArrow(nothing, allocator)) {
            assertEquals(nothing, ArrowTables.fromArrow(root));
        }
    }

    @Test
    void ipcFilesRoundTrip() throws IOException {
        Table t = everyType(5000, 2);
        Path file = dir.resolve("t.arrow");
        ArrowTables.writeIpc(t, file);
        assertEquals(t, ArrowTables.readIpc(file));
        // Written in the file format, which Arrow's file reader opens.
        try (FileChannel channel = FileChannel.open(file);
                ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            assertEquals(1, reader.getRecordBlocks().size());
            assertEquals("Schema<f64: FloatingPoint(DOUBLE), f32: FloatingPoint(SINGLE), i64: Int(64, true), i32: Int(32,"
                    + " true), b: Bool, s: Utf8, plain: Int(64, true), first name: FloatingPoint(DOUBLE)>",
                    reader.getVectorSchemaRoot().getSchema().toString());
        }
        ArrowTables.writeIpc(Table.of(Map.of("x", new long[] {1})), file);
        assertEquals(Table.of(Map.of("x", new long[] {1})), ArrowTables.readIpc(file), "an existing file is replaced");
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left");
        }
    }

    /** Several record batches, in both IPC formats, become one table in order. */
    @Test
    void batchesOfFileAndStreamFormats() throws IOException {
        Table whole = everyType(700, 3);
        Path fileFormat = dir.resolve("batches.arrow");
        Path streamFormat = dir.resolve("batches.arrows");
        try (VectorSchemaRoot all = ArrowTables.toArrow(whole, allocator);
                FileChannel file = FileChannel.open(fileFormat, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                ArrowFileWriter writer = new ArrowFileWriter(all, null, file);
                FileChannel stream = FileChannel.open(streamFormat, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                ArrowStreamWriter streamWriter = new ArrowStreamWriter(all, null, stream)) {
            writer.start();
            streamWriter.start();
            // Batches of 300, 700 and 0 rows, each loaded into the root the writers write.
            for (Table part : List.of(whole.head(300), whole, whole.head(0))) {
                try (VectorSchemaRoot source = ArrowTables.toArrow(part, allocator);
                        ArrowRecordBatch batch = new VectorUnloader(source).getRecordBatch()) {
                    new VectorLoader(all).load(batch);
                }
                writer.writeBatch();
                streamWriter.writeBatch();
            }
            writer.end();
            streamWriter.end();
        }
        Table expected = concatenate(whole.head(300), whole);
        assertEquals(expected, ArrowTables.readIpc(fileFormat));
        assertEquals(expected, ArrowTables.readIpc(streamFormat));
    }

    /** {@code a}'s rows, then {@code b}'s, through boxed values (for the expected table only). */
    private static Table concatenate(Table a, Table b) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Column column : a.columns()) {
            Column other = b.column(column.name());
            Object[] values = switch (column.typeName()) {
                case "float64" -> new Double[a.rowCount() + b.rowCount()];
                case "float32" -> new Float[a.rowCount() + b.rowCount()];
                case "int64" -> new Long[a.rowCount() + b.rowCount()];
                case "int32" -> new Integer[a.rowCount() + b.rowCount()];
                case "bool" -> new Boolean[a.rowCount() + b.rowCount()];
                default -> new String[a.rowCount() + b.rowCount()];
            };
            for (int row = 0; row < a.rowCount(); row++) {
                values[row] = column.get(row);
            }
            for (int row = 0; row < b.rowCount(); row++) {
                values[a.rowCount() + row] = other.get(row);
            }
            columns.put(column.name(), values);
        }
        return Table.of(columns);
    }

    @Test
    void narrowAndUnsignedIntegersWiden() {
        try (TinyIntVector i8 = new TinyIntVector("i8", allocator);
                SmallIntVector i16 = new SmallIntVector("i16", allocator);
                UInt1Vector u8 = new UInt1Vector("u8", allocator);
                UInt2Vector u16 = new UInt2Vector("u16", allocator);
                UInt4Vector u32 = new UInt4Vector("u32", allocator)) {
            i8.setSafe(0, -128);
            i8.setSafe(1, 127);
            i8.setNull(2);
            i16.setSafe(0, Short.MIN_VALUE);
            i16.setSafe(1, Short.MAX_VALUE);
            i16.setSafe(2, 0);
            u8.setSafe(0, (byte) 0xFF);
            u8.setSafe(1, 0);
            u8.setSafe(2, 1);
            u16.setSafe(0, 0xFFFF);
            u16.setNull(1);
            u16.setSafe(2, 7);
            u32.setSafe(0, -1);
            u32.setSafe(1, 0);
            u32.setSafe(2, Integer.MIN_VALUE);
            for (FieldVector v : List.<FieldVector>of(i8, i16, u8, u16, u32)) {
                v.setValueCount(3);
            }
            Table t = ArrowTables.fromArrow(VectorSchemaRoot.of(i8, i16, u8, u16, u32));
            assertEquals("var * {i8: ?int32, i16: int32, u8: int32, u16: ?int32, u32: int64}", t.schema());
            assertArrayEquals(new int[] {-128, 127, 0}, (int[]) t.column("i8").values());
            assertArrayEquals(new int[] {Short.MIN_VALUE, Short.MAX_VALUE, 0}, (int[]) t.column("i16").values());
            assertArrayEquals(new int[] {255, 0, 1}, (int[]) t.column("u8").values());
            assertArrayEquals(new int[] {65535, 0, 7}, (int[]) t.column("u16").values());
            assertArrayEquals(new long[] {4294967295L, 0, 2147483648L}, (long[]) t.column("u32").values());
        }
    }

    @Test
    void otherStringLayoutsAndTheNullType() {
        try (LargeVarCharVector large = new LargeVarCharVector("large", allocator);
                ViewVarCharVector view = new ViewVarCharVector("view", allocator);
                NullVector nothing = new NullVector("nothing", 2)) {
            large.setSafe(0, "a long string past twelve bytes é".getBytes(StandardCharsets.UTF_8));
            large.setNull(1);
            view.setSafe(0, "short".getBytes(StandardCharsets.UTF_8));
            view.setSafe(1, "a view string longer than twelve bytes".getBytes(StandardCharsets.UTF_8));
            large.setValueCount(2);
            view.setValueCount(2);
            Table t = ArrowTables.fromArrow(VectorSchemaRoot.of(large, view, nothing));
            assertEquals("var * {large: ?string, view: string, nothing: ?string}", t.schema());
            assertArrayEquals(new String[] {"a long string past twelve bytes é", null}, (String[]) t.column("large").values());
            assertArrayEquals(new String[] {"short", "a view string longer than twelve bytes"},
                    (String[]) t.column("view").values());
            assertEquals(2, t.column("nothing").missingCount());
        }
    }

    @Test
    void typesWithoutATableColumnAreErrorsThatNameTheColumn() {
        String tail = ", which no Table column holds: Table columns are float64, float32, int64, int32, bool and string"
                + " (int8, int16, uint8 and uint16 read as int32, uint32 as int64); cast it to one of those first";
        try (DateDayVector day = new DateDayVector("day", allocator);
                UInt8Vector u64 = new UInt8Vector("", allocator);
                ListVector list = ListVector.empty("tags", allocator)) {
            assertEquals("column day has Arrow type Date(DAY)" + tail, error(VectorSchemaRoot.of(day)));
            assertEquals("column number 1 has Arrow type Int(64, false)" + tail, error(VectorSchemaRoot.of(u64)));
            assertEquals("column tags has Arrow type List" + tail, error(VectorSchemaRoot.of(list)));
        }
    }

    @Test
    void namesTablesRejectAreErrors() {
        try (IntVector a = new IntVector("", allocator);
                IntVector b = new IntVector("x", allocator);
                IntVector c = new IntVector("x", allocator)) {
            assertEquals("Arrow field 1: column name is empty; a column name is any non-empty text without backticks or"
                    + " control characters that does not start or end with white space", error(VectorSchemaRoot.of(a)));
            assertEquals("two columns are named \"x\"; give every column its own name", error(VectorSchemaRoot.of(b, c)));
        }
    }

    @Test
    void dictionaryEncodedColumnsNeedTheirDictionaries() {
        try (VarCharVector words = new VarCharVector("words", new FieldType(true, new ArrowType.Utf8(),
                        new DictionaryEncoding(7, false, null)), allocator);
                VarCharVector plain = new VarCharVector("color", allocator)) {
            words.setSafe(0, "red".getBytes(StandardCharsets.UTF_8));
            words.setSafe(1, "blue".getBytes(StandardCharsets.UTF_8));
            words.setValueCount(2);
            String[] colors = {"blue", "red", null, "blue"};
            for (int i = 0; i < colors.length; i++) {
                if (colors[i] != null) {
                    plain.setSafe(i, colors[i].getBytes(StandardCharsets.UTF_8));
                }
            }
            plain.setValueCount(colors.length);
            Dictionary dictionary = new Dictionary(words, new DictionaryEncoding(7, false, null));
            try (FieldVector indices = (FieldVector) DictionaryEncoder.encode(plain, dictionary)) {
                VectorSchemaRoot root = VectorSchemaRoot.of(indices);
                assertEquals("column color is dictionary-encoded, and no dictionary provider was given: pass the reader"
                        + " (or another DictionaryProvider) to fromArrow(root, dictionaries)", error(root));
                Table t = ArrowTables.fromArrow(root, new DictionaryProvider.MapDictionaryProvider(dictionary));
                assertArrayEquals(colors, (String[]) t.column("color").values());
            }
        }
    }

    @Test
    void filesThatAreNotArrow() throws IOException {
        Path csv = dir.resolve("not.arrow");
        Files.writeString(csv, "name,amount\nAnn,1\n");
        assertEquals(csv + " is not an Arrow IPC file: it starts neither with ARROW1 (the file format) nor with"
                + " 0xFFFFFFFF (the stream format)", assertThrows(IOException.class, () -> ArrowTables.readIpc(csv)).getMessage());
        Path truncated = dir.resolve("truncated.arrow");
        ArrowTables.writeIpc(everyType(100, 6), truncated);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class, () -> ArrowTables.readIpc(truncated));
        assertTrue(e.getMessage().startsWith(truncated + " is not a readable Arrow IPC file ("), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ArrowTables.readIpc(dir.resolve("absent.arrow")));
    }

    @Test
    void aFailedWriteLeavesNothing() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(directory.resolve("inside"), "x");
        assertThrows(IOException.class, () -> ArrowTables.writeIpc(everyType(10, 4), directory));
        assertTrue(Files.isDirectory(directory));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(directory), listing.toList(), "the temporary file is removed");
        }
    }

    @Test
    void theTableOwnsItsArraysOnceRead() {
        Table t;
        try (VectorSchemaRoot root = ArrowTables.toArrow(everyType(50, 5), allocator)) {
            t = ArrowTables.fromArrow(root);
        }
        assertEquals(everyType(50, 5), t, "still readable after the vectors are closed");
        assertFalse(t.column("f64").validity().isEmpty());
    }

    private static String error(VectorSchemaRoot root) {
        return assertThrows(IllegalArgumentException.class, () -> ArrowTables.fromArrow(root)).getMessage();
    }
}
