package io.jvectorize.runtime.table;

import java.util.Arrays;

/**
 * {@link RowOrder}'s order for one number or bool key, in linear time: the rows split stably
 * into numbers, NaN and missing ones, and the numbers sorted by a least-significant-digit
 * radix sort (stable, as the merge sort) over 64-bit codes whose unsigned order is the
 * values' order. 11-bit digits, six passes at most; a pass whose digit is the same for every
 * row is skipped, so int32 and small-range keys take fewer.
 */
final class RadixOrder {

    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;

    private RadixOrder() {}

    static int[] sorted(ColumnData key, boolean ascending, int rowCount) {
        Object values = key.values();
        boolean[] validity = key.validity();
        int[] numbers = new int[rowCount];
        int[] nans = new int[rowCount];
        int numberCount = 0;
        int nanCount = 0;
        for (int row = 0; row < rowCount; row++) {
            if (validity != null && !validity[row]) {
                continue;
            }
            if (isNaN(values, row)) {
                nans[nanCount++] = row;
            } else {
                numbers[numberCount++] = row;
            }
        }
        long[] codes = new long[numberCount];
        for (int i = 0; i < numberCount; i++) {
            long code = code(values, numbers[i]);
            codes[i] = ascending ? code : ~code;
        }
        radixSort(codes, numbers, numberCount);
        int[] order = new int[rowCount];
        System.arraycopy(numbers, 0, order, 0, numberCount);
        System.arraycopy(nans, 0, order, numberCount, nanCount);
        int next = numberCount + nanCount;
        if (validity != null) {
            for (int row = 0; row < rowCount; row++) {
                if (!validity[row]) {
                    order[next++] = row;
                }
            }
        }
        return order;
    }

    private static boolean isNaN(Object values, int row) {
        if (values instanceof double[]) {
            return Double.isNaN(((double[]) values)[row]);
        }
        return values instanceof float[] && Float.isNaN(((float[]) values)[row]);
    }

    /** A code whose unsigned order is the value's order; -0.0 and 0.0 have one code. */
    private static long code(Object values, int row) {
        if (values instanceof double[] || values instanceof float[]) {
            double x = values instanceof double[] ? ((double[]) values)[row] : ((float[]) values)[row];
            long bits = Double.doubleToRawLongBits(x == 0 ? 0.0 : x);
            // Negative numbers: all bits flipped (larger magnitude, smaller code); others: the sign bit set.
            return bits ^ (bits >> 63 | Long.MIN_VALUE);
        }
        if (values instanceof long[]) {
            return ((long[]) values)[row] ^ Long.MIN_VALUE;
        }
        if (values instanceof int[]) {
            return ((int[]) values)[row] ^ Long.MIN_VALUE;
        }
        return ((boolean[]) values)[row] ? 1 : 0;
    }

    /** Sorts {@code rows[0, n)} by {@code codes} (unsigned), stably, moving both arrays in step. */
    private static void radixSort(long[] codes, int[] rows, int n) {
        long[] fromCodes = codes;
        int[] fromRows = rows;
        long[] toCodes = new long[n];
        int[] toRows = new int[n];
        int[] counts = new int[RADIX];
        for (int shift = 0; shift < Long.SIZE; shift += BITS) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) (fromCodes[i] >>> shift) & (RADIX - 1)]++;
            }
            if (n == 0 || counts[(int) (fromCodes[0] >>> shift) & (RADIX - 1)] == n) {
                continue; // every code has this digit: the pass would change nothing
            }
            int start = 0;
            for (int digit = 0; digit < RADIX; digit++) {
                int count = counts[digit];
                counts[digit] = start;
                start += count;
            }
            for (int i = 0; i < n; i++) {
                int slot = counts[(int) (fromCodes[i] >>> shift) & (RADIX - 1)]++;
                toCodes[slot] = fromCodes[i];
                toRows[slot] = fromRows[i];
            }
            long[] codesSwap = fromCodes;
            fromCodes = toCodes;
            toCodes = codesSwap;
            int[] rowsSwap = fromRows;
            fromRows = toRows;
            toRows = rowsSwap;
        }
        if (fromRows != rows) {
            System.arraycopy(fromRows, 0, rows, 0, n);
        }
    }
}
