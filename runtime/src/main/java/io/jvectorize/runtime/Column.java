package io.jvectorize.runtime;

import io.jvectorize.runtime.table.ColumnArrays;
import io.jvectorize.runtime.table.ColumnData;
import io.jvectorize.runtime.table.ColumnType;
import java.util.Objects;
import java.util.Optional;

/**
 * One named column of a {@link Table}: its values in a Java array and which of them are
 * missing. Immutable, as its table.
 *
 * <h2>Types</h2>
 * A column holds {@code float64} ({@code double[]}), {@code float32} ({@code float[]}),
 * {@code int64} ({@code long[]}), {@code int32} ({@code int[]}), {@code bool}
 * ({@code boolean[]}) or {@code string} ({@code String[]}) values. {@link #typeName()} names
 * every type; {@link #dtype()} gives the {@link DType} of the five that expressions compute
 * with. (There is no string DType yet: where one is added, {@code dtype()} returns it for
 * string columns instead of throwing, and nothing else here changes.)
 *
 * <h2>Missing values</h2>
 * Any column may have missing values (nulls, as in SQL and Arrow). A float NaN is a value,
 * not a missing one. The slot of a missing value in {@link #values()} holds the type's zero
 * ({@code 0}, {@code 0.0}, {@code false}), or {@code null} in a string column.
 */
public final class Column {

    private final String name;
    private final ColumnData data;

    Column(String name, ColumnData data) {
        this.name = name;
        this.data = data;
    }

    /**
     * A column of one of the arrays {@link Table#of(java.util.Map)} takes: a primitive array,
     * <b>not copied</b> (the caller must not change it afterwards), or a boxed array or
     * {@code String[]}, where {@code null} is a missing value, copied.
     *
     * @throws IllegalArgumentException if the name is not a valid column name (see
     *     {@link Table}) or the values are null or of another type
     */
    public static Column of(String name, Object values) {
        Table.checkName(name);
        return new Column(name, ColumnArrays.toColumn(name, values));
    }

    /**
     * A column of a primitive array or {@code String[]} and a validity mask: {@code true} where
     * the row has a value, {@code false} where it is missing; null where none is missing (in a
     * {@code String[]}, null strings are then the missing ones). Neither array is copied: the
     * caller must not change them afterwards. The values are never written: where a missing
     * row's slot holds anything but zero (or null), they are copied once, and the copy's slot
     * cleared.
     *
     * @throws IllegalArgumentException if the name is not a valid column name, the values are
     *     null or not one of those arrays, the mask's length differs, or a string the mask
     *     calls present is null
     */
    public static Column of(String name, Object values, boolean[] validity) {
        Table.checkName(name);
        return new Column(name, ColumnArrays.toColumn(name, values, validity));
    }

    /** The storage, for the table's operations. */
    ColumnData data() {
        return data;
    }

    public String name() {
        return name;
    }

    /** The type's name, as {@link Table#schema()} writes it: float64, float32, int64, int32, bool or string. */
    public String typeName() {
        return data.type().typeName();
    }

    /**
     * The type of a number or bool column.
     *
     * @throws IllegalStateException for a string column, which has no DType yet ({@link #isString()} tells)
     */
    public DType dtype() {
        return DType.ofArray(data.values()).orElseThrow(() -> new IllegalStateException("column " + name
                + " holds strings, which have no DType; check isString() or typeName() first"));
    }

    /** Whether this is a string column. */
    public boolean isString() {
        return data.type() == ColumnType.STRING;
    }

    /** The number of rows, missing ones included. */
    public int length() {
        return data.length();
    }

    /**
     * The values: a {@code double[]}, {@code float[]}, {@code long[]}, {@code int[]},
     * {@code boolean[]} or {@code String[]}, as {@link #typeName()} says. This is the column's
     * own array, not a copy: read it, never write it.
     */
    public Object values() {
        return data.values();
    }

    /**
     * Which rows have a value ({@code true}) and which are missing ({@code false}); empty where
     * no value is missing. This is the column's own array, not a copy: read it, never write it.
     */
    public Optional<boolean[]> validity() {
        return Optional.ofNullable(data.validity());
    }

    public boolean hasMissing() {
        return data.missingCount() > 0;
    }

    public int missingCount() {
        return data.missingCount();
    }

    /** Whether the value at {@code row} is missing. */
    public boolean isMissing(int row) {
        Objects.checkIndex(row, data.length());
        return data.isMissing(row);
    }

    /**
     * The value at {@code row}, boxed: a Double, Float, Long, Integer, Boolean or String, or
     * null where it is missing.
     */
    public Object get(int row) {
        return data.get(row);
    }

    /** Equal names, types, values (floats by their bits: NaN equals NaN) and missing rows. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Column && name.equals(((Column) other).name) && data.equals(((Column) other).data);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + data.hashCode();
    }

    /** The name and the type as {@link Table#schema()} writes them, and the length, as {@code amount: ?float64, 3 rows}. */
    @Override
    public String toString() {
        return name + ": " + (hasMissing() ? "?" : "") + typeName() + ", " + length() + (length() == 1 ? " row" : " rows");
    }
}
