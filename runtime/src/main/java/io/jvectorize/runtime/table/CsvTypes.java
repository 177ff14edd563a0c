package io.jvectorize.runtime.table;

import java.util.List;

/**
 * The type of a CSV column, inferred from all its cells, and its values.
 *
 * <p>An empty cell (quoted or not) is missing, in every type. Of the present cells, with
 * spaces and tabs around them ignored:
 * <ol>
 *   <li>int64 if every one is an integer that int64 holds: optional sign, ASCII digits
 *       ({@code 42}, {@code -7}, {@code +3}, {@code 007});
 *   <li>else float64 if every one is a number: an integer (also one beyond int64), a decimal
 *       with optional exponent ({@code 1.5}, {@code .5}, {@code 5.}, {@code 1e5},
 *       {@code -2.5E-3}, {@code -0.0}), or, in any case and with optional sign, {@code nan},
 *       {@code inf} or {@code infinity} ({@code NaN}, {@code -inf}, {@code Infinity}); this is
 *       what NumPy's {@code float()} and pandas accept, less Python's {@code 1_000} and Java's
 *       hexadecimal and {@code 1.5d}. Values are rounded to nearest, as Java's
 *       {@link Double#parseDouble} and NumPy do ({@code 1e400} is infinity);
 *   <li>else bool if every one is {@code true} or {@code false}, in any case, as pandas reads them;
 *   <li>else string, the cells as they are (spaces kept).
 * </ol>
 * A column without a present cell is a string column of missing values, as DuckDB reads one
 * (pandas makes it float64 of NaN).
 */
final class CsvTypes {

    private CsvTypes() {}

    static ColumnData column(List<String> cells) {
        int n = cells.size();
        boolean present = false;
        boolean ints = true;
        boolean numbers = true;
        boolean bools = true;
        for (String cell : cells) {
            if (isMissing(cell)) {
                continue;
            }
            present = true;
            int start = start(cell);
            int end = end(cell);
            ints = ints && isInt64(cell, start, end);
            numbers = numbers && (ints || isNumber(cell, start, end));
            bools = bools && isBool(cell, start, end);
            if (!numbers && !bools) {
                break;
            }
        }
        boolean[] valid = new boolean[n];
        if (!present) {
            return ColumnData.of(new String[n], valid);
        }
        if (ints) {
            long[] values = new long[n];
            for (int row = 0; row < n; row++) {
                String cell = cells.get(row);
                valid[row] = !isMissing(cell);
                values[row] = valid[row] ? Long.parseLong(cell.substring(start(cell), end(cell))) : 0;
            }
            return ColumnData.of(values, valid);
        }
        if (numbers) {
            double[] values = new double[n];
            for (int row = 0; row < n; row++) {
                String cell = cells.get(row);
                valid[row] = !isMissing(cell);
                values[row] = valid[row] ? toDouble(cell.substring(start(cell), end(cell))) : 0;
            }
            return ColumnData.of(values, valid);
        }
        if (bools) {
            boolean[] values = new boolean[n];
            for (int row = 0; row < n; row++) {
                String cell = cells.get(row);
                valid[row] = !isMissing(cell);
                values[row] = valid[row] && cell.regionMatches(true, start(cell), "true", 0, 4);
            }
            return ColumnData.of(values, valid);
        }
        String[] values = new String[n];
        for (int row = 0; row < n; row++) {
            String cell = cells.get(row);
            valid[row] = !isMissing(cell);
            values[row] = valid[row] ? cell : null;
        }
        return ColumnData.of(values, valid);
    }

    private static boolean isMissing(String cell) {
        return cell == null || cell.isEmpty();
    }

    private static int start(String cell) {
        int i = 0;
        while (i < cell.length() && isSpace(cell.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the cell without its trailing spaces; {@code start(cell)} where it is all spaces. */
    private static int end(String cell) {
        int start = start(cell);
        int i = cell.length();
        while (i > start && isSpace(cell.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Optional sign, then ASCII digits, of a value within int64. */
    static boolean isInt64(String s, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i == end) {
            return false;
        }
        // Accumulate negatively, so that Long.MIN_VALUE fits.
        long value = 0;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return false;
            }
            int digit = c - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return false;
            }
            value = value * 10 - digit;
        }
        return negative || value != Long.MIN_VALUE;
    }

    /** {@code [+-] (digits [. [digits]] | . digits) [(e|E) [+-] digits]}, or {@code [+-] (nan | inf | infinity)} in any case. */
    static boolean isNumber(String s, int start, int end) {
        int i = start;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (special(s, i, end) != 0) {
            return true;
        }
        int digits = 0;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < end && s.charAt(i) == '.') {
            i++;
            while (i < end && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < end && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == end;
    }

    /** 1 for nan, 2 for inf or infinity (any case) filling {@code s[i, end)}; 0 otherwise. */
    private static int special(String s, int i, int end) {
        int length = end - i;
        if (length == 3 && s.regionMatches(true, i, "nan", 0, 3)) {
            return 1;
        }
        if (length == 3 && s.regionMatches(true, i, "inf", 0, 3) || length == 8 && s.regionMatches(true, i, "infinity", 0, 8)) {
            return 2;
        }
        return 0;
    }

    /** A text {@link #isNumber} accepts, as a double. */
    static double toDouble(String number) {
        boolean negative = number.startsWith("-");
        int i = negative || number.startsWith("+") ? 1 : 0;
        switch (special(number, i, number.length())) {
            case 1:
                return Double.NaN;
            case 2:
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default:
                return Double.parseDouble(number);
        }
    }

    static boolean isBool(String s, int start, int end) {
        int length = end - start;
        return length == 4 && s.regionMatches(true, start, "true", 0, 4)
                || length == 5 && s.regionMatches(true, start, "false", 0, 5);
    }
}
