package io.jvectorize.arrow;

import io.jvectorize.runtime.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * {@link Table}s to and from Apache Arrow: vectors in memory, and Arrow IPC files.
 *
 * <h2>Types</h2>
 * float64, float32, int64, int32, bool and string columns are Arrow's double, float, int64,
 * int32, bool and utf8 (large_utf8 for a string column of more than 2 GiB of text), every
 * field nullable, missing values as nulls. Read back, they give the same table, NaN and
 * nulls included. Reading also takes large_utf8 and utf8_view as string; int8, int16, uint8
 * and uint16 widened to int32 and uint32 to int64; dictionary-encoded columns decoded (where
 * a dictionary provider is at hand); and Arrow's null type as a string column of missing
 * values. Any other Arrow type (dates, timestamps, decimals, lists, structs, uint64, ...) is
 * an error that names the column and its type.
 *
 * <h2>Copies</h2>
 * From Arrow, each value is copied once, from Arrow's buffers into the Table's Java arrays
 * (fixed-width values in bulk); the Table does not refer to Arrow memory afterwards, so the
 * vectors may be closed at once. To Arrow, each value is copied once into new vectors.
 *
 * <h2>JVM flag</h2>
 * Arrow views its memory through direct buffers, which JDK 17 and later allow only with
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on the command line; without it every
 * method here throws an {@link IllegalStateException} that says so. JDK 24 and later also
 * warn that Arrow calls {@code sun.misc.Unsafe} ({@code --sun-misc-unsafe-memory-access=allow}
 * quiets it) and, for ZSTD files, that zstd-jni loads a native library
 * ({@code --enable-native-access=ALL-UNNAMED}).
 */
public final class ArrowTables {

