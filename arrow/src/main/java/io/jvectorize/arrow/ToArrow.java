package io.jvectorize.arrow;

import io.jvectorize.runtime.Column;
import io.jvectorize.runtime.Table;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Table columns into Arrow vectors: float64, float32, int64, int32 and bool as Arrow's types of
 * the same names, string as utf8 (large_utf8 where a column's text exceeds 2 GiB, which utf8's
 * int32 offsets cannot address); every field nullable, missing values as nulls.
 */
final class ToArrow {

    private static final int CHUNK_BYTES = 1 << 30;

    private ToArrow() {}

    static VectorSchemaRoot root(Table table, BufferAllocator allocator) {
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (Column column : table.columns()) {
                vectors.add(vector(column, allocator));
            }
            VectorSchemaRoot root = new VectorSchemaRoot(vectors);
            root.setRowCount(table.rowCount());
            return root;
        } catch (RuntimeException | Error e) {
            for (FieldVector vector : vectors) {
                vector.close();
            }
            throw e;
        }
    }

    private static FieldVector vector(Column column, BufferAllocator allocator) {
        String name = column.name();
        int n = column.length();
        Object values = column.values();
        boolean[] validity = column.validity().orElse(null);
        if (values instanceof String[]) {
            return strings(name, (String[]) values, allocator);
        }
        if (values instanceof boolean[]) {
            return filled(new BitVector(name, allocator), vector -> {
                vector.allocateNew(n);
                boolean[] bits = (boolean[]) values;
                for (int i = 0; i < n; i++) {
                    if (bits[i]) {
                        vector.set(i, 1);
                    }
                }
                setValidity(vector, validity, n);
            });
        }
        BaseFixedWidthVector fixed = values instanceof double[]
                ? new Float8Vector(name, FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), allocator)
                : values instanceof float[]
                ? new Float4Vector(name, FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), allocator)
                : values instanceof long[] ? new BigIntVector(name, allocator) : new IntVector(name, allocator);
        return filled(fixed, vector -> {
            vector.allocateNew(n);
            ArrowBuf data = vector.getDataBuffer();
            int width = vector.getTypeWidth();
            for (int done = 0; done < n; ) {
                int count = Math.min(n - done, CHUNK_BYTES / width);
                ByteBuffer view = data.nioBuffer((long) done * width, count * width).order(ByteOrder.LITTLE_ENDIAN);
                if (values instanceof double[]) {
                    view.asDoubleBuffer().put((double[]) values, done, count);
                } else if (values instanceof float[]) {
                    view.asFloatBuffer().put((float[]) values, done, count);
                } else if (values instanceof long[]) {
                    view.asLongBuffer().put((long[]) values, done, count);
                } else {
                    view.asIntBuffer().put((int[]) values, done, count);
                }
                done += count;
            }
            setValidity(vector, validity, n);
        });
    }

    /** {@code vector} after {@code fill}; closed (its memory freed) where {@code fill} fails. */
    private static <V extends FieldVector> V filled(V vector, Consumer<V> fill) {
        try {
            fill.accept(vector);
            return vector;
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
    }

    /** Sets the validity bits (all, where nothing is missing) and the value count. */
    private static void setValidity(FieldVector vector, boolean[] validity, int n) {
        ArrowBuf bits = vector.getValidityBuffer();
        if (validity == null) {
            bits.setOne(0L, (n + 7) / 8);
        } else {
            for (int b = 0; b < (n + 7) / 8; b++) {
                int mask = 0;
                for (int i = b * 8; i < Math.min(n, b * 8 + 8); i++) {
                    mask |= validity[i] ? 1 << (i & 7) : 0;
                }
                bits.setByte(b, mask);
            }
        }
        vector.setValueCount(n);
    }

    private static FieldVector strings(String name, String[] values, BufferAllocator allocator) {
        long bytes = 0;
        for (String value : values) {
            bytes += value == null ? 0 : utf8Length(value);
        }
        int n = values.length;
        long capacity = Math.max(bytes, 1);
        if (bytes <= Integer.MAX_VALUE) {
            return filled(new VarCharVector(name, allocator), vector -> {
                vector.allocateNew(capacity, n);
                for (int i = 0; i < n; i++) {
                    if (values[i] != null) {
                        vector.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
                    }
                }
                vector.setValueCount(n);
            });
        }
        return filled(new LargeVarCharVector(name, allocator), vector -> {
            vector.allocateNew(capacity, n);
            for (int i = 0; i < n; i++) {
                if (values[i] != null) {
                    vector.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
                }
            }
            vector.setValueCount(n);
        });
    }

    /** The length of {@code s} in UTF-8, as {@code getBytes(UTF_8)} encodes it (a lone surrogate as one byte, '?'). */
    static long utf8Length(String s) {
        long length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length += 1;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
