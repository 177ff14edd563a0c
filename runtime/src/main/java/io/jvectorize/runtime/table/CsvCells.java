package io.jvectorize.runtime.table;

import java.util.Arrays;

/**
 * One CSV column's cells as read, before their type is known: their characters back to back
 * in one array, and where each ends. A file's cells stay in memory until every column's type
 * is inferred; held as a String each (some 50 bytes apiece), a million rows kept the garbage
 * collector busier than the parser.
 */
final class CsvCells {

    private char[] chars = new char[256];
    private int length;
    /** Where each cell ends in {@link #chars}; complemented ({@code ~end}) for a missing cell. */
    private int[] ends = new int[64];
    private int count;

    /** Adds a cell: null or empty (quoted or not) is a missing one. */
    void add(String cell) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        if (cell == null || cell.isEmpty()) {
            ends[count++] = ~length;
            return;
        }
        if (length + cell.length() > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(length + cell.length(), chars.length * 2));
        }
        cell.getChars(0, cell.length(), chars, length);
        length += cell.length();
        ends[count++] = length;
    }

    int size() {
        return count;
    }

    char[] chars() {
        return chars;
    }

    boolean isMissing(int i) {
        return ends[i] < 0;
    }

    /** Where cell {@code i} starts in {@link #chars()}. */
    int start(int i) {
        return i == 0 ? 0 : ends[i - 1] < 0 ? ~ends[i - 1] : ends[i - 1];
    }

    /** Where cell {@code i} ends in {@link #chars()}. */
    int end(int i) {
        return ends[i] < 0 ? ~ends[i] : ends[i];
    }

    /** Cell {@code i} as written; null where it is missing. */
    String text(int i) {
        return isMissing(i) ? null : new String(chars, start(i), end(i) - start(i));
    }
}
