package io.jvectorize.arrow;

import io.jvectorize.runtime.Column;
import io.jvectorize.runtime.Table;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.types.Types;
import org.apache.arrow.vector.types.Types.MinorType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Arrow vectors into Table columns: each value copied once, from Arrow's buffers into a Java
 * array (fixed-width values in bulk), its validity bits into a mask.
 *
 * <p>Types: float64, float32, int64, int32, bool and string (utf8, large_utf8, utf8_view) as
 * the same Table types; int8, int16, uint8 and uint16 widened to int32 and uint32 to int64,
 * which hold every value; a column of Arrow's null type as a string column of missing values
 * (as a CSV column without values). Any other type is an error that names the column.
 */
final class FromArrow {

    /** Fixed-width values are copied through NIO views of at most this many bytes. */
    private static final int CHUNK_BYTES = 1 << 30;

    private FromArrow() {}

    /**
     * The Table of these batches: {@code batches.get(b)} holds batch b's vectors (dictionary
     * indices already decoded) in column order, {@code rowCounts.get(b)} its row count, and
     * {@code names} the columns' names (a decoded vector has its dictionary's name).
     */
    static Table table(List<String> names, List<List<FieldVector>> batches, List<Integer> rowCounts) {
        List<Field> fields = new ArrayList<>();
        for (FieldVector vector : batches.get(0)) {
            fields.add(vector.getField());
        }
        for (int f = 0; f < fields.size(); f++) {
            checkType(f, names.get(f), fields.get(f));
        }
        long total = 0;
        for (int rows : rowCounts) {
            total += rows;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the Arrow data has " + total + " rows; a Table holds at most "
                    + (Integer.MAX_VALUE - 8));
        }
        List<Column> columns = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            List<FieldVector> chunks = new ArrayList<>();
            for (List<FieldVector> batch : batches) {
                chunks.add(batch.get(f));
            }
            columns.add(column(f, names.get(f), fields.get(f), chunks, rowCounts, (int) total));
        }
        return Table.of(columns);
    }

    /** The Table type a field's Arrow type reads as; an error for types without one. */
    static void checkType(int index, String name, Field field) {
        MinorType type = Types.getMinorTypeForArrowType(field.getType());
        switch (type) {
            case FLOAT8: case FLOAT4: case BIGINT: case INT: case SMALLINT: case TINYINT: case UINT1: case UINT2:
            case UINT4: case BIT: case VARCHAR: case LARGEVARCHAR: case VIEWVARCHAR: case NULL:
                return;
            default:
                throw new IllegalArgumentException("column " + describe(index, name) + " has Arrow type " + field.getType()
                        + ", which no Table column holds: Table columns are float64, float32, int64, int32, bool and"
                        + " string (int8, int16, uint8 and uint16 read as int32, uint32 as int64); cast it to one of"
                        + " those first");
        }
    }

    /** How messages name a column: by its name, or by its position where it has none. */
    static String describe(int index, String name) {
        return name == null || name.isEmpty() ? "number " + (index + 1) : name;
    }

    private static Column column(int index, String name, Field field, List<FieldVector> chunks, List<Integer> rowCounts,
            int total) {
        Object values = newArray(Types.getMinorTypeForArrowType(field.getType()), total);
        boolean[] validity = null;
        int offset = 0;
        for (int c = 0; c < chunks.size(); c++) {
            FieldVector vector = chunks.get(c);
            int rows = rowCounts.get(c);
            copyValues(vector, rows, values, offset);
            if (vector.getNullCount() > 0) {
                if (validity == null) {
                    validity = new boolean[total];
                    Arrays.fill(validity, 0, offset, true);
                }
                for (int i = 0; i < rows; i++) {
                    validity[offset + i] = !vector.isNull(i);
                }
            } else if (validity != null) {
                Arrays.fill(validity, offset, offset + rows, true);
            }
            offset += rows;
        }
        if (validity != null) {
            clearMissing(values, validity);
        }
        try {
            return Column.of(name, values, validity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Arrow field " + (index + 1) + ": " + e.getMessage(), e);
        }
    }

    private static Object newArray(MinorType type, int n) {
        switch (type) {
            case FLOAT8: return new double[n];
            case FLOAT4: return new float[n];
            case BIGINT: case UINT4: return new long[n];
            case INT: case SMALLINT: case TINYINT: case UINT1: case UINT2: return new int[n];
            case BIT: return new boolean[n];
            default: return new String[n];
        }
    }

    private static void copyValues(FieldVector vector, int rows, Object values, int offset) {
        switch (vector.getMinorType()) {
            case FLOAT8:
                for (int done = 0; done < rows; ) {
                    int n = Math.min(rows - done, CHUNK_BYTES / Double.BYTES);
                    view(vector.getDataBuffer(), done, n, Double.BYTES).asDoubleBuffer().get((double[]) values, offset + done, n);
                    done += n;
                }
                break;
            case FLOAT4:
                for (int done = 0; done < rows; ) {
                    int n = Math.min(rows - done, CHUNK_BYTES / Float.BYTES);
                    view(vector.getDataBuffer(), done, n, Float.BYTES).asFloatBuffer().get((float[]) values, offset + done, n);
                    done += n;
                }
                break;
            case BIGINT:
                for (int done = 0; done < rows; ) {
                    int n = Math.min(rows - done, CHUNK_BYTES / Long.BYTES);
                    view(vector.getDataBuffer(), done, n, Long.BYTES).asLongBuffer().get((long[]) values, offset + done, n);
                    done += n;
                }
                break;
            case INT:
                for (int done = 0; done < rows; ) {
                    int n = Math.min(rows - done, CHUNK_BYTES / Integer.BYTES);
                    view(vector.getDataBuffer(), done, n, Integer.BYTES).asIntBuffer().get((int[]) values, offset + done, n);
                    done += n;
                }
                break;
            case BIT: {
                ArrowBuf bits = vector.getDataBuffer();
                boolean[] to = (boolean[]) values;
                for (int i = 0; i < rows; i++) {
                    to[offset + i] = (bits.getByte(i >>> 3) >> (i & 7) & 1) != 0;
                }
                break;
            }
            case TINYINT: case SMALLINT: case UINT1: case UINT2: {
                int[] to = (int[]) values;
                for (int i = 0; i < rows; i++) {
                    to[offset + i] = vector.isNull(i) ? 0 : widened(vector, i);
                }
                break;
            }
            case UINT4: {
                UInt4Vector v = (UInt4Vector) vector;
                long[] to = (long[]) values;
                for (int i = 0; i < rows; i++) {
                    to[offset + i] = v.isNull(i) ? 0 : Integer.toUnsignedLong(v.get(i));
                }
                break;
            }
            case VARCHAR: case LARGEVARCHAR:
                copyStrings(vector, rows, (String[]) values, offset);
                break;
            case VIEWVARCHAR: {
                ViewVarCharVector v = (ViewVarCharVector) vector;
                String[] to = (String[]) values;
                for (int i = 0; i < rows; i++) {
                    to[offset + i] = v.isNull(i) ? null : new String(v.get(i), StandardCharsets.UTF_8);
                }
                break;
            }
            default: // NULL: every value missing, already null
        }
    }

    /** A little-endian view of {@code n} values of {@code width} bytes from value {@code first}. */
    private static java.nio.ByteBuffer view(ArrowBuf data, int first, int n, int width) {
        return data.nioBuffer((long) first * width, n * width).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int widened(FieldVector vector, int i) {
        switch (vector.getMinorType()) {
            case TINYINT: return ((TinyIntVector) vector).get(i);
            case SMALLINT: return ((SmallIntVector) vector).get(i);
            case UINT1: return Byte.toUnsignedInt(((UInt1Vector) vector).get(i));
            default: return ((UInt2Vector) vector).get(i); // a char: unsigned 16 bits
        }
    }

    /** utf8 (int32 offsets) and large_utf8 (int64 offsets): each string decoded from the bytes between its offsets. */
    private static void copyStrings(FieldVector vector, int rows, String[] to, int offset) {
        boolean large = vector.getMinorType() == MinorType.LARGEVARCHAR;
        ArrowBuf offsets = vector.getOffsetBuffer();
        ArrowBuf data = vector.getDataBuffer();
        byte[] buffer = new byte[64];
        for (int i = 0; i < rows; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            long start = large ? offsets.getLong((long) i * Long.BYTES) : offsets.getInt((long) i * Integer.BYTES);
            long end = large ? offsets.getLong((long) (i + 1) * Long.BYTES) : offsets.getInt((long) (i + 1) * Integer.BYTES);
            int length = Math.toIntExact(end - start);
            if (length > buffer.length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            data.getBytes(start, buffer, 0, length);
            to[offset + i] = new String(buffer, 0, length, StandardCharsets.UTF_8);
        }
    }

    /** Missing rows' slots are zero (or null) in a column; Arrow leaves them undefined. */
    private static void clearMissing(Object values, boolean[] validity) {
        for (int i = 0; i < validity.length; i++) {
            if (!validity[i]) {
                if (values instanceof double[]) {
                    ((double[]) values)[i] = 0;
                } else if (values instanceof float[]) {
                    ((float[]) values)[i] = 0;
                } else if (values instanceof long[]) {
                    ((long[]) values)[i] = 0;
                } else if (values instanceof int[]) {
                    ((int[]) values)[i] = 0;
                } else if (values instanceof boolean[]) {
                    ((boolean[]) values)[i] = false;
                } else {
                    ((String[]) values)[i] = null;
                }
            }
        }
    }
}
