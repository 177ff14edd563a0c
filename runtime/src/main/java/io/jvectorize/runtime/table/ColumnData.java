package io.jvectorize.runtime.table;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Objects;

/**
 * One column's storage: its values in a Java array ({@code double[]}, {@code float[]},
 * {@code long[]}, {@code int[]}, {@code boolean[]} or {@code String[]}) and, where some are
 * missing, a validity mask ({@code true} where the row has a value).
 *
 * <p>Two rules keep columns comparable: a mask is kept only where at least one value is
 * missing (else {@link #validity()} is null), and a missing row's slot holds the type's zero
 * ({@code 0}, {@code 0.0}, {@code false}) or {@code null} for strings.
 *
 * <p>The arrays are taken over, not copied: whoever builds a ColumnData hands over arrays that
 * nobody writes afterwards. A boolean[] mask (rather than a bitmap) is what the Vector API
 * loads as a lane mask, for filters and missing values inside expressions.
 */
public final class ColumnData {

    private final Object values;
    private final boolean[] validity;
    private final int missing;
    /** A string column's codes, made on first use: a column is immutable, so they never change. */
    private volatile StringCodes stringCodes;

    private ColumnData(Object values, boolean[] validity, int missing) {
        this.values = values;
        this.validity = validity;
        this.missing = missing;
    }

    /** A column without missing values. */
    public static ColumnData of(Object values) {
        return new ColumnData(checkArray(values), null, 0);
    }

    /**
     * A column with the given mask (null: none missing): a mask without a missing row is
     * dropped, and missing slots of {@code values}, which is taken over, are set to zero.
     */
    public static ColumnData of(Object values, boolean[] validity) {
        checkArray(values);
        if (validity == null) {
            return new ColumnData(values, null, 0);
        }
        if (validity.length != Array.getLength(values)) {
            throw new IllegalArgumentException("validity has " + validity.length + " rows, values "
                    + Array.getLength(values));
        }
        int missing = 0;
        for (int row = 0; row < validity.length; row++) {
            if (!validity[row]) {
                missing++;
                clear(values, row);
            }
        }
        return missing == 0 ? new ColumnData(values, null, 0) : new ColumnData(values, validity, missing);
    }

    private static Object checkArray(Object values) {
        Objects.requireNonNull(values, "values");
        if (ColumnType.of(values.getClass()) == null) {
            throw new IllegalArgumentException("not a column array: " + values.getClass().getSimpleName());
        }
        return values;
    }

    private static void clear(Object values, int row) {
        if (values instanceof double[]) {
            ((double[]) values)[row] = 0;
        } else if (values instanceof float[]) {
            ((float[]) values)[row] = 0;
        } else if (values instanceof long[]) {
            ((long[]) values)[row] = 0;
        } else if (values instanceof int[]) {
            ((int[]) values)[row] = 0;
        } else if (values instanceof boolean[]) {
            ((boolean[]) values)[row] = false;
        } else {
            ((String[]) values)[row] = null;
        }
    }

    /** The values, not a copy. */
    public Object values() {
        return values;
    }

    /** The mask, not a copy: {@code true} where a value is present; null where none is missing. */
    public boolean[] validity() {
        return validity;
    }

    public ColumnType type() {
        return ColumnType.of(values.getClass());
    }

    public int length() {
        return Array.getLength(values);
    }

    public int missingCount() {
        return missing;
    }

    public boolean isMissing(int row) {
        return validity != null && !validity[row];
    }

    /**
     * A string column's values as int32 codes that order as the strings do, computed once per column.
     *
     * @throws IllegalStateException for another type
     */
    public StringCodes stringCodes() {
        if (!(values instanceof String[])) {
            throw new IllegalStateException("not a string column: " + type());
        }
        StringCodes codes = stringCodes;
        if (codes == null) {
            codes = StringCodes.of(this);
            stringCodes = codes;
        }
        return codes;
    }

    /** The value at {@code row}, boxed (Double, Float, Long, Integer, Boolean or String); null where missing. */
    public Object get(int row) {
        Objects.checkIndex(row, length());
        return isMissing(row) ? null : Array.get(values, row);
    }

    /** The rows {@code rows[0]}, {@code rows[1]}, ... of this column, in a new column. */
    public ColumnData gather(int[] rows) {
        Object gathered = gatherValues(rows);
        if (validity == null) {
            return new ColumnData(gathered, null, 0);
        }
        boolean[] mask = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            mask[i] = validity[rows[i]];
        }
        return of(gathered, mask);
    }

    private Object gatherValues(int[] rows) {
        int n = rows.length;
        if (values instanceof double[]) {
            double[] from = (double[]) values;
            double[] to = new double[n];
            for (int i = 0; i < n; i++) {
                to[i] = from[rows[i]];
            }
            return to;
        }
        if (values instanceof float[]) {
            float[] from = (float[]) values;
            float[] to = new float[n];
            for (int i = 0; i < n; i++) {
                to[i] = from[rows[i]];
            }
            return to;
        }
        if (values instanceof long[]) {
            long[] from = (long[]) values;
            long[] to = new long[n];
            for (int i = 0; i < n; i++) {
                to[i] = from[rows[i]];
            }
            return to;
        }
        if (values instanceof int[]) {
            int[] from = (int[]) values;
            int[] to = new int[n];
            for (int i = 0; i < n; i++) {
                to[i] = from[rows[i]];
            }
            return to;
        }
        if (values instanceof boolean[]) {
            boolean[] from = (boolean[]) values;
            boolean[] to = new boolean[n];
            for (int i = 0; i < n; i++) {
                to[i] = from[rows[i]];
            }
            return to;
        }
        String[] from = (String[]) values;
        String[] to = new String[n];
        for (int i = 0; i < n; i++) {
            to[i] = from[rows[i]];
        }
        return to;
    }

    /** The first {@code n <= length()} rows, in a new column. */
    public ColumnData head(int n) {
        Object prefix = Array.newInstance(values.getClass().getComponentType(), n);
        System.arraycopy(values, 0, prefix, 0, n);
        return validity == null ? new ColumnData(prefix, null, 0) : of(prefix, Arrays.copyOf(validity, n));
    }

    /**
     * Equal types, values and masks; floats compared by their bits, as {@link Arrays#equals(double[], double[])}
     * does (NaN equals NaN, -0.0 does not equal 0.0).
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ColumnData)) {
            return false;
        }
        ColumnData that = (ColumnData) other;
        return values.getClass() == that.values.getClass() && Arrays.equals(validity, that.validity)
                && Arrays.deepEquals(new Object[] {values}, new Object[] {that.values});
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(new Object[] {values}) + Arrays.hashCode(validity);
    }
}