    private static final byte[] FILE_MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};

    /** The continuation marker every message of the stream format (Arrow 0.15 and later) starts with. */
    private static final byte[] STREAM_MAGIC = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    private ArrowTables() {}

    /**
     * The table of {@code root}'s columns and rows, copied (see the class comment); the root is
     * only read.
     *
     * @throws IllegalArgumentException if a column's Arrow type has no Table counterpart, is
     *     dictionary-encoded (use {@link #fromArrow(VectorSchemaRoot, DictionaryProvider)}),
     *     or its name is not a valid column name, or two columns share a name
     */
    public static Table fromArrow(VectorSchemaRoot root) {
        return fromArrow(root, null);
    }

    /**
     * As {@link #fromArrow(VectorSchemaRoot)}, with dictionary-encoded columns decoded through
     * {@code dictionaries} (an Arrow reader is one): decoding makes one more copy of those columns.
     */
    public static Table fromArrow(VectorSchemaRoot root, DictionaryProvider dictionaries) {
        Objects.requireNonNull(root, "root");
        NioAccess.require();
        BufferAllocator allocator = root.getFieldVectors().isEmpty() ? null
                : root.getFieldVectors().get(0).getAllocator();
        List<FieldVector> decoded = new ArrayList<>();
        try {
            List<FieldVector> vectors = new ArrayList<>();
            List<FieldVector> fieldVectors = root.getFieldVectors();
            for (int f = 0; f < fieldVectors.size(); f++) {
                FieldVector vector = fieldVectors.get(f);
                if (vector.getField().getDictionary() != null) {
                    vector = decode(f, vector, dictionaries, allocator);
                    decoded.add(vector);
                }
                vectors.add(vector);
            }
            return FromArrow.table(names(fieldVectors), List.of(vectors), List.of(root.getRowCount()));
        } finally {
            for (FieldVector vector : decoded) {
                vector.close();
            }
        }
    }

    private static FieldVector decode(int index, FieldVector indices, DictionaryProvider dictionaries,
            BufferAllocator allocator) {
        Field field = indices.getField();
        long id = field.getDictionary().getId();
        Dictionary dictionary = dictionaries == null ? null : dictionaries.lookup(id);
        if (dictionary == null) {
            throw new IllegalArgumentException("column " + FromArrow.describe(index, field.getName())
                    + " is dictionary-encoded, and " + (dictionaries == null ? "no dictionary provider was given"
                    : "the dictionary provider has no dictionary " + id) + ": pass the reader (or another"
                    + " DictionaryProvider) to fromArrow(root, dictionaries)");
        }
        ValueVector values = DictionaryEncoder.decode(indices, dictionary, allocator);
        return (FieldVector) values;
    }

    private static List<String> names(List<FieldVector> vectors) {
        List<String> names = new ArrayList<>();
        for (FieldVector vector : vectors) {
            names.add(vector.getField().getName());
        }
        return names;
    }

    /**
     * New Arrow vectors holding {@code table}, allocated from {@code allocator}: the caller owns
     * the root and closes it. Nothing stays allocated where this fails.
     */
    public static VectorSchemaRoot toArrow(Table table, BufferAllocator allocator) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(allocator, "allocator");
        NioAccess.require();
        return ToArrow.root(table, allocator);
    }

    /**
     * Reads an Arrow IPC file: the file format (Feather V2, {@code .arrow}, as
     * {@link #writeIpc} writes) or the stream format ({@code .arrows}), told apart by the
     * file's first bytes. Every record batch becomes rows of the table, in order; each value
     * is copied once (batches are kept in Arrow memory until the last is read, then copied).
     *
     * @throws IOException if the file cannot be read or is not Arrow IPC
     * @throws IllegalArgumentException as {@link #fromArrow(VectorSchemaRoot)}
     */
    public static Table readIpc(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        NioAccess.require();
        try (BufferAllocator allocator = new RootAllocator();
                ArrowReader reader = open(path, allocator)) {
            VectorSchemaRoot root = readerStep(path, reader::getVectorSchemaRoot);
            List<Field> schema = root.getSchema().getFields();
            for (int f = 0; f < schema.size(); f++) {
                if (schema.get(f).getDictionary() == null) {
                    FromArrow.checkType(f, schema.get(f).getName(), schema.get(f));
                }
            }
            List<List<FieldVector>> batches = new ArrayList<>();
            List<Integer> rowCounts = new ArrayList<>();
            try {
                while (readerStep(path, reader::loadNextBatch)) {
                    batches.add(takeBatch(root, reader, allocator));
                    rowCounts.add(root.getRowCount());
                }
                if (batches.isEmpty()) {
                    // A schema without batches: no rows, but the columns and their types.
                    batches.add(takeBatch(root, reader, allocator));
                    rowCounts.add(0);
                }
                return FromArrow.table(names(root.getFieldVectors()), batches, rowCounts);
            } finally {
                for (List<FieldVector> batch : batches) {
                    batch.forEach(FieldVector::close);
                }
            }
        }
    }

    /** A step of Arrow's reader: its failures on a damaged file (many of them runtime exceptions) say which file. */
    private static <T> T readerStep(Path path, ReaderStep<T> step) throws IOException {
        try {
            return step.run();
        } catch (RuntimeException | IOException e) {
            throw new IOException(path + " is not a readable Arrow IPC file (" + e + ")", e);
        }
    }

    @FunctionalInterface
    private interface ReaderStep<T> {
        T run() throws IOException;
    }

    /** A reader for the format the file's first bytes announce. */
    private static ArrowReader open(Path path, BufferAllocator allocator) throws IOException {
        byte[] start = new byte[FILE_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(start, 0, start.length);
        }
        if (read == FILE_MAGIC.length && Arrays.equals(start, FILE_MAGIC)) {
            SeekableByteChannel channel = Files.newByteChannel(path);
            return new ArrowFileReader(channel, allocator, CommonsCompressionFactory.INSTANCE);
        }
        if (read >= STREAM_MAGIC.length && Arrays.equals(Arrays.copyOf(start, STREAM_MAGIC.length), STREAM_MAGIC)) {
            return new ArrowStreamReader(Files.newInputStream(path), allocator, CommonsCompressionFactory.INSTANCE);
        }
        throw new IOException(path + " is not an Arrow IPC file: it starts neither with ARROW1 (the file format) nor"
                + " with 0xFFFFFFFF (the stream format)");
    }

    /**
     * The root's vectors, moved out of it (no copy) so that the reader can load the next
     * batch; dictionary-encoded ones decoded.
     */
    private static List<FieldVector> takeBatch(VectorSchemaRoot root, ArrowReader reader, BufferAllocator allocator) {
        List<FieldVector> batch = new ArrayList<>();
        try {
            List<FieldVector> vectors = root.getFieldVectors();
            for (int f = 0; f < vectors.size(); f++) {
                FieldVector vector = vectors.get(f);
                if (vector.getField().getDictionary() != null) {
                    batch.add(decode(f, vector, reader, allocator));
                } else {
                    var transfer = vector.getTransferPair(allocator);
                    transfer.transfer();
                    batch.add((FieldVector) transfer.getTo());
                }
            }
            return batch;
        } catch (RuntimeException | Error e) {
            batch.forEach(FieldVector::close);
            throw e;
        }
    }

    /**
     * Writes {@code table} as an Arrow IPC file in the file format (Feather V2: random access
     * through its footer, what pyarrow's {@code feather.read_table}, pandas'
     * {@code read_feather}, DuckDB and Polars read as {@code .arrow} files), as one record
     * batch. The file is written beside {@code path} under a temporary name and moved over it
     * once complete: where writing fails, {@code path} is as it was.
     *
     * @throws IOException if the file cannot be written
     */
    public static void writeIpc(Table table, Path path) throws IOException {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
        NioAccess.require();
        Path absolute = path.toAbsolutePath();
        // Created as any new file (not createTempFile's owner-only permissions), beside the target.
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean done = false;
        try {
            try (BufferAllocator allocator = new RootAllocator();
                    VectorSchemaRoot root = toArrow(table, allocator);
                    FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
