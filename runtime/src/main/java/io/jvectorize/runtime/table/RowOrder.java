package io.jvectorize.runtime.table;

import java.util.List;

/**
 * The order of a table's rows sorted by key columns: a stable sort (rows that tie on every
 * key keep their order), as pandas' {@code sort_values(kind="stable")} and SQL's
 * {@code ORDER BY} with the row number as the last key.
 *
 * <p>Per key: missing values last, whichever the direction (SQL's {@code NULLS LAST},
 * pandas' default {@code na_position="last"}); NaN after every number and before missing
 * values, whichever the direction (pandas puts NaN with the missing values; DuckDB orders
 * NaN above infinity, so first when descending); {@code -0.0} equals {@code 0.0}; false
 * before true; strings by {@link String#compareTo} (UTF-16 code units: the same as Unicode
 * code point order but for characters above U+FFFF against U+E000 to U+FFFF; DuckDB orders
 * by UTF-8 bytes, which is code point order).
 *
 * <p>One number or bool key sorts in linear time ({@link RadixOrder}); strings and several
 * keys by a merge sort of row numbers.
 */
public final class RowOrder {

    /** Compares two rows by one key; negative if row {@code a} comes first. */
    @FunctionalInterface
    private interface RowComparator {
        int compare(int a, int b);
    }

    /** Below this many rows a run is sorted by insertion. */
    private static final int INSERTION = 24;

    private RowOrder() {}

    /**
     * The permutation that sorts {@code rowCount} rows by {@code keys}, the first one most
     * significant: element {@code i} is the row that goes to position {@code i}.
     */
    public static int[] sorted(List<ColumnData> keys, boolean[] ascending, int rowCount) {
        if (keys.size() == 1 && keys.get(0).type() != ColumnType.STRING) {
            return RadixOrder.sorted(keys.get(0), ascending[0], rowCount);
        }
        RowComparator[] comparators = new RowComparator[keys.size()];
        for (int k = 0; k < comparators.length; k++) {
            comparators[k] = comparator(keys.get(k), ascending[k]);
        }
        RowComparator order = comparators.length == 1 ? comparators[0] : (a, b) -> {
            for (RowComparator comparator : comparators) {
                int c = comparator.compare(a, b);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        int[] rows = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            rows[i] = i;
        }
        if (rowCount > 1) {
            mergeSort(rows, rows.clone(), 0, rowCount, order);
        }
        return rows;
    }

    private static RowComparator comparator(ColumnData key, boolean ascending) {
        RowComparator values = values(key.values(), ascending ? 1 : -1);
        boolean[] validity = key.validity();
        if (validity == null) {
            return values;
        }
        return (a, b) -> {
            if (validity[a] && validity[b]) {
                return values.compare(a, b);
            }
            return validity[a] == validity[b] ? 0 : validity[a] ? -1 : 1;
        };
    }

    /** The values' order times {@code sign}, but NaN after numbers either way. */
    private static RowComparator values(Object values, int sign) {
        if (values instanceof double[]) {
            double[] v = (double[]) values;
            return (a, b) -> compareFloats(v[a], v[b], sign);
        }
        if (values instanceof float[]) {
            float[] v = (float[]) values;
            return (a, b) -> compareFloats(v[a], v[b], sign);
        }
        if (values instanceof long[]) {
            long[] v = (long[]) values;
            return (a, b) -> sign * Long.compare(v[a], v[b]);
        }
        if (values instanceof int[]) {
            int[] v = (int[]) values;
            return (a, b) -> sign * Integer.compare(v[a], v[b]);
        }
        if (values instanceof boolean[]) {
            boolean[] v = (boolean[]) values;
            return (a, b) -> sign * Boolean.compare(v[a], v[b]);
        }
        String[] v = (String[]) values;
        return (a, b) -> sign * Integer.signum(v[a].compareTo(v[b]));
    }

    private static int compareFloats(double x, double y, int sign) {
        if (x < y) {
            return -sign;
        }
        if (x > y) {
            return sign;
        }
        boolean xNaN = x != x;
        boolean yNaN = y != y;
        return xNaN == yNaN ? 0 : xNaN ? 1 : -1;
    }

    /**
     * Sorts {@code rows[from, to)} by {@code order}, stably; {@code buffer} holds the same
     * elements there on entry (the halves swap roles on each level, as in Java's legacy
     * merge sort, so nothing is copied back).
     */
    private static void mergeSort(int[] rows, int[] buffer, int from, int to, RowComparator order) {
        int n = to - from;
        if (n <= INSERTION) {
            for (int i = from + 1; i < to; i++) {
                int row = rows[i];
                int j = i - 1;
                while (j >= from && order.compare(rows[j], row) > 0) {
                    rows[j + 1] = rows[j];
                    j--;
                }
                rows[j + 1] = row;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(buffer, rows, from, middle, order);
        mergeSort(buffer, rows, middle, to, order);
        // The halves, sorted in buffer, merge into rows; the left wins ties, which keeps it stable.
        if (order.compare(buffer[middle - 1], buffer[middle]) <= 0) {
            System.arraycopy(buffer, from, rows, from, n);
            return;
        }
        for (int i = from, l = from, r = middle; i < to; i++) {
            if (r >= to || l < middle && order.compare(buffer[l], buffer[r]) <= 0) {
                rows[i] = buffer[l++];
            } else {
                rows[i] = buffer[r++];
            }
        }
    }
}
